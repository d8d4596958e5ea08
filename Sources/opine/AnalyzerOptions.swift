import ArgumentParser
import Foundation
import OpineAlerts
import OpineSentiment
import OpineText

/// The options that choose how text is scored, shared by the scoring commands.
struct AnalyzerOptions: ParsableArguments {
    @Option(help: "Language of the texts: en, nl or auto (identify each text).")
    var lang: LanguageChoice = .auto

    @OptionGroup var lexicons: LexiconOptions

    /// The analyzer over the built-in lexicons and the user's files.
    func makeAnalyzer() throws(OpineError) -> SentimentAnalyzer { try lexicons.makeAnalyzer() }

    /// The language forced by `--lang`, nil for auto.
    var forcedLanguage: Language? { lang.language }
}

/// `--lexicon`: the user's lexicon files, shared by every command that scores text
/// (`opine serve` and `opine watch` take it without `--lang`).
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A lexicon file whose entries add to or override the built-in ones (repeatable).", valueName: "file"))
    var files: [String] = []

    /// The analyzer over the built-in lexicons and the user's files.
    func makeAnalyzer() throws(OpineError) -> SentimentAnalyzer {
        do {
            return try SentimentAnalyzer(overrides: files.map { URL(fileURLWithPath: $0) })
        } catch let error as LexiconError {
            throw .lexicon(error)
        } catch {
            throw .data("cannot load the lexicons: \(error)")
        }
    }
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
    /// The alert configuration is invalid (exit 78).
    case configuration(ConfigurationError)
    /// The alert store could not be opened, read or written (exit 74).
    case store(StoreError)
    /// Settings that cannot be used together, found after parsing (exit 64).
    case unusableSettings(String)

    var description: String {
        switch self {
        case .lexicon(let error): "error: \(error)"
        case .data(let reason): "error: \(reason)"
        case .unreadableInput(let path, let reason): "error: cannot read \(path): \(reason)"
        case .malformedInput(let path, let line, let reason): "error: \(path):\(line): \(reason)"
        case .configuration(let error): "error: \(error)"
        case .store(let error): "error: \(error)"
        case .unusableSettings(let reason): "error: \(reason)"
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
        case .lexicon, .data, .configuration: ExitCode(78)
        case .unreadableInput: ExitCode(66)
        case .malformedInput: ExitCode(65)
        case .store: ExitCode(74)
        case .unusableSettings: ExitCode(64)
        }
    }
}

extension ParsableCommand {
    /// Runs `body`, turning an ``OpineError`` into its message on standard error and its
    /// exit code.
    ///
    /// A ``CorpusError`` from reading a labelled corpus and a ``StoreError`` from the alert
    /// store are reported the same way.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            throw reported(error)
        }
    }

    /// ``reportingErrors(_:)`` for the async commands (`serve`, `watch`, `alerts`).
    func reportingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            throw reported(error)
        }
    }

    /// Writes an ``OpineError`` (or a ``CorpusError`` or ``StoreError``) to standard error and returns its
    /// exit code; any other error is returned as it is.
    private func reported(_ error: any Error) -> any Error {
        let known: OpineError
        switch error {
        case let error as OpineError: known = error
        case let error as CorpusError: known = OpineError(error)
        case let error as StoreError: known = .store(error)
        default: return error
        }
        FileHandle.standardError.write(Data((known.description + "\n").utf8))
        return known.exitCode
    }
}
