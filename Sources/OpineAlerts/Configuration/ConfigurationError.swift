/// A configuration that cannot be used, with where and what: "alerts.yaml:12:7: rule
/// 'spike': min_share must be a number from 0 to 1, not '40%'".
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (as given), or `<string>` for text that came from no file.
    public var file: String
    /// The 1-based line, when the problem has a place in the file.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?
    /// What is wrong, in words.
    public var message: String

    /// An error at a place in a file.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let line, line > 0, let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}
