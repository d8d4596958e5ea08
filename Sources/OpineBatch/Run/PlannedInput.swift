/// An input as a batch run will read it: its format and the columns it found.
public struct PlannedInput: Sendable, Hashable {
    /// The path given (`-` for standard input).
    public var path: String
    /// The name messages use.
    public var name: String
    /// Its format.
    public var format: InputFormat
    /// Its columns: the CSV header, or the JSON field names (every object's when the
    /// output is CSV, else the first object's).
    public var columns: [String]
    /// The column of each role.
    public var roles: [ColumnRole: String]
    /// Its size on disk, nil for a pipe.
    public var size: Int?
    /// Whether it starts with a UTF-8 byte-order mark.
    public var hasByteOrderMark: Bool

    /// One line for standard error: `reviews.csv: CSV (';'), text 'bericht', rating 'sterren'`.
    public var description: String {
        let roleList = ColumnRole.allCases.compactMap { role in roles[role].map { "\(role.rawValue) '\($0)'" } }
        return "\(name): \(format)" + (roleList.isEmpty ? "" : ", " + roleList.joined(separator: ", "))
    }
}
