import ArgumentParser
import Foundation
import Logging
import OpineAlerts
import OpineSentiment

/// The options `opine serve` and `opine watch` share: the alert configuration, the
/// store, the analyzer and the log level; and how they open the pipeline.
struct AlertingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The alert configuration (YAML: destinations, rules, delivery, limits; see docs/alerts.md).", valueName: "file"))
    var config: String

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A lexicon file whose entries add to or override the built-in ones (repeatable).", valueName: "file"))
    var lexicons: [String] = []

    @Option(help: ArgumentHelp("Log level: trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: String = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be trace, debug, info, notice, warning, error or critical, not '\(logLevel)'")
        }
    }

    /// A logger writing to standard error at `--log-level`.
    func makeLogger(label: String) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        return logger
    }

    /// Loads the configuration, opens the store and reads it into a pipeline.
    /// - Throws: ``AlertingError`` with its exit code.
    func openPipeline() async throws(AlertingError) -> AlertPipeline {
        let configuration: AlertConfiguration
        do {
            configuration = try AlertConfiguration.load(contentsOf: URL(fileURLWithPath: config))
        } catch {
            throw .configuration(error)
        }
        let analyzer: SentimentAnalyzer
        do {
            analyzer = try SentimentAnalyzer(overrides: lexicons.map { URL(fileURLWithPath: $0) })
        } catch {
            throw .lexicon("\(error)")
        }
        let store = try store.open()
        do {
            return try await AlertPipeline(store: store, configuration: configuration, analyzer: analyzer)
        } catch {
            throw .store(error)
        }
    }
}

/// The alert store's location, shared with `opine alerts`.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The SQLite file that holds interactions, alerts and the outbox (created if missing).", valueName: "file"))
    var database: String = "opine-alerts.sqlite"

    /// Opens the store.
    func open() throws(AlertingError) -> AlertStore {
        do {
            return try AlertStore(path: database)
        } catch {
            throw .store(error)
        }
    }
}

/// Why `serve`, `watch` or `alerts` could not go on, with the exit code (sysexits.h).
enum AlertingError: Error, CustomStringConvertible {
    /// The alert configuration is invalid (78).
    case configuration(ConfigurationError)
    /// A lexicon could not be loaded (78).
    case lexicon(String)
    /// The store could not be opened or written (74).
    case store(StoreError)
    /// Server settings that cannot be used (64).
    case settings(String)
    /// Input that cannot be read (66).
    case input(String)

    var description: String {
        switch self {
        case .configuration(let error): "error: \(error)"
        case .lexicon(let message), .settings(let message), .input(let message): "error: \(message)"
        case .store(let error): "error: \(error)"
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .configuration, .lexicon: ExitCode(78)
        case .store: ExitCode(74)
        case .settings: ExitCode(64)
        case .input: ExitCode(66)
        }
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning an ``AlertingError`` into its message on standard error and its exit code.
    func reportingAlertingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as AlertingError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw error.exitCode
        }
    }
}
