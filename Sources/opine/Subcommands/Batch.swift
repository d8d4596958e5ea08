import ArgumentParser
import Foundation
import OpineAspects
import OpineBatch
import OpineSentiment

extension Opine {
    /// `opine batch`: scores every row of comment exports.
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score every row of comment exports (CSV, JSON Lines, JSON) and write them with their sentiment.",
            discussion: """
                Writes every input row, in input order, with all its fields and the sentiment fields \
                label, compound, positive, negative, neutral, subjectivity, language and stance.

                Input: CSV (RFC 4180: quoted fields, "" for a quote, line breaks inside quotes, a UTF-8 \
                BOM, CRLF; the delimiter , ; or tab is detected from the header), JSON Lines, or a JSON \
                array of objects, told apart by the first character. '-' reads standard input; a name \
                ending in .gz is decompressed. The text column is found by its name (text, message, \
                comment, review, body, content, bericht, reactie, tekst, ...) or named with \
                --text-column; likewise the id, author, time, rating (1 to 5 stars) and kind columns \
                ('none' ignores one).

                Stance: a rating of 1-2 stars is a detractor; 4-5 stars an advocate unless the text is \
                negative; otherwise the text decides: compound >= 0.5 advocate, <= -0.3 detractor, \
                else neutral.

                With --opinions, every row also gets an 'opinions' field: a JSON array with one object \
                per opinion, {"target", "term", "category", "polarity", "score", "words"} (target and term \
                null when the opinion has no explicit target; each word with its score and the rules \
                that changed it), a real array in JSON output and its compact text in a CSV cell. The \
                summary then ranks the categories by volume ("DELIVERY: 412 mentions, 71% negative, \
                20% positive, top terms: bezorging, pakket, levertijd") and by net sentiment, and the \
                terms by volume and by net sentiment. Finding opinions about halves the speed, so it is \
                off by default.

                A row that cannot be used (a quote never closed, the wrong number of fields, invalid \
                UTF-8 or JSON, no text field, a rating outside 1-5) stops the run with exit status 65 \
                and a message naming file, line and reason. With --on-error skip it goes to the \
                --rejects file (file, line, reason, raw row) instead. Input rows = written rows + \
                rejected rows, always.

                Output goes to standard output as it is scored, or to a temporary file next to -o \
                FILE that is renamed when complete: after an error or Ctrl-C no partial file is left. \
                Memory stays bounded however large the input. A progress bar shows on standard error \
                when it is a terminal, and a summary ends the run (-q hides both).

                Examples:
                  opine batch reviews.csv -o scored.csv
                  opine batch export.jsonl.gz --rating-column stars -o scored.jsonl.gz
                  opine batch a.csv b.csv --on-error skip --rejects rejects.csv -o all.csv
                  opine batch reviews.csv --opinions -o scored.jsonl
                  zcat dump.csv.gz | opine batch - --lang nl > scored.jsonl

                Exit status:
                  0    done (skipped rows are in the --rejects file)
                  64   usage error
                  65   malformed input (the message names file, line and reason)
                  66   unreadable input
                  73   the output cannot be created
                  74   write error
                  78   missing or malformed lexicon
                  130  interrupted by Ctrl-C (143 by SIGTERM)
                """
        )

        @Argument(help: ArgumentHelp("Exports to read (.csv, .tsv, .jsonl, .json, optionally .gz); '-' for standard input.", valueName: "file"))
        var files: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file; its extension sets the format, .gz compresses. Default: standard output.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Output format: csv, tsv, jsonl or json. Default: from -o's extension, else jsonl.", valueName: "format"))
        var format: String?

        @OptionGroup var reading: ExportReadingOptions

        @Option(help: ArgumentHelp("Write rows that cannot be used here (file, line, reason, raw row); format from the extension.", valueName: "file"))
        var rejects: String?

        @Option(help: ArgumentHelp("On a row that cannot be used: fail (stop, exit 65) or skip (needs --rejects).", valueName: "policy"))
        var onError: String = "fail"

        @Option(help: ArgumentHelp("Threads that score rows. Default: all cores.", valueName: "n"))
        var jobs: Int?

        @Option(help: ArgumentHelp("Put before the sentiment fields' names. Default: none, or 'opine_' when an input has a field of one of those names.", valueName: "prefix"))
        var fieldPrefix: String?

        @OptionGroup var options: AnalyzerOptions

        @Flag(help: "Add each row's opinions as an 'opinions' field (a JSON array) and rank their categories and terms in the summary; about half as fast.")
        var opinions = false

        @OptionGroup var aspects: AspectOptions

        @Flag(name: .shortAndLong, help: "No progress bar and no summary.")
        var quiet = false

        func validate() throws {
            if let format, OutputFormat(rawValue: format) == nil {
                throw ValidationError("--format must be csv, tsv, jsonl or json, not '\(format)'")
            }
            if BatchOptions.ErrorPolicy(rawValue: onError) == nil {
                throw ValidationError("--on-error must be fail or skip, not '\(onError)'")
            }
            if !opinions && !aspects.termFiles.isEmpty {
                throw ValidationError("--aspect-terms is used only with --opinions")
            }
        }

        func run() throws {
            InterruptHandling.install()
            let progress = !quiet && isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
            try reportingErrors {
                do {
                    let job = try BatchJob(options: try batchOptions(opinions: opinions ? aspects.makeExtractor() : nil))
                    if !quiet {
                        for input in job.inputs { Self.printError("reading \(input.description)") }
                        for note in job.notes { Self.printError("note: \(note)") }
                    }
                    let analyzer = try options.makeAnalyzer()
                    let summary = try job.run(analyzer: analyzer, progress: progress.map { bar in { bar.show($0) } })
                    progress?.clear()
                    if !quiet { Self.printError(summary.rendered, terminator: "") }
                } catch let error as BatchError {
                    progress?.clear()
                    switch error {
                    case .unreadableInput(let path, let reason): throw OpineError.unreadableInput(path: path, reason: reason)
                    case .malformedInput(let path, let line, let reason): throw OpineError.malformedInput(path: path, line: line, reason: reason)
                    case .usage, .cannotCreateOutput, .writeFailed:
                        Self.printError("error: \(error)")
                        throw ExitCode(error.exitStatus)
                    }
                }
            }
        }

        private func batchOptions(opinions: OpinionExtractor?) throws -> BatchOptions {
            return BatchOptions(
                inputs: files, output: output, format: format.flatMap(OutputFormat.init(rawValue:)), rejects: rejects,
                onError: BatchOptions.ErrorPolicy(rawValue: onError) ?? .fail,
                jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                reading: try reading.readerOptions(),
                language: options.forcedLanguage, opinions: opinions, fieldPrefix: fieldPrefix)
        }

        static func printError(_ text: String, terminator: String = "\n") {
            FileHandle.standardError.write(Data((text + terminator).utf8))
        }
    }
}

/// The progress line on a terminal's standard error, redrawn at most ten times a second.
final class ProgressBar {
    private var lastDrawn = ContinuousClock.now - .seconds(1)

    func show(_ progress: BatchProgress) {
        let now = ContinuousClock.now
        guard now - lastDrawn >= .milliseconds(100) else { return }
        lastDrawn = now
        FileHandle.standardError.write(Data(("\r" + progress.line(width: Self.width() - 1) + "\u{1B}[K").utf8))
    }

    func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private static func width() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
