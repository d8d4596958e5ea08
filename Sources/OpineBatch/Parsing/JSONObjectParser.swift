/// Parses one JSON value (RFC 8259) at a position in a byte buffer, reading a top-level
/// object as ``Field``s in key order. Numbers keep their exact text; nested objects and
/// arrays are kept as compact JSON text. Strings must be valid UTF-8 without raw control
/// characters, as the RFC requires.
struct JSONObjectParser {
    /// What was parsed.
    enum Value: Equatable {
        case object([Field])
        /// Any other JSON value, named for messages (`an array`, `a string`, ...).
        case other(kind: String)
    }

    /// Why parsing stopped.
    enum Failure: Error, Equatable {
        /// The buffer ends inside the value.
        case needMore
        /// The JSON is malformed at byte `offset`.
        case malformed(reason: String, offset: Int)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let isFinal: Bool
    private var index: Int
    private static let maximumDepth = 256

    private init(bytes: UnsafeBufferPointer<UInt8>, start: Int, isFinal: Bool) {
        self.bytes = bytes
        self.index = start
        self.isFinal = isFinal
    }

    /// Parses the value at `start` (leading whitespace allowed).
    /// - Returns: the value and the offset just after it.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, isFinal: Bool) throws(Failure) -> (Value, end: Int) {
        var parser = JSONObjectParser(bytes: bytes, start: start, isFinal: isFinal)
        try parser.skipWhitespace()
        let value: Value
        if try parser.peek() == UInt8(ascii: "{") {
            value = .object(try parser.parseTopLevelObject())
        } else {
            var ignored: [UInt8] = []
            let kind = try parser.kind(of: parser.peek())
            try parser.copyValue(depth: 0, into: &ignored)
            value = .other(kind: kind)
        }
        return (value, parser.index)
    }

    /// ``parse(_:at:isFinal:)`` as a result, for callers that throw another error type.
    static func result(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, isFinal: Bool) -> Result<(Value, end: Int), Failure> {
        Result { () throws(Failure) in try parse(bytes, at: start, isFinal: isFinal) }
    }

    /// The offset of the first byte at or after `start` that is not JSON whitespace, or
    /// `bytes.count`.
    static func skippingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count && isWhitespace(bytes[index]) { index += 1 }
        return index
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    // MARK: - Structure

    private mutating func parseTopLevelObject() throws(Failure) -> [Field] {
        index += 1
        var fields: [Field] = []
        try skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return fields
        }
        while true {
            try skipWhitespace()
            guard try peek() == UInt8(ascii: "\"") else { throw malformed("expected a key in quotes") }
            let name = try parseString()
            try skipWhitespace()
            try expect(UInt8(ascii: ":"), "expected ':' after the key")
            try skipWhitespace()
            fields.append(Field(name: name, value: try parseFieldValue()))
            try skipWhitespace()
            let byte = try peek()
            index += 1
            if byte == UInt8(ascii: "}") { return fields }
            guard byte == UInt8(ascii: ",") else {
                index -= 1
                throw malformed("expected ',' or '}' after a value")
            }
        }
    }

    private mutating func parseFieldValue() throws(Failure) -> FieldValue {
        switch try peek() {
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        default:
            var text: [UInt8] = []
            try copyValue(depth: 1, into: &text)
            return .json(String(decoding: text, as: UTF8.self))
        }
    }

    /// Validates the value at the cursor and appends its compact text to `output`.
    private mutating func copyValue(depth: Int, into output: inout [UInt8]) throws(Failure) {
        guard depth < Self.maximumDepth else { throw malformed("nested more than \(Self.maximumDepth) levels deep") }
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = byte == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            output.append(byte)
            index += 1
            try skipWhitespace()
            if try peek() == close {
                output.append(close)
                index += 1
                return
            }
            while true {
                try skipWhitespace()
                if isObject {
                    guard try peek() == UInt8(ascii: "\"") else { throw malformed("expected a key in quotes") }
                    try copyString(into: &output)
                    try skipWhitespace()
                    try expect(UInt8(ascii: ":"), "expected ':' after the key")
                    output.append(UInt8(ascii: ":"))
                    try skipWhitespace()
                }
                try copyValue(depth: depth + 1, into: &output)
                try skipWhitespace()
                let next = try peek()
                index += 1
                output.append(next)
                if next == close { return }
                guard next == UInt8(ascii: ",") else {
                    index -= 1
                    throw malformed(isObject ? "expected ',' or '}' after a value" : "expected ',' or ']' after a value")
                }
            }
        case UInt8(ascii: "\""):
            try copyString(into: &output)
        case UInt8(ascii: "t"):
            try expectWord("true")
            output.append(contentsOf: "true".utf8)
        case UInt8(ascii: "f"):
            try expectWord("false")
            output.append(contentsOf: "false".utf8)
        case UInt8(ascii: "n"):
            try expectWord("null")
            output.append(contentsOf: "null".utf8)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            try scanNumber()
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        default:
            throw malformed("unexpected '\(Self.printable(byte))'")
        }
    }

    private func kind(of byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: "a number"
        }
    }

    // MARK: - Strings

    /// Parses the string at the cursor into its text.
    private mutating func parseString() throws(Failure) -> String {
        let start = index + 1
        let hasEscapes = try scanString()
        let content = UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
        if !hasEscapes {
            guard let text = String(validating: content, as: UTF8.self) else { throw malformed("a string is not valid UTF-8", at: start) }
            return text
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(content.count)
        var position = 0
        while position < content.count {
            let byte = content[position]
            guard byte == UInt8(ascii: "\\") else {
                decoded.append(byte)
                position += 1
                continue
            }
            let escape = content[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = Self.hexValue(content, position)
                position += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    // scanString checked that a low surrogate escape follows.
                    let low = Self.hexValue(content, position + 2)
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                }
                decoded.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default: decoded.append(escape)
            }
        }
        guard let text = String(validating: decoded, as: UTF8.self) else { throw malformed("a string is not valid UTF-8", at: start) }
        return text
    }

    /// Validates the string at the cursor and appends it, quotes and escapes as written.
    private mutating func copyString(into output: inout [UInt8]) throws(Failure) {
        let start = index
        _ = try scanString()
        let written = UnsafeBufferPointer(rebasing: bytes[start..<index])
        guard String(validating: written, as: UTF8.self) != nil else { throw malformed("a string is not valid UTF-8", at: start) }
        output.append(contentsOf: written)
    }

    /// Moves the cursor past the string at it, checking its escapes.
    /// - Returns: whether it has escapes.
    private mutating func scanString() throws(Failure) -> Bool {
        index += 1
        var hasEscapes = false
        while true {
            guard index < bytes.count else { throw end() }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return hasEscapes
            }
            if byte < 0x20 { throw malformed("a control character inside a string (must be escaped)") }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                guard index + 1 < bytes.count else { throw end() }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    let scalar = try unicodeEscape(at: index)
                    index += 6
                    if (0xDC00..<0xE000).contains(scalar) { throw malformed("a \\u escape is a lone surrogate") }
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard index + 1 < bytes.count else { throw end() }
                        guard bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                            (0xDC00..<0xE000).contains(try unicodeEscape(at: index))
                        else { throw malformed("a \\u escape is a lone surrogate") }
                        index += 6
                    }
                default:
                    throw malformed("an invalid escape in a string")
                }
                continue
            }
            index += 1
        }
    }

    /// The value of the `\uXXXX` escape at `position`.
    private func unicodeEscape(at position: Int) throws(Failure) -> UInt32 {
        guard position + 6 <= bytes.count else { throw end() }
        var value: UInt32 = 0
        for offset in 2..<6 {
            guard let digit = Self.hexDigit(bytes[position + offset]) else { throw malformed("an invalid \\u escape", at: position) }
            value = value << 4 | digit
        }
        return value
    }

    private static func hexValue(_ content: UnsafeBufferPointer<UInt8>, _ position: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 << 4 | hexDigit(content[position + $1])! }
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    // MARK: - Numbers and words

    /// Moves the cursor past the number at it: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func scanNumber() throws(Failure) {
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard let first = try digitAtCursor() else { throw malformed("a number without digits") }
        index += 1
        if first != UInt8(ascii: "0") { try skipDigits() }
        if try byteAtCursorOrEnd() == UInt8(ascii: ".") {
            index += 1
            guard try digitAtCursor() != nil else { throw malformed("a number without digits after '.'") }
            try skipDigits()
        }
        if let byte = try byteAtCursorOrEnd(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            index += 1
            if let sign = try byteAtCursorOrEnd(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            guard try digitAtCursor() != nil else { throw malformed("a number without digits in its exponent") }
            try skipDigits()
        }
    }

    private mutating func skipDigits() throws(Failure) {
        while try digitAtCursor() != nil { index += 1 }
    }

    /// The byte at the cursor if it is a digit; nil for another byte or the final end.
    private func digitAtCursor() throws(Failure) -> UInt8? {
        guard let byte = try byteAtCursorOrEnd() else { return nil }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? byte : nil
    }

    /// The byte at the cursor; nil at the end of final input (a number may end there).
    private func byteAtCursorOrEnd() throws(Failure) -> UInt8? {
        if index < bytes.count { return bytes[index] }
        if isFinal { return nil }
        throw .needMore
    }

    private mutating func expectWord(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        for offset in 0..<count {
            guard index + offset < bytes.count else { throw end() }
            guard bytes[index + offset] == word.utf8Start[offset] else { throw malformed("unexpected '\(Self.printable(bytes[index]))'") }
        }
        index += count
    }

    // MARK: - Cursor

    private mutating func skipWhitespace() throws(Failure) {
        index = Self.skippingWhitespace(bytes, from: index)
        if index == bytes.count { throw end() }
    }

    private func peek() throws(Failure) -> UInt8 {
        guard index < bytes.count else { throw end() }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8, _ reason: String) throws(Failure) {
        guard try peek() == byte else { throw malformed(reason) }
        index += 1
    }

    /// Running out of bytes: more are needed, or the JSON ends too early.
    private func end() -> Failure {
        isFinal ? .malformed(reason: "the JSON ends early", offset: bytes.count) : .needMore
    }

    private func malformed(_ reason: String, at offset: Int? = nil) -> Failure {
        .malformed(reason: reason, offset: offset ?? index)
    }

    /// A byte for a message: the character when printable ASCII, else its hex value.
    private static func printable(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}
