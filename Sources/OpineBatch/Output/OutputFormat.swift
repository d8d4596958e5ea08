/// The formats `opine batch` writes.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// CSV (RFC 4180 quoting, LF line ends), delimited by commas, or by semicolons when
    /// the first CSV input is.
    case csv
    /// CSV delimited by tabs.
    case tsv
    /// One JSON object per line.
    case jsonl
    /// One JSON array of objects.
    case json

    /// The format a file name implies by its extension (`.csv`, `.tsv`, `.jsonl`,
    /// `.ndjson`, `.json`), looking through a final `.gz`; nil for any other name.
    public init?(path: String) {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return nil }
        switch name[name.index(after: dot)...] {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "jsonl", "ndjson": self = .jsonl
        case "json": self = .json
        default: return nil
        }
    }
}
