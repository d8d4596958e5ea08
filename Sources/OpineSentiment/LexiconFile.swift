public import Foundation

/// A parsed lexicon file: sentiment entries and rule words.
///
/// The format is UTF-8 text, one entry per line, fields separated by tabs; `#` starts a
/// comment line and blank lines are skipped:
///
///     # term<TAB>valence[<TAB>note]            a sentiment entry, valence -4 ... 4
///     awesome	3.1	vader
///     waste of money	-2.5	idiom
///     # term<TAB>role<TAB>value[<TAB>note]     a rule word
///     hartstikke	intensifier	0.4
///
/// Roles: `negator`, `intensifier` (value: boost, e.g. 0.3 for +30 %), `downtoner`
/// (negative boost), `contrast-after` (weight of the clause after it), `contrast-before`
/// (weight of the clause it introduces), `irrealis` (factor on sentiment in its scope),
/// `question`. A term of several words (`kind of`, `voor geen meter`) is a phrase.
public struct LexiconFile: Sendable {
    /// One sentiment entry.
    public struct Entry: Sendable, Hashable {
        public var term: String
        public var valence: Double
        public var line: Int
    }

    /// One rule word.
    public struct RuleWord: Sendable, Hashable {
        public var term: String
        public var role: Modifier.Role
        public var value: Double
        public var line: Int
    }

    /// Where the entries came from, for error messages and explanations.
    public var path: String
    /// Sentiment entries in file order.
    public var entries: [Entry] = []
    /// Rule words in file order.
    public var ruleWords: [RuleWord] = []

    /// Reads and parses a lexicon file.
    /// - Throws: ``LexiconError`` naming the file and line of the first malformed entry.
    public init(contentsOf url: URL) throws(LexiconError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(parsing: data, path: url.path)
    }

    /// Parses lexicon text; `path` names it in errors.
    public init(parsing data: Data, path: String) throws(LexiconError) {
        self.path = path
        guard let text = String(data: data, encoding: .utf8) else {
            throw .malformed(path: path, line: 0, reason: "the file is not UTF-8 text")
        }
        var lineNumber = 0
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.utf8.last == UInt8(ascii: "\r") { line.removeLast() }
            if lineNumber == 1, line.first == "\u{FEFF}" { line.removeFirst() }
            let content = Self.trimmed(line)
            if content.isEmpty || content.utf8.first == UInt8(ascii: "#") { continue }
            let fields = line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { Self.trimmed(Substring($0)) }
            let term = String(fields[0])
            guard !term.isEmpty else {
                throw .malformed(path: path, line: lineNumber, reason: "the term (first field) is empty")
            }
            guard fields.count >= 2 else {
                throw .malformed(path: path, line: lineNumber, reason: "expected term<TAB>valence, found no tab after '\(term)'")
            }
            let second = String(fields[1])
            if let valence = Double(second) {
                guard valence.isFinite, (-4...4).contains(valence) else {
                    throw .malformed(path: path, line: lineNumber, reason: "valence \(second) of '\(term)' is outside -4 ... 4")
                }
                entries.append(Entry(term: term, valence: valence, line: lineNumber))
            } else if let role = Modifier.Role(rawValue: second) {
                let valueField = fields.count > 2 ? String(fields[2]) : ""
                guard let value = valueField.isEmpty ? 1 : Double(valueField), value.isFinite else {
                    throw .malformed(path: path, line: lineNumber, reason: "value '\(valueField)' of \(role.rawValue) '\(term)' is not a number")
                }
                ruleWords.append(RuleWord(term: term, role: role, value: value, line: lineNumber))
            } else {
                let roles = Modifier.Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw .malformed(
                    path: path, line: lineNumber,
                    reason: "second field '\(second)' of '\(term)' is neither a valence (-4 ... 4) nor a role (\(roles))")
            }
        }
    }

    /// The text without leading and trailing spaces and tabs.
    private static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.utf8.first, first == 0x20 || first == 0x09 { text.removeFirst() }
        while let last = text.utf8.last, last == 0x20 || last == 0x09 { text.removeLast() }
        return text
    }
}

/// Why a lexicon could not be loaded.
public enum LexiconError: Error, Equatable, CustomStringConvertible {
    /// A file could not be read.
    case unreadable(path: String, reason: String)
    /// A line is not in the lexicon format.
    case malformed(path: String, line: Int, reason: String)
    /// No built-in lexicon folder was found in any of these places.
    case builtInNotFound(searched: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read lexicon \(path): \(reason)"
        case .malformed(let path, let line, let reason):
            "\(path):\(line): \(reason)"
        case .builtInNotFound(let searched):
            "cannot find Opine's Lexicons folder; set OPINE_LEXICONS to it. Searched: \(searched.joined(separator: ", "))"
        }
    }
}
