/// Column names for a CSV header as written, made usable as field names: an empty name
/// becomes `column<N>` (its 1-based position) and a repeated name gets `_2`, `_3`, ...
enum HeaderNames {
    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.enumerated().map { position, written in
            let base = written.isEmpty ? "column\(position + 1)" : written
            var name = base
            var copy = 1
            while !seen.insert(name).inserted {
                copy += 1
                name = "\(base)_\(copy)"
            }
            return name
        }
    }
}
