#if canImport(Glibc)
import Glibc
#endif

/// Where a run writes one of its outputs: standard output, streamed, or a file that
/// appears only when complete (an ``AtomicFile``), gzip-compressed when its name ends in
/// `.gz`.
///
/// A path that names an existing device, pipe or socket (`/dev/null`, a FIFO) is written
/// to directly, since it cannot be replaced by renaming; a symbolic link to a file has
/// the file it points to replaced, and stays a link.
final class OutputTarget {
    /// The output as messages name it.
    let name: String
    private let file: AtomicFile?
    private let sink: any ByteSink

    private init(name: String, file: AtomicFile?, sink: any ByteSink) {
        self.name = name
        self.file = file
        self.sink = sink
    }

    /// Standard output.
    static func standardOutput() -> OutputTarget {
        OutputTarget(name: "<stdout>", file: nil, sink: DescriptorSink(descriptor: STDOUT_FILENO, name: "<stdout>"))
    }

    /// The output file `path`: written to a temporary file until ``commit()``, or
    /// straight to it when it is a device or pipe.
    static func file(_ path: String) throws(BatchError) -> OutputTarget {
        let compressed = path.lowercased().hasSuffix(".gz")
        var status = stat()
        if stat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFREG && status.st_mode & S_IFMT != S_IFDIR {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .cannotCreateOutput(path: path, reason: systemErrorMessage(errno)) }
            let special = DescriptorSink(descriptor: descriptor, name: path, closesDescriptor: true)
            return OutputTarget(name: path, file: nil, sink: compressed ? try GzipSink(base: special, name: path) : special)
        }
        let file = try AtomicFile(destination: linkTarget(path) ?? path)
        return OutputTarget(name: path, file: file, sink: compressed ? try GzipSink(base: file, name: path) : file)
    }

    /// The file a symbolic link points to, nil when `path` is not a link to an existing file.
    private static func linkTarget(_ path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes `bytes`.
    func write(_ bytes: [UInt8]) throws(BatchError) {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes { buffer in Result { () throws(BatchError) in try sink.write(buffer) } }.get()
    }

    /// Finishes the output: flushes compression and, for a file, renames it into place.
    func commit() throws(BatchError) {
        try sink.finish()
        try file?.commit()
    }

    /// Abandons a file output, leaving no trace of it.
    func discard() {
        file?.discard()
    }
}
