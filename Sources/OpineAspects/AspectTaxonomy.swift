public import Foundation
import OpineSentiment

/// What an opinion is about, from a small extensible taxonomy for customer feedback
/// (`Lexicons/aspects/categories.tsv`): `GENERAL`, `PRODUCT`, `PRICE`, `DELIVERY`,
/// `SERVICE`, `SUPPORT`, `APP`, `FOOD`, `DRINKS`, `AMBIENCE`, `LOCATION`, `OTHER`.
///
/// A category is its id; users add categories by adding lines to the taxonomy file.
public struct AspectCategory: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The category id, as in the taxonomy file (`DELIVERY`).
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    /// The category with this id.
    public init(_ id: String) { rawValue = id }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The business or experience as a whole; also every opinion without an explicit target.
    public static let general: AspectCategory = "GENERAL"
    /// An explicit target whose term is in no term list.
    public static let other: AspectCategory = "OTHER"
}

/// The categories in use, their descriptions, and how categories of other annotation
/// schemes (SemEval's `ENTITY#ATTRIBUTE`) map onto them.
///
/// ```swift
/// let taxonomy = try AspectTaxonomy(contentsOf: folder)      // Lexicons/aspects
/// taxonomy.category(forExternal: "RESTAURANT#PRICES")         // PRICE
/// ```
public struct AspectTaxonomy: Sendable {
    /// One category and what it covers.
    public struct Entry: Sendable, Hashable, Codable {
        /// The category described.
        public var category: AspectCategory
        /// What the category covers, in words.
        public var description: String
        /// Example terms, as written in the taxonomy file; empty when none.
        public var examples: String
        /// Whether an opinion word that cues this category (`expensive` for PRICE) decides
        /// the opinion's category even when it is tied to a target of another category:
        /// `the food is expensive` is a PRICE opinion about the food.
        public var cueOverridesTarget: Bool

        /// A taxonomy entry.
        public init(category: AspectCategory, description: String, examples: String = "", cueOverridesTarget: Bool = false) {
            self.category = category
            self.description = description
            self.examples = examples
            self.cueOverridesTarget = cueOverridesTarget
        }
    }

    /// The categories in file order.
    public private(set) var entries: [Entry]
    /// External labels (`FOOD#QUALITY`, `*#PRICES`) and their category, first match wins.
    public private(set) var externalMappings: [(pattern: String, category: AspectCategory)]

    /// Creates a taxonomy from its parts.
    public init(entries: [Entry], externalMappings: [(pattern: String, category: AspectCategory)] = []) {
        self.entries = entries
        self.externalMappings = externalMappings
    }

    /// Reads `categories.tsv` and, when present, `semeval-categories.tsv` from a folder.
    public init(contentsOf folder: URL) throws(AspectDataError) {
        let categories = try DataFile(url: folder.appendingPathComponent("categories.tsv"))
        var entries: [Entry] = []
        for line in categories.lines {
            guard line.fields.count >= 2 else {
                throw .malformed(path: categories.path, line: line.number, reason: "expected id<TAB>description[<TAB>examples[<TAB>flags]]")
            }
            let id = line.fields[0]
            guard Self.isValidID(id) else {
                throw .malformed(path: categories.path, line: line.number, reason: "category id '\(id)' is not upper case letters, digits and '_'")
            }
            guard !entries.contains(where: { $0.category.rawValue == id }) else {
                throw .malformed(path: categories.path, line: line.number, reason: "category '\(id)' is listed twice")
            }
            let flags = line.fields.count > 3 ? line.fields[3].split(separator: ",").map(String.init) : []
            for flag in flags where flag != "cue-overrides-target" {
                throw .malformed(path: categories.path, line: line.number, reason: "unknown flag '\(flag)'; known: cue-overrides-target")
            }
            entries.append(
                Entry(
                    category: AspectCategory(id), description: line.fields[1], examples: line.fields.count > 2 ? line.fields[2] : "",
                    cueOverridesTarget: flags.contains("cue-overrides-target")))
        }
        for required in [AspectCategory.general, .other] where !entries.contains(where: { $0.category == required }) {
            throw .malformed(path: categories.path, line: 1, reason: "the taxonomy must define \(required)")
        }
        var mappings: [(String, AspectCategory)] = []
        let mappingURL = folder.appendingPathComponent("semeval-categories.tsv")
        if FileManager.default.fileExists(atPath: mappingURL.path) {
            let file = try DataFile(url: mappingURL)
            for line in file.lines {
                guard line.fields.count >= 2 else {
                    throw .malformed(path: file.path, line: line.number, reason: "expected pattern<TAB>category[<TAB>note]")
                }
                let category = AspectCategory(line.fields[1])
                guard entries.contains(where: { $0.category == category }) else {
                    throw .malformed(path: file.path, line: line.number, reason: "unknown category '\(category)'")
                }
                mappings.append((line.fields[0].uppercased(), category))
            }
        }
        self.init(entries: entries, externalMappings: mappings)
    }

    /// Whether the category is in the taxonomy.
    public func contains(_ category: AspectCategory) -> Bool { entries.contains { $0.category == category } }

    /// The entry of a category.
    public func entry(_ category: AspectCategory) -> Entry? { entries.first { $0.category == category } }

    /// The category of an external label such as SemEval's `FOOD#QUALITY`; nil when no
    /// mapping matches.
    public func category(forExternal label: String) -> AspectCategory? {
        let label = label.uppercased()
        let (entity, attribute) = Self.split(label)
        for (pattern, category) in externalMappings {
            let (patternEntity, patternAttribute) = Self.split(pattern)
            if (patternEntity == "*" || patternEntity == entity) && (patternAttribute == "*" || patternAttribute == attribute) {
                return category
            }
        }
        return nil
    }

    private static func split(_ label: String) -> (String, String) {
        guard let hash = label.firstIndex(of: "#") else { return (label, "*") }
        return (String(label[..<hash]), String(label[label.index(after: hash)...]))
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// Why aspect data could not be loaded.
public enum AspectDataError: Error, Equatable, CustomStringConvertible {
    /// No `Lexicons` folder with `aspects/categories.tsv` was found.
    case notFound(searched: [String])
    /// A file could not be read.
    case unreadable(path: String, reason: String)
    /// A line is malformed.
    case malformed(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .notFound(let searched): "no aspect data (Lexicons/aspects/categories.tsv) found; searched \(searched.joined(separator: ", "))"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .malformed(let path, let line, let reason): "\(path):\(line): \(reason)"
        }
    }
}

/// A tab-separated data file: comment lines (`#`) and blank lines skipped, fields trimmed.
struct DataFile {
    struct Line {
        var number: Int
        var fields: [String]
    }

    let path: String
    let lines: [Line]

    init(url: URL) throws(AspectDataError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(parsing: data, path: url.path)
    }

    init(parsing data: Data, path: String) throws(AspectDataError) {
        self.path = path
        var lines: [Line] = []
        var number = 0
        for raw in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            lines.append(Line(number: number, fields: fields))
        }
        self.lines = lines
    }
}

/// Finds the built-in `Lexicons` folder where the sentiment lexicons are found
/// (``LexiconSet/builtInFolder()``), and checks that it has the aspect data.
enum AspectDataLocator {
    static func builtInFolder() throws(AspectDataError) -> URL {
        let folder: URL
        do {
            folder = try LexiconSet.builtInFolder()
        } catch {
            guard case .builtInNotFound(let searched) = error else { throw .notFound(searched: []) }
            throw .notFound(searched: searched)
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("aspects/categories.tsv").path) else {
            throw .notFound(searched: [folder.appendingPathComponent("aspects").path])
        }
        return folder
    }
}
