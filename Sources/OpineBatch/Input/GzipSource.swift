import CZlib

/// The decompressed bytes of a gzip source. Concatenated gzip members (as `pigz` and
/// `cat a.gz b.gz` make) are read one after the other, as `gzip -d` does.
final class GzipSource: ByteSource {
    private let base: any ByteSource
    private let name: String
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var baseAtEnd = false
    private var finished = false
    /// Whether the current member has produced its end; a following member is optional.
    private var betweenMembers = false

    var consumed: Int { base.consumed }

    /// Decompresses `base`, naming `name` in errors.
    init(base: any ByteSource, name: String) throws(BatchError) {
        self.base = base
        self.name = name
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: 1 << 16, alignment: 1)
        // 15 + 32: the largest window, and a gzip or zlib header detected automatically.
        guard inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            input.deallocate()
            stream.deallocate()
            throw .unreadableInput(path: name, reason: "cannot start the gzip decompressor")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BatchError) -> Int {
        guard !finished, buffer.count > 0 else { return 0 }
        while true {
            if stream.pointee.avail_in == 0 && !baseAtEnd {
                let count = try base.read(into: input)
                if count == 0 { baseAtEnd = true }
                stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_in = UInt32(count)
            }
            if betweenMembers {
                if stream.pointee.avail_in == 0 && baseAtEnd {
                    finished = true
                    return 0
                }
                if stream.pointee.avail_in == 0 { continue }
                inflateReset(stream)
                betweenMembers = false
            }
            stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = buffer.count - Int(stream.pointee.avail_out)
            switch status {
            case Z_STREAM_END:
                betweenMembers = true
            case Z_OK:
                break
            case Z_BUF_ERROR where stream.pointee.avail_in == 0 && !baseAtEnd:
                break
            case Z_BUF_ERROR:
                throw .unreadableInput(path: name, reason: "the gzip data ends early (truncated file?)")
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw .unreadableInput(path: name, reason: "not valid gzip data: \(message)")
            }
            if produced > 0 { return produced }
            if status == Z_OK && stream.pointee.avail_in == 0 && baseAtEnd {
                throw .unreadableInput(path: name, reason: "the gzip data ends early (truncated file?)")
            }
        }
    }
}
