#if canImport(Glibc)
import Glibc
#endif

/// A file that appears complete or not at all: written to a hidden temporary file in the
/// destination's directory (`.NAME.opine-XXXXXX`), then flushed to disk and renamed over
/// the destination by ``commit()``. ``discard()``, an error, or an interrupt (see
/// ``InterruptHandling``) removes the temporary file and leaves the destination as it was.
final class AtomicFile: ByteSink {
    /// The path the file will have.
    let destination: String
    /// The temporary file being written.
    let temporaryPath: String
    private let descriptor: Int32
    private let mode: mode_t
    private var closed = false

    /// Creates the temporary file next to `destination`.
    init(destination: String) throws(BatchError) {
        self.destination = destination
        let slash = destination.lastIndex(of: "/")
        let directory = slash.map { String(destination[...$0]) } ?? ""
        let name = slash.map { String(destination[destination.index(after: $0)...]) } ?? destination
        guard let created = TemporaryFiles.create(template: "\(directory).\(name).opine-XXXXXX") else {
            throw .cannotCreateOutput(path: destination, reason: systemErrorMessage(errno))
        }
        (descriptor, temporaryPath) = created
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        var existing = stat()
        if stat(destination, &existing) == 0 {
            mode = existing.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
    }

    deinit {
        discard()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(BatchError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: destination, reason: systemErrorMessage(errno))
            }
            offset += written
        }
    }

    func finish() throws(BatchError) {}

    /// Flushes the file to disk and renames it to ``destination``.
    func commit() throws(BatchError) {
        guard !closed else { return }
        guard fsync(descriptor) == 0, fchmod(descriptor, mode) == 0 else {
            throw .writeFailed(path: destination, reason: systemErrorMessage(errno))
        }
        closed = true
        let closing = close(descriptor)
        let closeError = errno
        guard closing == 0 else {
            unlink(temporaryPath)
            TemporaryFiles.unregister(temporaryPath)
            throw .writeFailed(path: destination, reason: systemErrorMessage(closeError))
        }
        guard rename(temporaryPath, destination) == 0 else {
            let reason = systemErrorMessage(errno)
            unlink(temporaryPath)
            TemporaryFiles.unregister(temporaryPath)
            throw .writeFailed(path: destination, reason: reason)
        }
        TemporaryFiles.unregister(temporaryPath)
    }

    /// Removes the temporary file, leaving ``destination`` untouched.
    func discard() {
        guard !closed else { return }
        closed = true
        close(descriptor)
        unlink(temporaryPath)
        TemporaryFiles.unregister(temporaryPath)
    }
}
