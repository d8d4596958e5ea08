#if canImport(Glibc)
import Glibc
#endif

/// A destination for output bytes.
protocol ByteSink: AnyObject {
    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(BatchError)
    /// Writes whatever the sink still holds (a compressor's last block).
    func finish() throws(BatchError)
}

/// Writes to an open file descriptor, such as standard output.
final class DescriptorSink: ByteSink {
    private let descriptor: Int32
    private let name: String
    private let closesDescriptor: Bool

    /// A sink over `descriptor`, called `name` in messages, that closes it when done if
    /// `closesDescriptor`.
    init(descriptor: Int32, name: String, closesDescriptor: Bool = false) {
        self.descriptor = descriptor
        self.name = name
        self.closesDescriptor = closesDescriptor
    }

    deinit {
        if closesDescriptor { close(descriptor) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(BatchError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: name, reason: systemErrorMessage(errno))
            }
            offset += written
        }
    }

    func finish() throws(BatchError) {}
}
