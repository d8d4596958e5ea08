import ArgumentParser
import Foundation
import OpineAspects
import OpineBatch
import OpineSentiment
import OpineText

extension Opine {
    /// `opine aspects`: what customers are positive or negative about.
    ///
    /// Register with `Aspects.self` in `Opine`'s subcommands; `opine aspects FILE...` runs
    /// the default subcommand, ``Rank``.
    struct Aspects: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Opinion targets and categories: what customers are positive or negative about.",
            discussion: """
                Every sentiment word the scorer finds is tied to its target (an aspect term such as \
                'bezorging', 'klantenservice', 'battery life', 'staff', or a noun phrase) and a category \
                from Lexicons/aspects/categories.tsv (GENERAL, PRODUCT, PRICE, DELIVERY, SERVICE, SUPPORT, \
                APP, FOOD, DRINKS, AMBIENCE, LOCATION, OTHER).

                Examples:
                  opine aspects reviews.txt                          # rank categories and terms
                  opine aspects --rank negative export.csv           # most negative first
                  opine aspects show "De bezorging was traag maar het product is top"
                  opine aspects eval ../shared/corpora/nl/semeval16-restaurants-test.aspects.tsv
                """,
            subcommands: [Rank.self, Show.self, Evaluate.self],
            defaultSubcommand: Rank.self
        )
    }
}

/// The options that choose how opinions are found, shared by the `aspects` subcommands.
struct AspectOptions: ParsableArguments {
    @Option(
        name: .customLong("aspect-terms"),
        help: ArgumentHelp("A term file (term<TAB>category[<TAB>term|weak|cue]) that adds to or overrides the built-in aspect terms (repeatable).", valueName: "file"))
    var termFiles: [String] = []

    /// The extractor over the built-in aspect data and the user's term files.
    func makeExtractor(parameters: AttributionParameters = .init()) throws -> OpinionExtractor {
        do {
            return try OpinionExtractor(additionalTerms: termFiles.map { URL(fileURLWithPath: $0) }, parameters: parameters)
        } catch {
            throw OpineError.data("\(error)")
        }
    }
}


extension Opine.Aspects {
    /// `opine aspects [rank] FILE...`: categories and terms ranked over many texts.
    struct Rank: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank categories and terms by volume and net sentiment over many texts.",
            discussion: """
                Reads texts, one per line, or an export (.csv, .tsv, .jsonl, .json, optionally .gz) \
                whose text column is found by its name as in 'opine batch' or given with --text-column; \
                '-' reads lines from standard input. Prints one line per \
                category, e.g.
                  DELIVERY: 412 mentions, 71% negative, 20% positive, top terms: bezorging, pakket, levertijd
                then the most mentioned terms. A mention is one opinion: one target (or, without one, \
                one sentence) and one category.

                Examples:
                  opine aspects reviews.txt
                  opine aspects --rank negative --top 5 export.csv
                  opine aspects --json --text-column body export.tsv
                """
        )

        @Argument(help: "Files of texts (one per line) or exports (.csv, .tsv, .jsonl, .json, .gz), or '-' for lines on standard input.")
        var files: [String]

        @OptionGroup var options: AnalyzerOptions
        @OptionGroup var aspects: AspectOptions

        @Option(help: "The text column of exports. Default: found by its name (text, message, comment, review, bericht, ...).")
        var textColumn: String?

        @Flag(help: "Read an export's quotes as plain text, for files written without quoting (TSV corpora).")
        var noQuotes = false

        @Option(help: "Order of categories and terms: volume, negative (most negative net sentiment first) or positive.")
        var rank: AspectRankingChoice = .volume

        @Option(help: "Terms shown per category.")
        var top = 3

        @Option(help: "Terms listed in the term ranking (0: none).")
        var terms = 15

        @Flag(help: "Print the summary as one JSON object.")
        var json = false

        func run() throws {
            try reportingErrors {
                let analyzer = try options.makeAnalyzer()
                let extractor = try aspects.makeExtractor()
                let language = options.forcedLanguage
                var summary = AspectSummary()
                for file in files {
                    try AspectTextReader(path: file, column: textColumn, quoting: !noQuotes).forEachBatch(of: 4096) { batch in
                        let results = parallelMap(batch) { text in extractor.opinions(in: text, analyzer: analyzer, language: language).opinions }
                        for opinions in results { summary.add(opinions) }
                    }
                }
                var output = StandardOutput()
                if json {
                    output.write(try JSONLines.encode(AspectSummaryReport(summary, ranking: rank.ranking, top: top, terms: terms)))
                } else {
                    output.write(AspectSummaryText(summary: summary, ranking: rank.ranking, top: top, terms: terms).rendered)
                }
                output.flush()
            }
        }
    }

    /// `opine aspects show TEXT`: the opinions of one text or of each line.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the opinions of a text: target, category, polarity, score and the words that gave it.",
            discussion: """
                With TEXT '-', reads one text per line from standard input.

                With --about, shows only the opinion about one thing: a category (DELIVERY, \
                FOOD, ...) or a word or phrase of the text. When no word is tied to it, its \
                sentence decides, and a sentence without sentiment takes the tone of the whole \
                text. A text that does not mention it prints 'not mentioned' (JSON: null).

                Examples:
                  opine aspects show "the food was great but the waiter was rude"
                  opine aspects show --about waiter "the food was great but the waiter was rude"
                  opine aspects show --about DELIVERY --json - < reviews.txt > delivery.jsonl
                  opine aspects show --json - < comments.txt > opinions.jsonl
                """
        )

        @OptionGroup var input: TextInputOptions
        @OptionGroup var options: AnalyzerOptions
        @OptionGroup var aspects: AspectOptions

        @Flag(help: "Print one JSON object per text: {\"language\", \"compound\", \"opinions\": [{\"target\", \"category\", \"polarity\", \"score\", \"words\", \"sentence\"}]}; with --about, \"opinion\" (one such object, or null) instead of \"opinions\".")
        var json = false

        @Option(help: ArgumentHelp("Only the opinion about this category or word or phrase of the text.", valueName: "target"))
        var about: String?

        func run() throws {
            try reportingErrors {
                let analyzer = try options.makeAnalyzer()
                let extractor = try aspects.makeExtractor()
                let language = options.forcedLanguage
                var output = StandardOutput()
                try input.forEachText { text in
                    if let about {
                        let tokens = Tokenizer().tokenize(text)
                        let analysis = analyzer.analyze(tokens, language: language)
                        let opinion = extractor.opinion(about: about, in: tokens, analysis: analysis)
                        if json {
                            output.write(try JSONLines.encode(OpinionLine(language: analysis.language.rawValue, compound: analysis.compound, opinion: opinion)))
                        } else {
                            output.write(opinion.map { OpinionsTable(opinions: [$0]).rendered } ?? "\(about): not mentioned\n")
                        }
                        return
                    }
                    let (analysis, opinions) = extractor.opinions(in: text, analyzer: analyzer, language: language)
                    if json {
                        output.write(try JSONLines.encode(OpinionsLine(language: analysis.language.rawValue, compound: analysis.compound, opinions: opinions)))
                    } else {
                        output.write("\(analysis.label.rawValue)  compound \(String(format: "%+.3f", analysis.compound))  language \(analysis.language.rawValue)\n")
                        output.write(OpinionsTable(opinions: opinions).rendered + "\n")
                    }
                }
                output.flush()
            }
        }
    }

    /// `opine aspects eval FILE...`: polarity and target-detection figures on gold opinions.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Measure opinion polarity and target detection on gold aspect corpora.",
            discussion: """
                Reads SemEval-style TSV files, one row per gold opinion, with columns id, label \
                (pos/neg/neu), category (ENTITY#ATTRIBUTE), target (NULL when implicit), from, to \
                (character offsets), text. For each file prints:
                  polarity      three-class accuracy over every gold opinion, given its gold target \
                (or, for NULL, its category mapped by Lexicons/aspects/semeval-categories.tsv);
                  baseline      the same when every opinion gets its sentence's polarity (compound \
                ≥ 0.05 positive, ≤ -0.05 negative, else neutral);
                  mixed         both on the opinions of sentences whose gold opinions differ in \
                polarity, where only attribution to targets can get every opinion right;
                  review tone   the baseline read with the rest of its review (no attribution);
                  binary        both on the pos/neg opinions only, positive iff score > 0;
                  targets       precision and recall of the extracted explicit targets against the \
                distinct gold targets of each sentence, exact span and overlapping span;
                  categories    per-sentence category detection.

                Examples:
                  opine aspects eval ../shared/corpora/en/semeval16-restaurants-train.aspects.tsv
                  opine aspects eval --json ../shared/corpora/nl/*.aspects.tsv
                  opine aspects eval --set comma=2 --set predicateBonus=5 corpus.tsv   # try parameters
                """
        )

        @Argument(help: "Gold aspect corpora (.tsv).")
        var corpora: [String]

        @OptionGroup var options: AnalyzerOptions
        @OptionGroup var aspects: AspectOptions

        @Option(help: ArgumentHelp("Set an attribution parameter, name=value (repeatable): \(AttributionParameters.names.joined(separator: ", ")).", valueName: "name=value"))
        var set: [String] = []

        @Flag(help: "Print one JSON report per corpus.")
        var json = false

        @Flag(help: "With --json, include every gold opinion with its prediction (for error analysis).")
        var opinions = false

        func run() throws {
            try reportingErrors {
                var parameters = AttributionParameters()
                for assignment in set {
                    let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, let value = Double(parts[1]), parameters.set(parts[0], value) else {
                        throw ValidationError("--set expects name=value with a name among \(AttributionParameters.names.joined(separator: ", "))")
                    }
                }
                let analyzer = try options.makeAnalyzer()
                let extractor = try aspects.makeExtractor(parameters: parameters)
                let language = options.forcedLanguage
                var output = StandardOutput()
                for path in corpora {
                    let corpus = try GoldAspectCorpus(contentsOf: URL(fileURLWithPath: path))
                    let chunk = max(1, corpus.sentences.count / (ProcessInfo.processInfo.activeProcessorCount * 4))
                    let parts = stride(from: 0, to: corpus.sentences.count, by: chunk).map { Array(corpus.sentences[$0..<min($0 + chunk, corpus.sentences.count)]) }
                    let partial = parallelMap(parts) { sentences in
                        var evaluation = AspectEvaluation(corpus: path)
                        evaluation.recordsOpinions = opinions
                        for sentence in sentences { evaluation.add(sentence, analyzer: analyzer, extractor: extractor, language: language) }
                        return evaluation
                    }
                    var evaluation = AspectEvaluation(corpus: path)
                    for part in partial { evaluation.merge(part) }
                    output.write(json ? try JSONLines.encode(evaluation) : AspectEvaluationText(evaluation).rendered)
                }
                output.flush()
            }
        }
    }
}

/// The values of `--rank`.
enum AspectRankingChoice: String, ExpressibleByArgument, CaseIterable {
    case volume, negative, positive

    var ranking: AspectSummary.Ranking { AspectSummary.Ranking(rawValue: rawValue)! }
}

// MARK: Input

/// The texts `opine aspects` ranks: lines of a plain text file or of standard input, or
/// the text column of an export read with `opine batch`'s ``ExportReader`` (CSV, TSV,
/// JSON Lines, JSON, gzip).
struct AspectTextReader {
    let path: String
    /// The text column of an export; nil: found by its common names.
    let column: String?
    /// Whether an export's `"` quotes fields (see ``ReaderOptions/quoting``).
    var quoting = true

    /// Whether the path names an export rather than a file of lines.
    private var isExport: Bool {
        let lower = path.lowercased().replacingOccurrences(of: ".gz", with: "")
        return path != "-" && [".csv", ".tsv", ".jsonl", ".json"].contains { lower.hasSuffix($0) }
    }

    func forEachBatch(of size: Int, _ body: ([String]) throws -> Void) throws {
        var batch: [String] = []
        func add(_ text: String) throws {
            batch.append(text)
            if batch.count >= size {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if isExport {
            var columns = ColumnSelection()
            if let column { columns[.text] = .named(column) }
            do {
                let reader = try ExportReader(path: path, options: ReaderOptions(quoting: quoting, columns: columns))
                while let next = try reader.next() {
                    switch next {
                    case .row(let row): try add(row.text)
                    case .rejected(let rejection): throw rejection.error
                    }
                }
            } catch let error as BatchError {
                throw try OpineError(readerError: error)
            }
        } else {
            let descriptor: Int32
            if path == "-" {
                descriptor = FileHandle.standardInput.fileDescriptor
            } else {
                descriptor = open(path, O_RDONLY)
                guard descriptor >= 0 else { throw OpineError.unreadableInput(path: path, reason: String(cString: strerror(errno))) }
            }
            defer { if path != "-" { close(descriptor) } }
            var reader = LineReader(fileDescriptor: descriptor)
            while let line = try reader.nextLine() { try add(line) }
        }
        if !batch.isEmpty { try body(batch) }
    }
}

// MARK: Output

/// The human-readable table of a text's opinions; `opine analyze` can print it under the
/// contributions.
struct OpinionsTable {
    let opinions: [Opinion]

    var rendered: String {
        guard !opinions.isEmpty else { return "no opinions found\n" }
        let rows = opinions.map { opinion in
            [
                opinion.target?.text ?? "(implicit)", opinion.category.rawValue, opinion.polarity.rawValue,
                String(format: "%+.2f", opinion.score),
                opinion.words.map { "\($0.text) \(String(format: "%+.2f", $0.score)) [\($0.link.rawValue)]" }.joined(separator: ", "),
            ]
        }
        return TextTable(header: ["target", "category", "polarity", "score", "words"], rows: rows).rendered
    }
}

/// The JSON shape of `opine aspects show --json`.
struct OpinionsLine: Encodable {
    var language: String
    var compound: Double
    var opinions: [Opinion]
}

/// The JSON shape of `opine aspects show --about T --json`.
struct OpinionLine: Encodable {
    var language: String
    var compound: Double
    var opinion: Opinion?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(language, forKey: .language)
        try container.encode(compound, forKey: .compound)
        try container.encode(opinion, forKey: .opinion)  // null when not mentioned
    }

    enum CodingKeys: String, CodingKey { case language, compound, opinion }
}

/// The JSON shape of `opine aspects --json`.
struct AspectSummaryReport: Encodable {
    var texts: Int
    var textsWithOpinions: Int
    var opinions: AspectSummary.Counts
    var ranking: AspectSummary.Ranking
    var categories: [AspectSummary.CategoryRow]
    var terms: [AspectSummary.TermRow]

    init(_ summary: AspectSummary, ranking: AspectSummary.Ranking, top: Int, terms: Int) {
        texts = summary.texts
        textsWithOpinions = summary.textsWithOpinions
        opinions = summary.total
        self.ranking = ranking
        categories = summary.categories(rankedBy: ranking, topTerms: top)
        self.terms = Array(summary.terms(rankedBy: ranking).prefix(terms))
    }
}

/// The human-readable summary of `opine aspects`.
struct AspectSummaryText {
    let summary: AspectSummary
    let ranking: AspectSummary.Ranking
    let top: Int
    let terms: Int

    var rendered: String {
        var text = "\(summary.texts) texts, \(summary.textsWithOpinions) with opinions, \(summary.total.mentions) opinions\n\n"
        for row in summary.categories(rankedBy: ranking, topTerms: top) { text += row.line + "\n" }
        let ranked = summary.terms(rankedBy: ranking).prefix(terms)
        if !ranked.isEmpty {
            text += "\n"
            let rows = ranked.map { row in
                [
                    row.term, row.category.rawValue, "\(row.counts.mentions)", "\(Int((row.counts.positiveShare * 100).rounded()))%",
                    "\(Int((row.counts.negativeShare * 100).rounded()))%", String(format: "%+.2f", row.counts.net),
                ]
            }
            text += TextTable(header: ["term", "category", "mentions", "positive", "negative", "net"], rows: rows).rendered
        }
        return text
    }
}

/// The human-readable rendering of an ``AspectEvaluation``.
struct AspectEvaluationText {
    let evaluation: AspectEvaluation
    init(_ evaluation: AspectEvaluation) { self.evaluation = evaluation }

    var rendered: String {
        let e = evaluation
        func accuracy(_ a: AspectEvaluation.Accuracy) -> String { String(format: "%.3f (%d/%d)", a.accuracy, a.correct, a.count) }
        func detection(_ d: AspectEvaluation.Detection) -> String {
            String(format: "P %.3f (%d/%d)  R %.3f (%d/%d)  F1 %.3f", d.precision, d.matchedPredicted, d.predicted, d.recall, d.matchedGold, d.gold, d.f1)
        }
        let languages = e.languages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var lines = ["== \(e.corpus)  (\(e.sentences) sentences, \(e.polarity.count) gold opinions; languages \(languages))"]
        lines.append(
            TextTable(
                header: ["polarity accuracy", "opinions", "sentence baseline"],
                rows: [
                    ["three-class, all", accuracy(e.polarity), accuracy(e.baseline)],
                    ["  explicit targets", accuracy(e.polarityExplicit), accuracy(e.baselineExplicit)],
                    ["  implicit (NULL)", accuracy(e.polarityImplicit), accuracy(e.baselineImplicit)],
                    ["  mixed sentences", accuracy(e.polarityMixed), accuracy(e.baselineMixed)],
                    ["binary (pos/neg gold)", accuracy(e.polarityBinary), accuracy(e.baselineBinary)],
                ]
            ).rendered.trimmingCharacters(in: .newlines))
        lines.append("review-tone baseline, three-class (the sentence with the rest of its review, no attribution): \(accuracy(e.baselineContext))")
        lines.append("  on mixed sentences (gold opinions of more than one polarity): \(accuracy(e.baselineContextMixed))")
        lines.append("opinions with no word tied (the sentence and its review decide): \(e.sentenceFallbacks)")
        let names = ["pos", "neg", "neu"]
        lines.append(
            "confusion (rows gold, columns predicted pos/neg/neu): "
                + zip(names, e.polarity.confusion).map { "\($0) \($1.map(String.init).joined(separator: "/"))" }.joined(separator: ", "))
        lines.append("targets exact    \(detection(e.targetsExact))")
        lines.append("targets overlap  \(detection(e.targetsOverlap))")
        lines.append("categories       \(detection(e.categories))")
        if e.reanchoredTargets > 0 { lines.append("gold spans re-anchored to their target text: \(e.reanchoredTargets)") }
        return lines.joined(separator: "\n") + "\n\n"
    }
}
