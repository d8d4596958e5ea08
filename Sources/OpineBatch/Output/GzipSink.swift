import CZlib

/// Compresses what is written to it as one gzip member and passes it to another sink.
final class GzipSink: ByteSink {
    private let base: any ByteSink
    private let name: String
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer

    /// A compressor in front of `base`, called `name` in messages.
    init(base: any ByteSink, name: String) throws(BatchError) {
        self.base = base
        self.name = name
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(byteCount: 1 << 16, alignment: 1)
        // 15 + 16: the largest window, with a gzip header and trailer.
        let status = deflateInit2_(
            stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            output.deallocate()
            stream.deallocate()
            throw .cannotCreateOutput(path: name, reason: "cannot start the gzip compressor")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(BatchError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = UInt32(bytes.count)
        while stream.pointee.avail_in > 0 {
            try deflateStep(Z_NO_FLUSH)
        }
    }

    func finish() throws(BatchError) {
        while try deflateStep(Z_FINISH) != Z_STREAM_END {}
        try base.finish()
    }

    /// Runs the compressor once and passes on what it produced.
    @discardableResult
    private func deflateStep(_ flush: Int32) throws(BatchError) -> Int32 {
        stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(output.count)
        let status = deflate(stream, flush)
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            throw .writeFailed(path: name, reason: "gzip compression failed (\(status))")
        }
        let produced = output.count - Int(stream.pointee.avail_out)
        try base.write(UnsafeRawBufferPointer(rebasing: output[..<produced]))
        return status
    }
}
