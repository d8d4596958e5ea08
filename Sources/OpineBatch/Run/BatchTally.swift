public import OpineAspects
public import OpineSentiment
public import OpineText

/// Counts of a batch run: rows in, out and rejected, the written rows by label,
/// language and stance, and their opinions by category and term.
public struct BatchTally: Sendable, Hashable {
    /// Input rows: always ``rowsWritten`` + ``rowsRejected``.
    public var rowsRead = 0
    /// Rows in the output.
    public var rowsWritten = 0
    /// Rows in the rejects file.
    public var rowsRejected = 0
    /// Written rows by sentiment label.
    public var labels: [SentimentLabel: Int] = [:]
    /// Written rows by language.
    public var languages: [Language: Int] = [:]
    /// Written rows by stance.
    public var stances: [BatchStance: Int] = [:]
    /// The opinions of the written rows, when the run extracts them (else empty, with
    /// ``AspectSummary/texts`` 0).
    public var aspects = AspectSummary()

    /// No rows.
    public init() {}

    /// Counts one written row and, when the run extracts them, its opinions.
    mutating func countWritten(_ analysis: Analysis, _ stance: BatchStance, opinions: [Opinion]?) {
        rowsRead += 1
        rowsWritten += 1
        labels[analysis.label, default: 0] += 1
        languages[analysis.language, default: 0] += 1
        stances[stance, default: 0] += 1
        if let opinions { aspects.add(opinions) }
    }

    /// Counts one rejected row.
    mutating func countRejected() {
        rowsRead += 1
        rowsRejected += 1
    }

    /// Adds another tally's counts.
    mutating func add(_ other: BatchTally) {
        rowsRead += other.rowsRead
        rowsWritten += other.rowsWritten
        rowsRejected += other.rowsRejected
        labels.merge(other.labels, uniquingKeysWith: +)
        languages.merge(other.languages, uniquingKeysWith: +)
        stances.merge(other.stances, uniquingKeysWith: +)
        aspects.merge(other.aspects)
    }
}
