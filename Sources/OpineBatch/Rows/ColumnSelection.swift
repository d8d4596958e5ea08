/// How the user chose the column of each ``ColumnRole``.
public struct ColumnSelection: Sendable, Hashable {
    /// The choice for one role.
    public enum Choice: Sendable, Hashable {
        /// Find the column by its name (``ColumnRole/commonNames``).
        case detect
        /// The column with this name (compared exactly, else normalized).
        case named(String)
        /// No column plays this role (not allowed for ``ColumnRole/text``).
        case none
    }

    private var choices: [ColumnRole: Choice] = [:]

    /// Every role detected.
    public init() {}

    /// The choice for a role; ``Choice/detect`` unless set.
    public subscript(role: ColumnRole) -> Choice {
        get { choices[role] ?? .detect }
        set { choices[role] = newValue }
    }

    /// The column that plays each role among `columns`, the column names of `file`.
    ///
    /// - Parameter strict: whether a named column must be among `columns`; false for
    ///   JSON, where `columns` are only the keys of the first object.
    /// - Throws: ``BatchError/usage(_:)`` for a named column that is not there,
    ///   ``BatchError/malformedInput(path:line:reason:)`` when no text column is found.
    public func resolve(columns: [String], file: String, line: Int, strict: Bool) throws(BatchError) -> [ColumnRole: String] {
        var resolved: [ColumnRole: String] = [:]
        let normalized = columns.map(ColumnRole.normalized)
        for role in ColumnRole.allCases {
            switch self[role] {
            case .none:
                guard role != .text else { throw .usage("every row needs a text: \(role.option) cannot be none") }
            case .named(let name):
                if let index = columns.firstIndex(of: name) ?? normalized.firstIndex(of: ColumnRole.normalized(name)) {
                    resolved[role] = columns[index]
                } else if strict {
                    throw .usage("\(role.option) '\(name)' is not a column of \(file) (columns: \(Self.list(columns)))")
                } else {
                    resolved[role] = name
                }
            case .detect:
                let taken = Set(resolved.values)
                let found = role.commonNames.lazy.compactMap { name in
                    normalized.indices.first { normalized[$0] == name && !taken.contains(columns[$0]) }
                }.first
                if let found {
                    resolved[role] = columns[found]
                } else if role == .text {
                    throw .malformedInput(
                        path: file, line: line,
                        reason: "no text column: none of the columns (\(Self.list(columns))) has a name such as "
                            + "\(ColumnRole.text.commonNames.prefix(9).joined(separator: ", ")); name it with --text-column")
                }
            }
        }
        return resolved
    }

    private static func list(_ columns: [String]) -> String {
        columns.isEmpty ? "none" : columns.map { "'\($0)'" }.joined(separator: ", ")
    }
}
