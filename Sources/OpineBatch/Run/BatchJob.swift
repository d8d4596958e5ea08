import Foundation
public import OpineSentiment

/// One `opine batch` run: planned when created (inputs opened, formats and columns
/// found, output format and field names chosen), then carried out by ``run(analyzer:progress:)``.
///
/// Rows are read by one thread, scored and encoded in chunks by ``BatchOptions/jobs``
/// workers, and written in input order by the calling thread, with a bounded number of
/// chunks in flight, so memory does not grow with the input. Output files are written
/// to a temporary file and renamed into place only when the run succeeds.
///
/// ```swift
/// let job = try BatchJob(options: BatchOptions(inputs: ["reviews.csv"], output: "scored.csv", jobs: 4))
/// let summary = try job.run(analyzer: try SentimentAnalyzer())
/// print(summary.rendered)
/// ```
public final class BatchJob {
    /// The options.
    public let options: BatchOptions
    /// The inputs as they will be read.
    public let inputs: [PlannedInput]
    /// The output format.
    public let format: OutputFormat
    /// The names of the sentiment fields in the output (see ``SentimentField``), `opinions`
    /// last when the run extracts them.
    public let sentimentNames: [String]
    /// Things worth telling the user before the run (a prefix chosen for the sentiment
    /// fields, an input file that is empty).
    public let notes: [String]

    private let outputEncoder: any RowEncoder
    private let rejectsEncoder: (any RowEncoder)?
    private var standardInput: ExportReader?
    private var hasRun = false

    /// Plans a run: checks the options, opens every input to find its format and columns.
    /// - Throws: ``BatchError/usage(_:)`` for options that do not fit together or the
    ///   inputs, ``BatchError/unreadableInput(path:reason:)``, and
    ///   ``BatchError/malformedInput(path:line:reason:)`` for an unusable header.
    public init(options: BatchOptions) throws(BatchError) {
        self.options = options
        try Self.validate(options)
        let format = try OutputPlan.outputFormat(options)
        self.format = format
        let writesCSV = format == .csv || format == .tsv
        var inputs: [PlannedInput] = []
        for path in options.inputs {
            let reader = try ExportReader(path: path, options: options.reading)
            var columns = reader.columns
            if path == "-" {
                standardInput = reader
            } else if writesCSV && !Self.isCSV(reader.format) {
                columns = try Self.allFieldNames(path, options.reading)
            }
            inputs.append(
                PlannedInput(
                    path: path, name: reader.file, format: reader.format, columns: columns, roles: reader.roles,
                    size: reader.size, hasByteOrderMark: reader.hasByteOrderMark))
        }
        self.inputs = inputs
        let plan = try OutputPlan(format: format, options: options, inputs: inputs)
        sentimentNames = plan.sentimentNames
        notes = plan.notes + inputs.filter { $0.size == 0 }.map { "\($0.name) is empty: it has no header and no rows to score" }
        outputEncoder = plan.output
        rejectsEncoder = plan.rejects
    }

    /// Reads, scores and writes every row.
    ///
    /// - Parameter progress: called on the calling thread after every chunk written.
    /// - Returns: the counts; input rows always equal written plus rejected rows.
    /// - Throws: ``BatchError``; then no output file is left behind (a file that was
    ///   there before is untouched), though standard output may have part of the rows.
    public func run(analyzer: SentimentAnalyzer, progress: ((BatchProgress) -> Void)? = nil) throws(BatchError) -> BatchSummary {
        precondition(!hasRun, "a BatchJob runs once")
        hasRun = true
        let started = ContinuousClock.now
        let output = try options.output.map { path throws(BatchError) in try OutputTarget.file(path) } ?? .standardOutput()
        var rejects: OutputTarget?
        do {
            if options.onError == .skip, let path = options.rejects { rejects = try OutputTarget.file(path) }
            let (tally, bytesRead) = try pump(analyzer: analyzer, output: output, rejects: rejects, started: started, progress: progress)
            try rejects?.commit()
            try output.commit()
            return BatchSummary(
                tally: tally, seconds: Self.seconds(since: started), bytesRead: bytesRead, output: output.name,
                rejects: rejects?.name)
        } catch {
            rejects?.discard()
            output.discard()
            throw error
        }
    }

    /// Runs the reading thread and the workers, and writes their chunks in order.
    private func pump(
        analyzer: SentimentAnalyzer, output: OutputTarget, rejects: OutputTarget?, started: ContinuousClock.Instant,
        progress: ((BatchProgress) -> Void)?
    ) throws(BatchError) -> (BatchTally, Int) {
        let pipeline = OrderedPipeline<Chunk, EncodedChunk>(limit: options.jobs * 2 + 2)
        let producer = ChunkProducer(paths: options.inputs, options: options, standardInput: standardInput)
        standardInput = nil
        Thread { producer.run(pipeline) }.start()
        let encoder = ChunkEncoder(
            analyzer: analyzer, language: options.language, opinions: options.opinions, output: outputEncoder, rejects: rejects == nil ? nil : rejectsEncoder)
        for _ in 0..<options.jobs {
            Thread {
                while let (number, chunk) = pipeline.nextWork() { pipeline.complete(number, with: encoder.encode(chunk)) }
            }.start()
        }
        let totalSize = inputs.allSatisfy { $0.size != nil } ? inputs.reduce(0) { $0 + $1.size! } : nil
        var tally = BatchTally()
        var bytesRead = 0
        var outputStarted = false, rejectsStarted = false
        do throws(BatchError) {
            try output.write(outputEncoder.prologue)
            if let rejects, let rejectsEncoder { try rejects.write(rejectsEncoder.prologue) }
            while let chunk = pipeline.nextOutput() {
                if options.onError == .fail, let rejection = chunk.firstRejection { throw rejection.error }
                try output.write(Self.dropSeparator(chunk.output, outputEncoder.separator, started: &outputStarted))
                if let rejects, let rejectsEncoder {
                    try rejects.write(Self.dropSeparator(chunk.rejects, rejectsEncoder.separator, started: &rejectsStarted))
                }
                tally.add(chunk.tally)
                bytesRead += chunk.bytesRead
                if let failure = chunk.failure { throw failure }
                progress?(
                    BatchProgress(
                        rows: tally.rowsRead, rejected: tally.rowsRejected, seconds: Self.seconds(since: started),
                        filePosition: chunk.filePosition, totalSize: totalSize))
            }
            try output.write(outputEncoder.epilogue)
            if let rejects, let rejectsEncoder { try rejects.write(rejectsEncoder.epilogue) }
        } catch {
            pipeline.cancel()
            throw error
        }
        return (tally, bytesRead)
    }

    /// `bytes` without the leading row separator if they hold the first row written.
    private static func dropSeparator(_ bytes: [UInt8], _ separator: [UInt8], started: inout Bool) -> [UInt8] {
        guard !bytes.isEmpty else { return bytes }
        defer { started = true }
        return started ? bytes : Array(bytes.dropFirst(separator.count))
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    // MARK: - Planning

    private static func validate(_ options: BatchOptions) throws(BatchError) {
        guard !options.inputs.isEmpty else { throw .usage("no input; give one or more files, or - for standard input") }
        guard options.inputs.filter({ $0 == "-" }).count <= 1 else { throw .usage("standard input (-) can be read only once") }
        guard options.jobs >= 1 else { throw .usage("--jobs must be at least 1") }
        guard options.chunkRows >= 1, options.chunkBytes >= 1 else { throw .usage("chunks must hold at least one row") }
        if options.onError == .skip && options.rejects == nil {
            throw .usage("--on-error skip needs --rejects FILE, so that no row is lost")
        }
        if let output = options.output, output == options.rejects {
            throw .usage("the output and the rejects file must differ")
        }
    }

    private static func isCSV(_ format: InputFormat) -> Bool {
        if case .csv = format { true } else { false }
    }

    /// Every field name of every object of a JSON input, in order of first appearance.
    private static func allFieldNames(_ path: String, _ options: ReaderOptions) throws(BatchError) -> [String] {
        let reader = try ExportReader(path: path, options: options)
        var names: [String] = []
        var seen = Set<String>()
        while let result = try reader.next() {
            guard case .row(let row) = result else { continue }
            for field in row.fields where seen.insert(field.name).inserted { names.append(field.name) }
        }
        return names
    }
}
