public import OpineAspects
public import OpineText

/// What a batch run reads, how it scores, and where it writes.
public struct BatchOptions: Sendable {
    /// What to do with a row that cannot be used.
    public enum ErrorPolicy: String, Sendable, Hashable, CaseIterable {
        /// Stop at the first such row, writing nothing (exit 65).
        case fail
        /// Write it to the rejects file, count it, and go on.
        case skip
    }

    /// The inputs, in order; `-` is standard input.
    public var inputs: [String]
    /// The output file, nil for standard output.
    public var output: String?
    /// The output format; nil to take it from ``output``'s extension, JSON Lines on
    /// standard output.
    public var format: OutputFormat?
    /// The file for rejected rows (file, line, reason, raw row), in the format its
    /// extension names.
    public var rejects: String?
    /// What to do with a row that cannot be used.
    public var onError: ErrorPolicy
    /// Worker threads that score rows.
    public var jobs: Int
    /// How inputs are read.
    public var reading: ReaderOptions
    /// The language to score every text in; nil to identify each text's language.
    public var language: Language?
    /// Finds each row's opinions for the ``SentimentField/opinions`` field and the
    /// summary's ranking of categories and terms (``BatchTally/aspects``); nil for
    /// neither, which scores faster.
    public var opinions: OpinionExtractor?
    /// Put before the sentiment fields' names; nil for none, or `opine_` when an input
    /// already has a field of one of those names.
    public var fieldPrefix: String?
    /// The most rows scored as one piece of work.
    public var chunkRows: Int
    /// The most input bytes scored as one piece of work.
    public var chunkBytes: Int

    /// Options for reading `inputs`; the rest as documented on each property.
    public init(
        inputs: [String], output: String? = nil, format: OutputFormat? = nil, rejects: String? = nil,
        onError: ErrorPolicy = .fail, jobs: Int, reading: ReaderOptions = .init(), language: Language? = nil,
        opinions: OpinionExtractor? = nil, fieldPrefix: String? = nil, chunkRows: Int = 1024, chunkBytes: Int = 1 << 20
    ) {
        self.inputs = inputs
        self.output = output
        self.format = format
        self.rejects = rejects
        self.onError = onError
        self.jobs = jobs
        self.reading = reading
        self.language = language
        self.opinions = opinions
        self.fieldPrefix = fieldPrefix
        self.chunkRows = chunkRows
        self.chunkBytes = chunkBytes
    }
}
