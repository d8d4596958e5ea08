/// The records of a JSON array input, one element at a time, so the array is never held
/// whole. An element that is valid JSON but not an object is a malformed record; invalid
/// JSON ends the input with an error, since the next element cannot be found after it.
final class JSONArraySource: RecordSource {
    private let buffer: InputBuffer
    private let file: String
    private var line = 1
    private var state = State.opening

    private enum State {
        case opening
        case beforeElement(first: Bool)
        case afterElement
        case closed
    }

    init(buffer: InputBuffer, file: String) {
        self.buffer = buffer
        self.file = file
    }

    func nextRecord() throws(BatchError) -> SourceRecord? {
        while true {
            let bytes = buffer.unconsumed
            let start = JSONObjectParser.skippingWhitespace(bytes, from: 0)
            line += LineFeeds.count(in: UnsafeBufferPointer(rebasing: bytes[..<start]))
            buffer.consume(start)
            guard start < bytes.count else {
                if buffer.isAtEnd {
                    if case .closed = state { return nil }
                    throw .malformedInput(path: file, line: line, reason: "the JSON array is not closed with ']'")
                }
                try buffer.refill(file: file, line: line)
                continue
            }
            let byte = bytes[start]
            switch state {
            case .opening:
                buffer.consume(1)
                state = .beforeElement(first: true)
            case .closed:
                throw .malformedInput(path: file, line: line, reason: "text after the end of the JSON array")
            case .afterElement:
                guard byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") else {
                    throw .malformedInput(path: file, line: line, reason: "expected ',' or ']' after an element of the array")
                }
                buffer.consume(1)
                state = byte == UInt8(ascii: ",") ? .beforeElement(first: false) : .closed
            case .beforeElement(let first):
                if first && byte == UInt8(ascii: "]") {
                    buffer.consume(1)
                    state = .closed
                    continue
                }
                let element = UnsafeBufferPointer(rebasing: bytes[start...])
                switch JSONObjectParser.result(element, at: 0, isFinal: buffer.isAtEnd) {
                case .success(let (value, end)):
                    let raw = UnsafeBufferPointer(rebasing: element[..<end])
                    let elementLine = line
                    line += LineFeeds.count(in: raw)
                    buffer.consume(end)
                    state = .afterElement
                    switch value {
                    case .object(let fields): return SourceRecord(line: elementLine, content: .object(fields), raw: raw)
                    case .other(let kind): return SourceRecord(line: elementLine, content: .malformed("expected a JSON object, found \(kind)"), raw: raw)
                    }
                case .failure(.needMore):
                    try buffer.refill(file: file, line: line)
                case .failure(.malformed(let reason, let offset)):
                    let before = UnsafeBufferPointer(rebasing: element[..<min(offset, element.count)])
                    throw .malformedInput(path: file, line: line + LineFeeds.count(in: before), reason: "invalid JSON: \(reason)")
                }
            }
        }
    }
}
