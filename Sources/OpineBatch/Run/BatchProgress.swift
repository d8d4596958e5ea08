/// How far a batch run has come, reported after every chunk written.
public struct BatchProgress: Sendable, Hashable {
    /// Input rows done (written or rejected).
    public var rows: Int
    /// Rows rejected so far.
    public var rejected: Int
    /// Seconds since the run started.
    public var seconds: Double
    /// Bytes taken from the input files (compressed bytes for `.gz`).
    public var filePosition: Int
    /// The inputs' total size on disk, nil when one is a pipe.
    public var totalSize: Int?

    /// Creates a progress report.
    public init(rows: Int, rejected: Int, seconds: Double, filePosition: Int, totalSize: Int?) {
        self.rows = rows
        self.rejected = rejected
        self.seconds = seconds
        self.filePosition = filePosition
        self.totalSize = totalSize
    }

    /// The share of the input done, when the size is known.
    public var fraction: Double? {
        guard let totalSize, totalSize > 0 else { return nil }
        return min(1, Double(filePosition) / Double(totalSize))
    }

    /// One line for a terminal, at most `width` columns:
    /// `412,000 rows  81,230 rows/s  [=====>      ] 41%  ETA 0:07`; without a known size,
    /// rows, rate and elapsed time.
    public func line(width: Int) -> String {
        let rate = seconds > 0 ? Int(Double(rows) / seconds) : 0
        var text = "\(NumberFormatting.grouped(rows)) rows  \(NumberFormatting.grouped(rate)) rows/s"
        if rejected > 0 { text += "  \(NumberFormatting.grouped(rejected)) rejected" }
        guard let fraction else { return String((text + "  " + NumberFormatting.clock(seconds)).prefix(width)) }
        let percent = "\(Int(fraction * 100))%"
        let eta = fraction > 0 ? "ETA \(NumberFormatting.clock(seconds / fraction - seconds))" : "ETA -:--"
        let barWidth = min(30, width - text.count - percent.count - eta.count - 8)
        if barWidth >= 5 {
            let filled = Int(fraction * Double(barWidth))
            let bar = String(repeating: "=", count: filled) + (filled < barWidth ? ">" : "")
                + String(repeating: " ", count: max(0, barWidth - filled - 1))
            text += "  [\(bar)]"
        }
        return String((text + " \(percent)  \(eta)").prefix(width))
    }
}
