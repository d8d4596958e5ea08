/// Finds the fields of one RFC 4180 record at the start of a byte buffer.
///
/// Fields are separated by the delimiter; a record ends at LF, CRLF or a lone CR, or at
/// the end of the input. A field that starts with `"` is quoted: it may contain the
/// delimiter, line breaks and doubled quotes (`""` for one `"`), and must be followed by
/// a delimiter or the end of the record. A `"` inside an unquoted field is kept as
/// written (`5" screen`), as spreadsheet programs write it. A line with nothing on it is
/// blank, not a record. With `quoting` off (tab-separated corpora written one row per
/// line), `"` is an ordinary character everywhere.
///
/// ```swift
/// let scanner = CSVScanner(delimiter: UInt8(ascii: ","))
/// let outcome = bytes.withUnsafeBufferPointer { scanner.scan($0, isFinal: true) }
/// ```
package struct CSVScanner: Sendable {
    /// The delimiter byte, or nil for a file of one column (no delimiter at all).
    package let delimiter: UInt8?
    /// Whether a field that starts with `"` is quoted.
    package let quoting: Bool

    /// Creates a scanner; a nil `delimiter` reads one column per record, and `quoting` off treats `"` as ordinary.
    package init(delimiter: UInt8?, quoting: Bool = true) {
        self.delimiter = delimiter
        self.quoting = quoting
    }

    /// Where one field's content lies in the record's bytes.
    package struct FieldSpan: Equatable, Sendable {
        /// Byte offsets of the content in the record, surrounding quotes excluded.
        package var range: Range<Int>
        /// Whether the content has doubled quotes to undo.
        package var hasEscapes: Bool
    }

    /// What is at the start of the buffer.
    package enum Outcome: Equatable, Sendable {
        /// A record of `length` bytes (its line break included) spanning `lineBreaks` line
        /// breaks; `problem` is set when it is malformed.
        case record(fields: [FieldSpan], length: Int, lineBreaks: Int, problem: String?)
        /// A blank line of `length` bytes.
        case blank(length: Int)
        /// The buffer ends inside a record; more bytes are needed to finish it.
        case needMore
        /// The buffer is empty and final.
        case end
    }

    private static let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// Scans the record at the start of `bytes`; `isFinal` says no bytes follow them.
    package func scan(_ bytes: UnsafeBufferPointer<UInt8>, isFinal: Bool) -> Outcome {
        let count = bytes.count
        guard count > 0 else { return isFinal ? .end : .needMore }
        if bytes[0] == Self.lineFeed { return .blank(length: 1) }
        if bytes[0] == Self.carriageReturn {
            if count == 1 { return isFinal ? .blank(length: 1) : .needMore }
            return .blank(length: bytes[1] == Self.lineFeed ? 2 : 1)
        }
        let delimiter = self.delimiter.map(Int.init) ?? -1
        var fields: [FieldSpan] = []
        var lineBreaks = 0
        var problem: String?
        var index = 0
        while true {
            if quoting && index < count && bytes[index] == Self.quote {
                index += 1
                let contentStart = index
                var hasEscapes = false
                var contentEnd = -1
                while index < count {
                    let byte = bytes[index]
                    if byte == Self.quote {
                        if index + 1 == count && !isFinal { return .needMore }
                        if index + 1 < count && bytes[index + 1] == Self.quote {
                            hasEscapes = true
                            index += 2
                            continue
                        }
                        contentEnd = index
                        index += 1
                        break
                    }
                    if byte == Self.lineFeed { lineBreaks += 1 }
                    index += 1
                }
                if contentEnd < 0 {
                    if !isFinal { return .needMore }
                    fields.append(FieldSpan(range: contentStart..<count, hasEscapes: hasEscapes))
                    return .record(
                        fields: fields, length: count, lineBreaks: lineBreaks,
                        problem: problem ?? "field \(fields.count): the quoted field is not closed before the end of the file")
                }
                fields.append(FieldSpan(range: contentStart..<contentEnd, hasEscapes: hasEscapes))
                if index < count, Int(bytes[index]) != delimiter, bytes[index] != Self.lineFeed, bytes[index] != Self.carriageReturn {
                    problem = problem ?? "field \(fields.count): unexpected text after the closing quote"
                    while index < count, Int(bytes[index]) != delimiter, bytes[index] != Self.lineFeed,
                        bytes[index] != Self.carriageReturn
                    {
                        index += 1
                    }
                }
            } else {
                let fieldStart = index
                while index < count {
                    let byte = bytes[index]
                    if Int(byte) == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    index += 1
                }
                fields.append(FieldSpan(range: fieldStart..<index, hasEscapes: false))
            }
            if index == count {
                if !isFinal { return .needMore }
                return .record(fields: fields, length: count, lineBreaks: lineBreaks, problem: problem)
            }
            let byte = bytes[index]
            index += 1
            if Int(byte) == delimiter { continue }
            if byte == Self.carriageReturn {
                if index == count && !isFinal { return .needMore }
                if index < count && bytes[index] == Self.lineFeed { index += 1 }
            }
            return .record(fields: fields, length: index, lineBreaks: lineBreaks + 1, problem: problem)
        }
    }

    /// The text of a field, or nil when its bytes are not valid UTF-8.
    package static func decode(_ span: FieldSpan, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let content = UnsafeBufferPointer(rebasing: bytes[span.range])
        guard span.hasEscapes else { return String(validating: content, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(content.count)
        var index = 0
        while index < content.count {
            unescaped.append(content[index])
            index += content[index] == quote ? 2 : 1
        }
        return String(validating: unescaped, as: UTF8.self)
    }
}
