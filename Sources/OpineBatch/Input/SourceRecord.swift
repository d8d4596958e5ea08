#if canImport(Glibc)
import Glibc
#endif

/// One record as its input format gives it, before columns play their roles.
struct SourceRecord {
    /// What the record holds.
    enum Content {
        /// CSV values, in column order.
        case values([String])
        /// A JSON object's fields.
        case object([Field])
        /// A record the format cannot read, and why.
        case malformed(String)
    }

    /// The line it starts on.
    var line: Int
    var content: Content
    /// Its bytes as in the input, valid until the source reads again.
    var raw: UnsafeBufferPointer<UInt8>

    /// ``raw`` as text without its line break (bytes that are not UTF-8 as U+FFFD).
    var rawText: String {
        var end = raw.count
        while end > 0 && (raw[end - 1] == 0x0A || raw[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: raw[..<end]), as: UTF8.self)
    }
}

/// Reads the records of one input format from an ``InputBuffer``.
protocol RecordSource: AnyObject {
    /// The next record, nil at the end of the input.
    /// - Throws: a read error, or damage after which the rest cannot be read.
    func nextRecord() throws(BatchError) -> SourceRecord?
}

extension InputBuffer {
    /// Reads more bytes for a parser that needs them to finish the record at `line` of
    /// `file`; at the end of the input it returns, leaving ``isAtEnd`` set.
    /// - Throws: ``BatchError/malformedInput(path:line:reason:)`` when the record is
    ///   already ``limit`` bytes long.
    func refill(file: String, line: Int) throws(BatchError) {
        if try fill() || isAtEnd { return }
        let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
        throw .malformedInput(path: file, line: line, reason: "a row longer than \(size); is a quote or bracket never closed?")
    }
}

/// Finding line feeds in bytes, for line numbers.
enum LineFeeds {
    /// The offset of the first LF in `bytes`.
    static func first(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, let found = memchr(base, 0x0A, bytes.count) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The number of LFs in `bytes`.
    static func count(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var offset = 0
        while let found = first(in: UnsafeBufferPointer(rebasing: bytes[offset...])) {
            count += 1
            offset += found + 1
        }
        return count
    }
}
