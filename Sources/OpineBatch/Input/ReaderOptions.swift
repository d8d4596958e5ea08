/// How ``ExportReader`` reads an input.
public struct ReaderOptions: Sendable, Hashable {
    /// The CSV delimiter; nil to detect it from the header (see ``DelimiterDetector``).
    public var delimiter: UInt8?
    /// Which column plays which role.
    public var columns: ColumnSelection
    /// The bytes read at a time.
    public var bufferCapacity: Int
    /// The most bytes one row may span; a longer row (usually a quote that is never
    /// closed) stops the run with an error rather than filling memory.
    public var rowLimit: Int

    /// Options with the delimiter detected, the columns found by name, 64 KiB reads and
    /// rows of up to 64 MiB.
    public init(delimiter: UInt8? = nil, columns: ColumnSelection = .init(), bufferCapacity: Int = 1 << 16, rowLimit: Int = 64 << 20) {
        self.delimiter = delimiter
        self.columns = columns
        self.bufferCapacity = bufferCapacity
        self.rowLimit = rowLimit
    }
}
