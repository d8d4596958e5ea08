import OpineSentiment
import OpineText
import Testing
@testable import OpineBatch

/// The progress line and the end-of-run summary.
struct ProgressAndSummaryTests {
    @Test func progressWithAKnownSizeShowsABarPercentAndETA() {
        let progress = BatchProgress(rows: 412_000, rejected: 0, seconds: 5, filePosition: 250, totalSize: 1000)
        #expect(progress.line(width: 100) == "412,000 rows  82,400 rows/s  [=======>                      ] 25%  ETA 0:15")
    }

    @Test func progressWithoutASizeShowsElapsedTime() {
        let progress = BatchProgress(rows: 1500, rejected: 2, seconds: 65, filePosition: 250, totalSize: nil)
        #expect(progress.line(width: 100) == "1,500 rows  23 rows/s  2 rejected  1:05")
    }

    @Test func progressFitsTheTerminal() {
        let progress = BatchProgress(rows: 412_000, rejected: 7, seconds: 5, filePosition: 250, totalSize: 1000)
        #expect(progress.line(width: 40).count <= 40)
    }

    @Test func theSummaryCountsRowsLabelsLanguagesAndStances() {
        var tally = BatchTally()
        tally.rowsRead = 4
        tally.rowsWritten = 3
        tally.rowsRejected = 1
        tally.labels = [.positive: 2, .negative: 1]
        tally.languages = [.dutch: 2, .english: 1]
        tally.stances = [.advocate: 2, .detractor: 1]
        let summary = BatchSummary(tally: tally, seconds: 2, bytesRead: 3_000_000, output: "out.csv", rejects: "rejects.csv")
        #expect(
            summary.rendered == """
                opine batch: 4 rows in 2.0 s (2 rows/s, 1.5 MB/s)
                  written    3 → out.csv
                  rejected   1 → rejects.csv
                  labels     positive 2 (66.7%), negative 1 (33.3%)
                  languages  en 1 (33.3%), nl 2 (66.7%)
                  stance     advocates 2 (66.7%), detractors 1 (33.3%)

                """)
    }

    @Test func oneRowIsOneRow() {
        var tally = BatchTally()
        tally.rowsRead = 1
        tally.rowsRejected = 1
        let summary = BatchSummary(tally: tally, seconds: 1, bytesRead: 10, output: "<stdout>", rejects: nil)
        #expect(summary.rendered.hasPrefix("opine batch: 1 row in 1.0 s"))
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (1_234_567, "1,234,567"), (-4200, "-4,200")])
    func numbersAreGroupedByThousands(value: Int, text: String) {
        #expect(NumberFormatting.grouped(value) == text)
    }
}
