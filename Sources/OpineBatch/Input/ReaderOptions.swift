/// How ``ExportReader`` reads an input.
public struct ReaderOptions: Sendable, Hashable {
    /// The CSV delimiter; nil to detect it from the header (see ``DelimiterDetector``).
    public var delimiter: UInt8?
    /// Whether `"` quotes CSV fields (RFC 4180); off, quotes are plain text, for files
    /// written without quoting (tab-separated corpora) where no field holds the delimiter
    /// or a line break.
    public var quoting: Bool
    /// Which column plays which role.
    public var columns: ColumnSelection
    /// The bytes read at a time.
    public var bufferCapacity: Int
    /// The most bytes one row may span; a longer row (usually a quote that is never
    /// closed) stops the run with an error rather than filling memory.
    public var rowLimit: Int

    /// Options with the delimiter detected, RFC 4180 quoting, the columns found by name,
    /// 64 KiB reads and rows of up to 64 MiB.
    public init(
        delimiter: UInt8? = nil, quoting: Bool = true, columns: ColumnSelection = .init(), bufferCapacity: Int = 1 << 16,
        rowLimit: Int = 64 << 20
    ) {
        self.delimiter = delimiter
        self.quoting = quoting
        self.columns = columns
        self.bufferCapacity = bufferCapacity
        self.rowLimit = rowLimit
    }
}
