/// The records of a JSON Lines input: one JSON value per line, blank lines skipped. A
/// line that is not valid JSON is a malformed record; the next line is read as usual.
final class JSONLinesSource: RecordSource {
    private let buffer: InputBuffer
    private let file: String
    private var line = 1

    init(buffer: InputBuffer, file: String) {
        self.buffer = buffer
        self.file = file
    }

    func nextRecord() throws(BatchError) -> SourceRecord? {
        while true {
            let bytes = buffer.unconsumed
            let newline = LineFeeds.first(in: bytes)
            guard newline != nil || buffer.isAtEnd else {
                try buffer.refill(file: file, line: line)
                continue
            }
            guard !bytes.isEmpty else { return nil }
            let length = newline.map { $0 + 1 } ?? bytes.count
            let raw = UnsafeBufferPointer(rebasing: bytes[..<length])
            let recordLine = line
            buffer.consume(length)
            line += 1
            var contentEnd = newline ?? length
            if contentEnd > 0 && raw[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            let text = UnsafeBufferPointer(rebasing: raw[..<contentEnd])
            let start = JSONObjectParser.skippingWhitespace(text, from: 0)
            guard start < text.count else { continue }
            return SourceRecord(line: recordLine, content: Self.content(of: text, from: start), raw: raw)
        }
    }

    private static func content(of text: UnsafeBufferPointer<UInt8>, from start: Int) -> SourceRecord.Content {
        switch JSONObjectParser.result(text, at: start, isFinal: true) {
        case .success(let (value, end)):
            let rest = JSONObjectParser.skippingWhitespace(text, from: end)
            guard rest == text.count else { return .malformed("text after the JSON value, at column \(rest + 1)") }
            switch value {
            case .object(let fields): return .object(fields)
            case .other(let kind): return .malformed("expected a JSON object, found \(kind)")
            }
        case .failure(.malformed(let reason, let offset)):
            return .malformed("invalid JSON at column \(offset + 1): \(reason)")
        case .failure(.needMore):
            preconditionFailure("a final parse does not ask for more bytes")
        }
    }
}
