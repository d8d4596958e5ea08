public import Foundation
import OpineCSV

/// A labelled evaluation corpus: texts with a gold label and, where given, a human score.
///
/// Reads TSV or CSV with a header row (columns `text` and `label`, optionally `score`),
/// and JSON Lines with the same fields. CSV follows RFC 4180 (quoted fields); TSV is
/// read as the development corpora are written: no quoting, one row per line, so a
/// text may contain `"` freely. Labels are `pos`/`neg`/`neu` or
/// `positive`/`negative`/`neutral`; a row with a `score` and no label is labelled from it
/// (VADER's convention: above 0.2 positive, below -0.2 negative).
///
/// ```swift
/// let corpus = try LabelledCorpus(contentsOf: URL(fileURLWithPath: "nl/zegelaar-tweets-test.tsv"))
/// corpus.items.count
/// ```
public struct LabelledCorpus: Sendable {
    /// A gold label.
    public enum Label: String, Sendable, Hashable, Codable, CaseIterable {
        case positive, negative, neutral
    }

    /// One labelled text.
    public struct Item: Sendable, Hashable {
        /// The text to score.
        public var text: String
        /// The gold label, given or derived from the score.
        public var label: Label
        /// The human valence score, when the corpus has one.
        public var score: Double?
        /// The line it was read from (1-based, header included).
        public var line: Int
    }

    /// The file it was read from.
    public var path: String
    /// The items in file order.
    public var items: [Item]

    /// Whether the corpus has no neutral gold labels, so it is scored positive vs negative.
    public var isBinary: Bool { !items.contains { $0.label == .neutral } }

    /// Whether every item has a human score.
    public var hasScores: Bool { !items.isEmpty && items.allSatisfy { $0.score != nil } }

    /// Reads a corpus; the format follows the extension (`.jsonl`, `.csv`, else TSV).
    /// - Throws: ``CorpusError`` naming the file, line and field at fault.
    public init(contentsOf url: URL) throws(CorpusError) {
        path = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        if url.pathExtension.lowercased() == "jsonl" {
            items = try Self.parseJSONLines(data, path: path)
        } else {
            let isCSV = url.pathExtension.lowercased() == "csv"
            let scanner = CSVScanner(delimiter: UInt8(ascii: isCSV ? "," : "\t"), quoting: isCSV)
            items = try Self.parseDelimited(Array(data), scanner: scanner, path: path)
        }
        guard !items.isEmpty else { throw .malformed(path: path, line: 1, reason: "no labelled rows") }
    }

    static func label(_ raw: String, score: Double?, path: String, line: Int) throws(CorpusError) -> Label {
        switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
        case "pos", "positive", "1", "+1": return .positive
        case "neg", "negative", "-1": return .negative
        case "neu", "neutral", "0": return .neutral
        case "":
            if let score { return score > 0.2 ? .positive : score < -0.2 ? .negative : .neutral }
            throw .malformed(path: path, line: line, reason: "field 'label' is empty and there is no 'score'")
        default:
            throw .malformed(path: path, line: line, reason: "field 'label' has '\(raw)'; expected pos, neg or neu")
        }
    }

    /// One row of a delimited file: its decoded fields and the line it starts on (1-based).
    private struct Row {
        var fields: [String]
        var line: Int
    }

    /// The rows of a delimited file, blank lines skipped and a UTF-8 byte-order mark ignored.
    private static func rows(_ bytes: [UInt8], scanner: CSVScanner, path: String) throws(CorpusError) -> [Row] {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        let result: Result<[Row], CorpusError> = bytes.withUnsafeBufferPointer { whole in
            var rows: [Row] = []
            var offset = start
            var line = 1
            while true {
                let rest = UnsafeBufferPointer(rebasing: whole[offset...])
                switch scanner.scan(rest, isFinal: true) {
                case .end, .needMore:
                    return .success(rows)
                case .blank(let length):
                    offset += length
                    line += 1
                case .record(let spans, let length, let lineBreaks, let problem):
                    if let problem { return .failure(.malformed(path: path, line: line, reason: problem)) }
                    var fields: [String] = []
                    for (index, span) in spans.enumerated() {
                        guard let field = CSVScanner.decode(span, in: rest) else {
                            return .failure(.malformed(path: path, line: line, reason: "field \(index + 1) is not valid UTF-8"))
                        }
                        fields.append(field)
                    }
                    rows.append(Row(fields: fields, line: line))
                    offset += length
                    line += lineBreaks
                }
            }
        }
        return try result.get()
    }

    private static func parseDelimited(_ bytes: [UInt8], scanner: CSVScanner, path: String) throws(CorpusError) -> [Item] {
        let rows = try rows(bytes, scanner: scanner, path: path)
        guard let header = rows.first else { return [] }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let textColumn = names.firstIndex(of: "text") else {
            throw .malformed(path: path, line: 1, reason: "no 'text' column in header \(names)")
        }
        let labelColumn = names.firstIndex(of: "label")
        let scoreColumn = names.firstIndex(of: "score")
        guard labelColumn != nil || scoreColumn != nil else {
            throw .malformed(path: path, line: 1, reason: "no 'label' or 'score' column in header \(names)")
        }
        var items: [Item] = []
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                throw .malformed(path: path, line: row.line, reason: "expected \(names.count) fields, found \(row.fields.count)")
            }
            var score: Double?
            if let scoreColumn {
                guard let value = Double(row.fields[scoreColumn].trimmingCharacters(in: .whitespaces)) else {
                    throw .malformed(path: path, line: row.line, reason: "field 'score' has '\(row.fields[scoreColumn])', not a number")
                }
                score = value
            }
            let label = try Self.label(labelColumn.map { row.fields[$0] } ?? "", score: score, path: path, line: row.line)
            items.append(Item(text: row.fields[textColumn], label: label, score: score, line: row.line))
        }
        return items
    }

    private static func parseJSONLines(_ data: Data, path: String) throws(CorpusError) -> [Item] {
        var items: [Item] = []
        for (offset, bytes) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            guard let line = String(validating: bytes, as: UTF8.self) else {
                throw .malformed(path: path, line: number, reason: "not valid UTF-8")
            }
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw .malformed(path: path, line: number, reason: "not a JSON object")
            }
            guard let text = object["text"] as? String else {
                throw .malformed(path: path, line: number, reason: "field 'text' is missing or not a string")
            }
            let score = (object["score"] as? NSNumber)?.doubleValue
            let label = try Self.label(object["label"] as? String ?? "", score: score, path: path, line: number)
            items.append(Item(text: text, label: label, score: score, line: number))
        }
        return items
    }
}

/// Why a corpus could not be read.
public enum CorpusError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// A row is malformed, or the file has no labelled rows (`line` is 1-based).
    case malformed(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .malformed(let path, let line, let reason): "\(path):\(line): \(reason)"
        }
    }
}
