import ArgumentParser
import Dispatch
import Foundation
import OpineSentiment
import OpineText

extension Opine {
    /// `opine eval`: accuracy of the scorer on labelled corpora.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure accuracy on labelled corpora.",
            discussion: """
                Reads TSV, CSV or JSON Lines corpora with a header naming 'text' and 'label' \
                (pos/neg/neu or positive/negative/neutral) and optionally 'score' (a human valence). \
                For each corpus prints:
                  binary       accuracy, P/R/F1, macro-F1 and confusion on the pos/neg rows, positive \
                iff compound > 0 (a compound of 0, nothing found, counts as negative);
                  three-class  the same with positive/neutral/negative from compound ±0.05 (only \
                when the corpus has neutral rows);
                  r            Pearson's r of compound with the score column, when present;
                and the detected languages and texts per second (all cores).

                Examples:
                  opine eval Corpora/en/vader-tweets.tsv Corpora/nl/glender-earphones.tsv
                  opine eval --json Corpora/en/*.tsv > figures.jsonl
                  opine eval --without phrases,compounds corpus.tsv     # what those steps gain
                """
        )

        @Argument(help: "Labelled corpora (.tsv, .csv, .jsonl).")
        var corpora: [String]

        @OptionGroup var options: AnalyzerOptions

        @Flag(help: "Print one JSON report per corpus.")
        var json = false

        @Option(
            help: ArgumentHelp(
                "Switch matching steps off to measure what they gain: phrases, elongation, stems, compounds (comma-separated or repeated).",
                valueName: "steps"))
        var without: [String] = []

        @Option(help: ArgumentHelp("Switch matching steps on that are off by default: english-stems.", valueName: "steps"))
        var with: [String] = []

        func validate() throws {
            _ = try Self.steps(without, option: "--without")
            _ = try Self.steps(with, option: "--with")
        }

        func run() throws {
            try reportingErrors {
                var configured = try options.makeAnalyzer()
                configured.parameters.steps.subtract(try Self.steps(without, option: "--without"))
                configured.parameters.steps.formUnion(try Self.steps(with, option: "--with"))
                let analyzer = configured
                let language = options.forcedLanguage
                var output = StandardOutput()
                for path in corpora {
                    let corpus = try LabelledCorpus(contentsOf: URL(fileURLWithPath: path))
                    let start = DispatchTime.now().uptimeNanoseconds
                    let analyses = parallelMap(corpus.items) { analyzer.analyze($0.text, language: language) }
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                    let report = EvaluationReport(
                        corpus: corpus, compounds: analyses.map(\.compound), languages: analyses.map(\.language.rawValue),
                        textsPerSecond: Double(corpus.items.count) / max(seconds, 1e-9))
                    output.write(json ? try JSONLines.encode(report) : EvaluationText(report).rendered)
                }
                output.flush()
            }
        }
    }
}

extension Opine.Eval {
    /// The matching steps named in comma-separated or repeated option values.
    static func steps(_ values: [String], option: String) throws -> MatchSteps {
        var steps: MatchSteps = []
        for name in values.flatMap({ $0.split(separator: ",").map(String.init) }) {
            guard let step = MatchSteps.names[name] else {
                throw ValidationError("unknown step '\(name)' for \(option); steps: \(MatchSteps.names.keys.sorted().joined(separator: ", "))")
            }
            steps.insert(step)
        }
        return steps
    }
}

/// The human-readable rendering of an ``EvaluationReport``.
struct EvaluationText {
    let report: EvaluationReport
    init(_ report: EvaluationReport) { self.report = report }

    var rendered: String {
        var lines = ["== \(report.corpus)  (\(report.items) texts, \(Int(report.textsPerSecond)) texts/s)"]
        let languages = report.languages.sorted { $0.key < $1.key }.map { language, count in
            let accuracy = report.binaryByLanguage[language].map { String(format: ", binary accuracy %.3f on %d", $0.accuracy, $0.count) } ?? ""
            return "\(language) \(count)\(accuracy)"
        }.joined(separator: "; ")
        lines.append("languages: \(languages)")
        lines.append(render("binary (pos/neg rows, positive iff compound > 0)", report.binary))
        if let three = report.threeClass { lines.append(render("three-class (compound ±0.05)", three)) }
        if let r = report.pearson { lines.append(String(format: "pearson r (compound vs human score): %.3f", r)) }
        return lines.joined(separator: "\n") + "\n\n"
    }

    private func render(_ title: String, _ view: EvaluationReport.View) -> String {
        var text = String(format: "%@: accuracy %.3f  macro-F1 %.3f  (n=%d)\n", title, view.accuracy, view.macroF1, view.count)
        let rows = view.classes.enumerated().map { index, name in
            let metrics = view.perClass[name]!
            return [name, String(format: "%.3f", metrics.precision), String(format: "%.3f", metrics.recall), String(format: "%.3f", metrics.f1), "\(metrics.support)"]
                + view.confusion[index].map(String.init)
        }
        text += TextTable(header: ["gold", "precision", "recall", "F1", "support"] + view.classes.map { "→" + $0.prefix(3) }, rows: rows).rendered
        return text
    }
}
