/// Reads the inputs one after the other and submits their rows in chunks; runs on the
/// reading thread.
///
/// It is handed to that thread once and used only there (it may hold the standard-input
/// reader, opened while planning), hence `@unchecked Sendable`.
final class ChunkProducer: @unchecked Sendable {
    private let paths: [String]
    private let options: BatchOptions
    private var standardInput: ExportReader?

    init(paths: [String], options: BatchOptions, standardInput: ExportReader?) {
        self.paths = paths
        self.options = options
        self.standardInput = standardInput
    }

    /// Submits every row of every input to `pipeline`, then closes it. Stops after the
    /// first rejected row under ``BatchOptions/ErrorPolicy/fail``, after an error (carried
    /// by the last chunk), or when the pipeline is cancelled.
    func run(_ pipeline: OrderedPipeline<Chunk, EncodedChunk>) {
        defer { pipeline.close() }
        var chunk = Chunk()
        var finishedFiles = 0
        do throws(BatchError) {
            for path in paths {
                let reader = try path == "-" ? takeStandardInput() : ExportReader(path: path, options: options.reading)
                var chunkStart = 0
                while let result = try reader.next() {
                    chunk.items.append(result)
                    let isRejection = if case .rejected = result { true } else { false }
                    let stop = isRejection && options.onError == .fail
                    if stop || chunk.items.count >= options.chunkRows || reader.bytesRead - chunkStart >= options.chunkBytes {
                        chunk.filePosition = finishedFiles + reader.bytesFromFile
                        chunk.bytesRead = reader.bytesRead - chunkStart
                        chunkStart = reader.bytesRead
                        guard pipeline.submit(chunk), !stop else { return }
                        chunk = Chunk()
                    }
                }
                finishedFiles += reader.bytesFromFile
                chunk.filePosition = finishedFiles
                chunk.bytesRead += reader.bytesRead - chunkStart
            }
        } catch {
            chunk.failure = error
        }
        if !chunk.items.isEmpty || chunk.failure != nil || chunk.bytesRead > 0 { pipeline.submit(chunk) }
    }

    private func takeStandardInput() throws(BatchError) -> ExportReader {
        if let reader = standardInput {
            standardInput = nil
            return reader
        }
        return try ExportReader(path: "-", options: options.reading)
    }
}
