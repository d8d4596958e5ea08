import ArgumentParser
import Foundation
import Logging
import OpineAlerts
import ServiceLifecycle
import UnixSignals

extension Opine {
    /// `opine watch`: the alerting pipeline over a growing JSON Lines file or standard input.
    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Follow a JSON Lines stream of interactions, raising and delivering alerts.",
            discussion: """
                Reads one interaction per line (the JSON of POST /v1/interactions: id, author, kind, \
                time, text, rating, inReplyTo, authorFollowers, ...) from FILE, following it like \
                'tail -F': it waits for new lines, and when the file is rotated (renamed and \
                recreated) or truncated it finishes the old one and goes on with the new one. Each \
                batch of lines is stored with the file position after it, so after a crash or a \
                restart the watch resumes after the last line it stored: no line is lost or \
                alerted twice. A line that is not a valid interaction is reported on standard \
                error with its line number and passed over.

                With '-' it reads standard input to its end (no resuming: ids already stored are \
                still never alerted twice). At the end of the input (or of FILE with \
                --stop-at-end) it waits up to --drain-seconds for the outbox to empty, then exits; \
                deliveries still waiting stay in the database for the next run.

                Examples:
                  opine watch /var/log/reviews.jsonl --config alerts.yaml
                  producer | opine watch - --config alerts.yaml --database /var/lib/opine/alerts.sqlite
                  opine watch backlog.jsonl --config alerts.yaml --stop-at-end

                Exit status: 0 done or stopped by a signal; 64 usage error; 66 the file cannot \
                be read; 74 the database cannot be opened or written; 78 invalid configuration or \
                lexicon.
                """
        )

        @Argument(help: ArgumentHelp("The JSON Lines file to follow, or '-' for standard input.", valueName: "file"))
        var file: String

        @Flag(help: "Stop at the end of the file instead of waiting for more.")
        var stopAtEnd = false

        @Option(help: ArgumentHelp("At the end of the input, how long to wait for the outbox to empty.", valueName: "seconds"))
        var drainSeconds = 30.0

        @OptionGroup var alerting: AlertingOptions

        func validate() throws {
            guard drainSeconds >= 0 else { throw ValidationError("--drain-seconds must be 0 or more") }
        }

        func run() async throws {
            try await reportingErrors {
                if file != "-" && !FileManager.default.isReadableFile(atPath: file) {
                    throw OpineError.unreadableInput(path: file, reason: "no such readable file")
                }
                let logger = alerting.makeLogger(label: "opine.watch")
                let pipeline = try await alerting.openPipeline()
                let tally = WatchTally()
                let watcher = StreamWatcher(path: file, pipeline: pipeline, logger: logger, stopAtEnd: stopAtEnd, tally: tally)
                let worker = DeliveryWorker(
                    store: pipeline.store, configuration: pipeline.configuration, doorbell: pipeline.doorbell,
                    metrics: pipeline.metrics, logger: logger)
                let session = DrainingWatch(watcher: watcher, store: pipeline.store, drain: .seconds(drainSeconds))
                let group = ServiceGroup(
                    configuration: .init(
                        services: [
                            .init(service: worker),
                            .init(service: session, successTerminationBehavior: .gracefullyShutdownGroup),
                        ],
                        gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
                do {
                    try await group.run()
                } catch StreamWatcher.WatchError.input(let message) {
                    throw OpineError.unreadableInput(path: file, reason: message)
                } catch StreamWatcher.WatchError.store(let error) {
                    throw OpineError.store(error)
                }
                let counts = tally.snapshot()
                let waiting = (try? await pipeline.store.outboxDepth()) ?? 0
                func count(_ value: Int, _ noun: String, _ plural: String? = nil) -> String {
                    "\(value) \(value == 1 ? noun : plural ?? noun + "s")"
                }
                let summary = [
                    count(counts.ingested, "interaction") + " stored", count(counts.duplicates, "duplicate"),
                    count(counts.rejected, "line") + " rejected", count(counts.alerts, "alert") + " raised",
                    count(waiting, "delivery", "deliveries") + " waiting",
                ]
                FileHandle.standardError.write(Data("opine watch: \(summary.joined(separator: ", "))\n".utf8))
            }
        }
    }
}

/// The watcher, then (when its input ends) a wait for the outbox to empty; returning
/// ends the service group, which stops the delivery worker gracefully.
struct DrainingWatch: Service {
    let watcher: StreamWatcher
    let store: AlertStore
    let drain: Duration

    func run() async throws {
        try await watcher.run()
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: drain)
        while clock.now < deadline, !Task.isShuttingDownGracefully, (try? await store.outboxDepth()) ?? 0 > 0 {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}
