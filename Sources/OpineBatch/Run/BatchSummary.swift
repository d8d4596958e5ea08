import OpineSentiment
import OpineText

/// What a finished batch run did.
public struct BatchSummary: Sendable, Hashable {
    /// The counts.
    public var tally: BatchTally
    /// Wall-clock seconds of the run.
    public var seconds: Double
    /// Decompressed input bytes read.
    public var bytesRead: Int
    /// Where the output went (`<stdout>` or the file).
    public var output: String
    /// The rejects file, if one was written.
    public var rejects: String?

    /// Creates a summary.
    public init(tally: BatchTally, seconds: Double, bytesRead: Int, output: String, rejects: String?) {
        self.tally = tally
        self.seconds = seconds
        self.bytesRead = bytesRead
        self.output = output
        self.rejects = rejects
    }

    /// The summary as lines of text for standard error.
    public var rendered: String {
        let count = NumberFormatting.grouped
        let seconds = max(self.seconds, 1e-9)
        var lines = [
            "opine batch: \(count(tally.rowsRead)) \(tally.rowsRead == 1 ? "row" : "rows") in \(NumberFormatting.oneDecimal(self.seconds)) s "
                + "(\(count(Int(Double(tally.rowsRead) / seconds))) rows/s, "
                + "\(NumberFormatting.oneDecimal(Double(bytesRead) / 1e6 / seconds)) MB/s)",
            "  written    \(count(tally.rowsWritten)) → \(output)",
            "  rejected   \(count(tally.rowsRejected))" + (rejects.map { " → \($0)" } ?? ""),
        ]
        func shares<Key>(_ counts: [Key: Int], _ order: [Key], _ name: (Key) -> String) -> String {
            order.filter { counts[$0, default: 0] > 0 }.map { key in
                let value = counts[key]!
                let percent = NumberFormatting.oneDecimal(Double(value) * 100 / Double(max(tally.rowsWritten, 1)))
                return "\(name(key)) \(count(value)) (\(percent)%)"
            }.joined(separator: ", ")
        }
        if tally.rowsWritten > 0 {
            lines.append("  labels     " + shares(tally.labels, [.positive, .negative, .neutral, .mixed], \.rawValue))
            lines.append("  languages  " + shares(tally.languages, [.english, .dutch, .undetermined], \.rawValue))
            lines.append(
                "  stance     " + shares(tally.stances, [.advocate, .neutral, .detractor]) {
                    switch $0 {
                    case .advocate: "advocates"
                    case .neutral: "neutral"
                    case .detractor: "detractors"
                    }
                })
            lines += OpinionSummaryLines.of(tally.aspects)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
