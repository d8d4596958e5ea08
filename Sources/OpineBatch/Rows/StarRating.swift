/// Reads a star rating from 1 to 5: `4`, `4.5`, `4,5` (a Dutch decimal comma), with
/// spaces around allowed. An empty value is no rating.
enum StarRating {
    /// Why a value is not a rating.
    struct Invalid: Error, Equatable {
        var value: String
    }

    /// The rating in `value`, nil when it is empty.
    static func parse(_ value: String) throws(Invalid) -> Double? {
        let trimmed = value.trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        guard let number = Double(trimmed.replacingCommaWithPoint), (1...5).contains(number) else {
            throw Invalid(value: value)
        }
        return number
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    fileprivate var replacingCommaWithPoint: String {
        String(map { $0 == "," ? "." : $0 })
    }
}
