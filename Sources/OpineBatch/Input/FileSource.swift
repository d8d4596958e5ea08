#if canImport(Glibc)
import Glibc
#endif

/// The bytes of a file, or of standard input for the path `-`, read with `read(2)`.
final class FileSource: ByteSource {
    /// The name used in messages: the path, or `<stdin>`.
    let name: String
    /// The size in bytes of a regular file, nil for a pipe or terminal.
    let size: Int?
    private(set) var consumed = 0
    private let descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens `path` for reading; `-` is standard input.
    init(path: String) throws(BatchError) {
        name = Self.displayName(path)
        if path == "-" {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .unreadableInput(path: path, reason: systemErrorMessage(errno)) }
            ownsDescriptor = true
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = systemErrorMessage(errno)
            if ownsDescriptor { close(descriptor) }
            throw .unreadableInput(path: name, reason: reason)
        }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR {
            if ownsDescriptor { close(descriptor) }
            throw .unreadableInput(path: name, reason: "is a directory")
        }
        size = type == S_IFREG ? Int(status.st_size) : nil
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The name messages use for an input path.
    static func displayName(_ path: String) -> String {
        path == "-" ? "<stdin>" : path
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BatchError) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                consumed += count
                return count
            }
            if errno != EINTR { throw .unreadableInput(path: name, reason: systemErrorMessage(errno)) }
        }
    }
}
