/// The format of an input, told from its first bytes.
public enum InputFormat: Sendable, Hashable, CustomStringConvertible {
    /// CSV with the given delimiter (nil: one column).
    case csv(delimiter: UInt8?)
    /// One JSON object per line.
    case jsonLines
    /// A JSON array of objects.
    case jsonArray

    /// How messages name it: `CSV (';')`, `JSON Lines`, `a JSON array`.
    public var description: String {
        switch self {
        case .csv(let delimiter?): "CSV (\(delimiter == 0x09 ? "tab" : "'\(Character(UnicodeScalar(delimiter)))'"))"
        case .csv(nil): "CSV (one column)"
        case .jsonLines: "JSON Lines"
        case .jsonArray: "a JSON array"
        }
    }
}
