/// Opens an input path as an ``InputBuffer``: `-` is standard input, a name ending in
/// `.gz` is decompressed.
enum InputOpener {
    /// An opened input.
    struct Opened {
        var buffer: InputBuffer
        /// The size of the file on disk, nil for a pipe.
        var size: Int?
    }

    static func open(_ path: String, capacity: Int, limit: Int) throws(BatchError) -> Opened {
        let file = try FileSource(path: path)
        let source: any ByteSource =
            path.lowercased().hasSuffix(".gz") ? try GzipSource(base: file, name: file.name) : file
        return Opened(buffer: InputBuffer(source: source, capacity: capacity, limit: limit), size: file.size)
    }
}
