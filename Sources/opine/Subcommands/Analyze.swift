import ArgumentParser
import Foundation
import OpineAspects
import OpineSentiment
import OpineText

extension Opine {
    /// `opine analyze` (the default command): the sentiment of one text, of each line of
    /// standard input, or of what you type in the interactive mode.
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the sentiment of a text and show why (the default command).",
            discussion: """
                Prints the label, the compound score (-1 ... 1) as a bar, the positive, negative \
                and neutral shares, subjectivity, the language, every term that carried \
                sentiment with the rules that changed it, and the opinions: what each was about \
                (target, category) and with what polarity.

                With TEXT '-', or with no TEXT when standard input is not a terminal, reads one \
                text per line and streams the results in input order (a batch of lines at a time, \
                on all cores). With no TEXT on a terminal, starts an interactive session: type a \
                phrase and see its analysis; ':lang nl|en|auto', ':explain on|off', ':help', \
                ':quit'; arrow keys recall earlier phrases.

                Colour is used on a terminal unless NO_COLOR is set.

                Examples:
                  opine "Wat een top service, echt een aanrader!"
                  opine analyze --lang en "not bad at all, but the delivery was slow"
                  opine analyze --json - < comments.txt > scores.jsonl
                  opine                       # interactive
                """
        )

        @Argument(help: "The text to analyse; '-' for one text per line from standard input; none for the interactive mode.")
        var text: String?

        @OptionGroup var options: AnalyzerOptions
        @OptionGroup var aspects: AspectOptions

        @Flag(help: "Print one JSON object per text (label, compound, positive, negative, neutral, subjectivity, language, sentences, contributions).")
        var json = false

        func run() throws {
            try reportingErrors {
                let scorer = try TextScorer(analyzer: options.makeAnalyzer(), extractor: aspects.makeExtractor(), language: options.forcedLanguage)
                if text == nil && Terminal.isTerminal(STDIN_FILENO) && !json {
                    var session = InteractiveSession(scorer: scorer)
                    session.run()
                } else if let text, text != "-" {
                    var output = StandardOutput()
                    output.write(try render(scorer.score(text)))
                    output.flush()
                } else {
                    try stream(scorer)
                }
            }
        }

        /// Analyzes standard input line by line, in batches on all cores, in input order.
        private func stream(_ scorer: TextScorer) throws {
            var output = StandardOutput()
            var batch: [String] = []
            func flush() throws {
                for scored in parallelMap(batch, scorer.score) { output.write(try render(scored)) }
                output.flush()
                batch.removeAll(keepingCapacity: true)
            }
            var reader = LineReader(fileDescriptor: STDIN_FILENO)
            while let line = try reader.nextLine() {
                batch.append(line)
                if batch.count >= 4096 { try flush() }
            }
            try flush()
        }

        private func render(_ scored: ScoredText) throws -> String {
            if json { return try JSONLines.encode(scored) }
            return AnalysisReport(scored: scored, style: Style(enabled: Terminal.wantsColor(STDOUT_FILENO))).rendered
        }
    }
}

/// A text's analysis and opinions: what `opine analyze` prints.
struct ScoredText: Encodable {
    var analysis: Analysis
    var opinions: [Opinion]

    private enum Keys: String, CodingKey { case opinions }

    /// The analysis's fields with `opinions` beside them, in one JSON object.
    func encode(to encoder: any Encoder) throws {
        try analysis.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(opinions, forKey: .opinions)
    }
}

/// Scores texts: the analysis, then the opinions found in it.
struct TextScorer: Sendable {
    var analyzer: SentimentAnalyzer
    let extractor: OpinionExtractor
    var language: Language?

    func score(_ text: String) -> ScoredText {
        let (analysis, opinions) = extractor.opinions(in: text, analyzer: analyzer, language: language)
        return ScoredText(analysis: analysis, opinions: opinions)
    }
}

/// The interactive mode of `opine analyze`.
struct InteractiveSession {
    var scorer: TextScorer
    var explain = true
    private var editor = LineEditor()
    private let style = Style(enabled: Terminal.wantsColor(STDOUT_FILENO))

    init(scorer: TextScorer) {
        self.scorer = scorer
    }

    static let help = """
        Type a phrase to analyse it. Commands:
          :lang en|nl|auto   score as English, Dutch, or identify each phrase (now: %@)
          :explain on|off    show or hide the table of terms and rules
          :help              this text
          :quit              leave (or Ctrl-D)
        """

    mutating func run() {
        print("opine \(Opine.configuration.version): type a phrase, ':help' for commands, ':quit' to leave.")
        while let line = editor.readLine(prompt: style.bold("opine> ")) {
            let input = line.trimmingCharacters(in: .whitespaces)
            if input.isEmpty { continue }
            if input.hasPrefix(":") {
                if !command(input) { return }
                continue
            }
            print(AnalysisReport(scored: scorer.score(input), style: style, explain: explain).rendered, terminator: "")
        }
    }

    /// Runs a `:command`; false when the session should end.
    private mutating func command(_ input: String) -> Bool {
        let words = input.dropFirst().split(separator: " ").map(String.init)
        switch (words.first, words.dropFirst().first) {
        case ("quit", _), ("q", _), ("exit", _):
            return false
        case ("lang", let value?):
            guard let choice = LanguageChoice(rawValue: value) else {
                print("unknown language '\(value)'; use en, nl or auto")
                return true
            }
            scorer.language = choice.language
            print("language: \(choice.rawValue)")
        case ("explain", "on"):
            explain = true
        case ("explain", "off"):
            explain = false
        case ("help", _):
            print(String(format: Self.help, scorer.language?.rawValue ?? "auto"))
        default:
            print("unknown command '\(input)'; ':help' lists the commands")
        }
        return true
    }
}

/// The human-readable report of one analysis.
struct AnalysisReport {
    let scored: ScoredText
    var style = Style(enabled: false)
    var explain = true

    var analysis: Analysis { scored.analysis }

    var rendered: String {
        var lines: [String] = []
        let score = String(format: "%+.3f", analysis.compound)
        lines.append("\(labelText)  compound \(score)  \(bar(analysis.compound))")
        lines.append(
            String(
                format: "positive %.2f  negative %.2f  neutral %.2f  subjectivity %.2f  language %@ (%.2f)",
                analysis.positive, analysis.negative, analysis.neutral, analysis.subjectivity,
                analysis.language.rawValue, analysis.languageConfidence))
        guard explain else { return lines.joined(separator: "\n") + "\n" }
        if analysis.contributions.isEmpty {
            lines.append(style.dim("no sentiment terms found"))
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
        if !scored.opinions.isEmpty {
            lines.append(OpinionsTable(opinions: scored.opinions).rendered)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var labelText: String {
        let label = analysis.label.rawValue
        switch analysis.label {
        case .positive: return style.bold(style.green(label))
        case .negative: return style.bold(style.red(label))
        case .mixed: return style.bold(style.yellow(label))
        case .neutral: return style.bold(label)
        }
    }

    /// A 21-character bar from -1 to 1 with the compound marked.
    private func bar(_ compound: Double) -> String {
        let position = Int(((compound + 1) / 2 * 20).rounded())
        let cells = (0...20).map { $0 == position ? "●" : ($0 == 10 ? "|" : "·") }.joined()
        return "[" + (compound > 0.05 ? style.green(cells) : compound < -0.05 ? style.red(cells) : cells) + "]"
    }
}
