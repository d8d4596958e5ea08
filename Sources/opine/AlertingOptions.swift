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

    @OptionGroup var lexicons: LexiconOptions

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
    /// - Throws: ``OpineError`` with its exit code.
    func openPipeline() async throws(OpineError) -> AlertPipeline {
        let configuration: AlertConfiguration
        do {
            configuration = try AlertConfiguration.load(contentsOf: URL(fileURLWithPath: config))
        } catch {
            throw .configuration(error)
        }
        let analyzer = try lexicons.makeAnalyzer()
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
    func open() throws(OpineError) -> AlertStore {
        do {
            return try AlertStore(path: database)
        } catch {
            throw .store(error)
        }
    }
}
