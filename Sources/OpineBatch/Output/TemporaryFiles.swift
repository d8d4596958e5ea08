#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The temporary files of outputs being written, so that an interrupt can remove them.
enum TemporaryFiles {
    private static let paths = Mutex<Set<String>>([])

    /// Creates a file from a `mkstemp(3)` template (`...XXXXXX`) and registers it, under
    /// the lock an interrupt takes, so no file can be left between the two.
    /// - Returns: the open descriptor and the path, or nil with `errno` set.
    static func create(template: String) -> (descriptor: Int32, path: String)? {
        paths.withLock { paths in
            var bytes = Array(template.utf8CString)
            let descriptor = bytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { return nil }
            let path = String(decoding: bytes.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
            paths.insert(path)
            return (descriptor, path)
        }
    }

    static func unregister(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
    }

    /// Removes every registered file.
    static func removeAll() {
        paths.withLock { paths in
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }
}
