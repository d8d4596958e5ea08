public import Foundation

/// Times as exports write them: ISO 8601 (`2024-05-01T12:00:00Z`, with fractions, an
/// offset such as `+02:00`, a space for the `T`, or a date alone; no zone is UTC) and
/// epoch seconds (13 digits or more: milliseconds).
///
/// ```swift
/// TimeParser.parse("2024-05-01 14:00:00+02:00")   // 2024-05-01T12:00:00Z
/// TimeParser.parse("1714564800000")              // the same instant, in milliseconds
/// ```
public enum TimeParser {
    /// The time `text` names, nil when it is not a time in one of the forms above.
    public static func parse(_ text: String) -> Date? {
        var utf8 = Array(text.utf8)
        while let last = utf8.last, last == 0x20 { utf8.removeLast() }
        guard !utf8.isEmpty else { return nil }
        if utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }),
            utf8.dropFirst().allSatisfy({ $0 != UInt8(ascii: "-") }), let value = Double(text)
        {
            let digits = utf8.prefix { $0 != UInt8(ascii: ".") }.filter { $0 != UInt8(ascii: "-") }.count
            // A date alone such as 20240501 is not epoch seconds: require 9 or more digits.
            guard digits >= 9 else { return nil }
            return Date(timeIntervalSince1970: digits >= 13 ? value / 1000 : value)
        }
        return parseISO(utf8)
    }

    private static func parseISO(_ bytes: [UInt8]) -> Date? {
        var position = 0
        func number(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<(position + count)] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            position += count
            return value
        }
        func take(_ character: Character) -> Bool {
            guard position < bytes.count, bytes[position] == character.asciiValue! else { return false }
            position += 1
            return true
        }
        guard let year = number(4), take("-"), let month = number(2), take("-"), let day = number(2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = 0.0
        if position < bytes.count {
            guard take("T") || take("t") || take(" ") else { return nil }
            guard let hour = number(2), take(":"), let minute = number(2), hour < 24, minute < 60 else { return nil }
            seconds = Double(hour * 3600 + minute * 60)
            if take(":") {
                guard let second = number(2), second < 61 else { return nil }
                seconds += Double(second)
                if take(".") || take(",") {
                    var scale = 0.1
                    let start = position
                    while position < bytes.count, bytes[position] >= 0x30 && bytes[position] <= 0x39 {
                        seconds += Double(bytes[position] - 0x30) * scale
                        scale /= 10
                        position += 1
                    }
                    guard position > start else { return nil }
                }
            }
            if take("Z") || take("z") {
            } else if position < bytes.count {
                let sign: Double
                if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
                guard let hours = number(2) else { return nil }
                _ = take(":")
                let minutes = position < bytes.count ? number(2) : 0
                guard let minutes, hours < 24, minutes < 60 else { return nil }
                seconds -= sign * Double(hours * 3600 + minutes * 60)
            }
        }
        guard position == bytes.count else { return nil }
        return Date(timeIntervalSince1970: Double(daysFromCivil(year, month, day)) * 86_400 + seconds)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
