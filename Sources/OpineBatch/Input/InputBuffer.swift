/// A sliding window over a ``ByteSource`` that always holds the bytes from the start of
/// the record being parsed, so a parser can look at a whole record and at its raw text.
///
/// Bytes before ``start`` are consumed; ``fill()`` moves the unconsumed bytes to the front
/// and reads more, growing the window only when one record does not fit, and never
/// beyond ``limit`` (a record that long is reported as malformed, not read into memory).
final class InputBuffer {
    private let source: any ByteSource
    private var storage: UnsafeMutableBufferPointer<UInt8>
    /// The first unconsumed byte.
    private(set) var start = 0
    /// The end of the valid bytes.
    private(set) var end = 0
    /// Whether the source has no more bytes.
    private(set) var isAtEnd = false
    /// Decompressed bytes read so far.
    private(set) var bytesRead = 0
    /// The most bytes one record may span.
    let limit: Int

    /// A window of `capacity` bytes (growing up to `limit`) over `source`.
    init(source: any ByteSource, capacity: Int = 1 << 16, limit: Int = 64 << 20) {
        self.source = source
        self.limit = max(limit, capacity)
        storage = .allocate(capacity: max(capacity, 16))
    }

    deinit {
        storage.deallocate()
    }

    /// Bytes taken from the underlying file so far.
    var consumedFromFile: Int { source.consumed }

    /// The unconsumed bytes. Valid until the next ``fill()``.
    var unconsumed: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: storage[start..<end])
    }

    /// Marks `count` bytes from ``start`` as consumed.
    func consume(_ count: Int) {
        precondition(count <= end - start)
        start += count
    }

    /// Reads more bytes after the unconsumed ones.
    /// - Returns: false when nothing was added: the source is at its end (``isAtEnd``), or
    ///   the unconsumed bytes already fill the window at its largest, ``limit``.
    /// - Throws: the source's read error.
    func fill() throws(BatchError) -> Bool {
        guard !isAtEnd else { return false }
        if start > 0 {
            let count = end - start
            if count > 0 { storage.baseAddress!.update(from: storage.baseAddress! + start, count: count) }
            start = 0
            end = count
        }
        if end == storage.count {
            guard storage.count < limit else { return false }
            let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: min(storage.count * 2, limit))
            grown.baseAddress!.initialize(from: storage.baseAddress!, count: end)
            storage.deallocate()
            storage = grown
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: storage[end...])))
        if count == 0 {
            isAtEnd = true
            return false
        }
        end += count
        bytesRead += count
        return true
    }
}
