import ArgumentParser
import Foundation
import OpineSentiment
import OpineText

/// The options that choose how text is scored, shared by the scoring commands.
struct AnalyzerOptions: ParsableArguments {
    @Option(help: "Language of the texts: en, nl or auto (identify each text).")
    var lang: LanguageChoice = .auto

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A lexicon file whose entries add to or override the built-in ones (repeatable).", valueName: "file"))
    var lexicons: [String] = []

    /// The analyzer over the built-in lexicons and the user's files.
    func makeAnalyzer() throws -> SentimentAnalyzer {
        do {
            return try SentimentAnalyzer(overrides: lexicons.map { URL(fileURLWithPath: $0) })
        } catch let error as LexiconError {
            throw OpineError.lexicon(error)
        }
    }

    /// The language forced by `--lang`, nil for auto.
    var forcedLanguage: Language? { lang.language }
}

/// The values of `--lang`.
enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
    case en, nl, auto

    var language: Language? {
        switch self {
        case .en: .english
        case .nl: .dutch
        case .auto: nil
        }
    }
}

/// Errors the commands report and the exit codes they end with (sysexits.h).
enum OpineError: Error, CustomStringConvertible {
    /// A lexicon could not be loaded (exit 78, configuration error).
    case lexicon(LexiconError)
    /// Other built-in data (the aspect taxonomy and terms) could not be loaded (exit 78).
    case data(String)
    /// An input file could not be read (exit 66).
    case unreadableInput(path: String, reason: String)
    /// Input data was malformed (exit 65).
    case malformedInput(path: String, line: Int, reason: String)

    var description: String {
        switch self {
        case .lexicon(let error): "error: \(error)"
        case .data(let reason): "error: \(reason)"
        case .unreadableInput(let path, let reason): "error: cannot read \(path): \(reason)"
        case .malformedInput(let path, let line, let reason): "error: \(path):\(line): \(reason)"
        }
    }

    /// The error for a labelled corpus that could not be read.
    init(_ error: CorpusError) {
        switch error {
        case .unreadable(let path, let reason): self = .unreadableInput(path: path, reason: reason)
        case .malformed(let path, let line, let reason): self = .malformedInput(path: path, line: line, reason: reason)
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .lexicon, .data: ExitCode(78)
        case .unreadableInput: ExitCode(66)
        case .malformedInput: ExitCode(65)
        }
    }
}

extension ParsableCommand {
    /// Runs `body`, turning an ``OpineError`` into its message on standard error and its
    /// exit code.
    ///
    /// A ``CorpusError`` from reading a labelled corpus is reported the same way.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CorpusError {
            try reportingErrors { throw OpineError(error) }
        } catch let error as OpineError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw error.exitCode
        }
    }
}
