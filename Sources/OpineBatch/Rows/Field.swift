/// The value of one input field, kept as written so it can be written back unchanged.
public enum FieldValue: Sendable, Hashable {
    /// Text: every CSV field, and JSON strings.
    case string(String)
    /// A JSON number, `true` or `false`, or a nested object or array, as compact JSON
    /// text. Numbers keep their exact digits (a 20-digit id stays a 20-digit id).
    case json(String)
    /// JSON `null`.
    case null

    /// The value as text: the string, the JSON text, or nil for null.
    public var text: String? {
        switch self {
        case .string(let text), .json(let text): text
        case .null: nil
        }
    }
}

/// One named field of an input row.
public struct Field: Sendable, Hashable {
    /// The column name (CSV) or key (JSON).
    public var name: String
    /// The value.
    public var value: FieldValue

    /// Creates a field.
    public init(name: String, value: FieldValue) {
        self.name = name
        self.value = value
    }
}
