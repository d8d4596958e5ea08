import ArgumentParser
import Foundation
import OpineSentiment
import OpineText

extension Opine {
    /// `opine analyze`: the sentiment of one text, or of each line of standard input.
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the sentiment of a text and show why.",
            discussion: """
                Prints the label, the compound score (-1 ... 1), the positive, negative and neutral \
                shares, subjectivity, the language, and every term that carried sentiment with the \
                rules that changed it. With TEXT '-', reads one text per line from standard input \
                and streams the results in input order (a batch of lines at a time, on all cores).

                Examples:
                  opine analyze "Wat een top service, echt een aanrader!"
                  opine analyze --lang en "not bad at all, but the delivery was slow"
                  opine analyze --json - < comments.txt > scores.jsonl
                """
        )

        @OptionGroup var input: TextInputOptions
        @OptionGroup var options: AnalyzerOptions

        @Flag(help: "Print one JSON object per text (label, compound, positive, negative, neutral, subjectivity, language, sentences, contributions).")
        var json = false

        func run() throws {
            try reportingErrors {
                let analyzer = try options.makeAnalyzer()
                let language = options.forcedLanguage
                var output = StandardOutput()
                var batch: [String] = []
                func flush() throws {
                    let analyses = parallelMap(batch) { analyzer.analyze($0, language: language) }
                    for (text, analysis) in zip(batch, analyses) {
                        output.write(json ? try JSONLines.encode(analysis) : AnalysisReport(text: text, analysis: analysis).rendered)
                    }
                    output.flush()
                    batch.removeAll(keepingCapacity: true)
                }
                try input.forEachText { text in
                    batch.append(text)
                    if batch.count >= 4096 { try flush() }
                }
                try flush()
            }
        }
    }
}

/// The human-readable report of one analysis.
struct AnalysisReport {
    let text: String
    let analysis: Analysis

    var rendered: String {
        var lines: [String] = []
        let score = String(format: "%+.3f", analysis.compound)
        lines.append("\(analysis.label.rawValue)  compound \(score)  \(bar(analysis.compound))")
        lines.append(
            String(
                format: "positive %.2f  negative %.2f  neutral %.2f  subjectivity %.2f  language %@ (%.2f)",
                analysis.positive, analysis.negative, analysis.neutral, analysis.subjectivity,
                analysis.language.rawValue, analysis.languageConfidence))
        if analysis.contributions.isEmpty {
            lines.append("no sentiment terms found")
        } else {
            let rows = analysis.contributions.map { contribution in
                [
                    contribution.text, contribution.entry, contribution.match.rawValue,
                    String(format: "%+.2f", contribution.valence), String(format: "%+.2f", contribution.score),
                    contribution.rules.map { effect in
                        effect.rule.rawValue + (effect.trigger.map { " (\($0))" } ?? "")
                    }.joined(separator: ", "),
                ]
            }
            lines.append(TextTable(header: ["term", "entry", "match", "valence", "score", "rules"], rows: rows).rendered)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A 21-character bar from -1 to 1 with the compound marked.
    private func bar(_ compound: Double) -> String {
        let position = Int(((compound + 1) / 2 * 20).rounded())
        return "[" + (0...20).map { $0 == position ? "●" : ($0 == 10 ? "|" : "·") }.joined() + "]"
    }
}
