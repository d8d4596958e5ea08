import Foundation
public import Logging
import OpineEngagement
public import ServiceLifecycle

/// `opine watch`: feeds JSON Lines of interactions from a file that keeps growing (or
/// standard input) through the ``AlertPipeline``, resuming after a restart where it
/// stopped.
///
/// Lines are ingested in batches; each batch is stored together with the file position
/// after it, in one transaction, so a crash at any moment neither loses nor repeats a
/// line (and ids already stored are not alerted twice in any case). A line that is not a
/// valid interaction is reported with its file and line number, counted, and passed
/// over; it is never silently dropped. When the pipeline is overloaded the watcher waits
/// and tries the same batch again.
///
/// ```swift
/// let watcher = StreamWatcher(path: "reviews.jsonl", pipeline: pipeline, logger: logger)
/// try await ServiceGroup(services: [watcher, worker], logger: logger).run()
/// ```
public struct StreamWatcher: Service {
    /// The file, or `-` for standard input.
    public let path: String
    let pipeline: AlertPipeline
    let logger: Logger
    /// Stop at the end of the file instead of waiting for more (files only).
    let stopAtEnd: Bool
    let batchSize: Int
    let poll: Duration
    let tally: WatchTally

    /// A watcher of `path`.
    public init(
        path: String, pipeline: AlertPipeline, logger: Logger, stopAtEnd: Bool = false, batchSize: Int = 256,
        poll: Duration = .milliseconds(200), tally: WatchTally = .init()
    ) {
        self.path = path
        self.pipeline = pipeline
        self.logger = logger
        self.stopAtEnd = stopAtEnd
        self.batchSize = batchSize
        self.poll = poll
        self.tally = tally
    }

    /// Why the watch stopped with an error.
    public enum WatchError: Error, CustomStringConvertible {
        /// The file cannot be opened or read.
        case input(String)
        /// The store cannot be read or written.
        case store(StoreError)

        public var description: String {
            switch self {
            case .input(let message): return message
            case .store(let error): return error.description
            }
        }
    }

    /// Follows the file until cancelled or shut down gracefully (or its end, with `stopAtEnd`).
    /// - Throws: ``WatchError`` when the file or the store fails.
    public func run() async throws {
        let resume: StreamPosition?
        do {
            resume = path == "-" ? nil : try await pipeline.store.position(of: path)
        } catch {
            throw WatchError.store(error)
        }
        var follower: LineFollower
        do {
            follower = try LineFollower(path: path, resumingFrom: resume)
        } catch {
            throw WatchError.input(error.message)
        }
        defer { follower.close() }
        if let resume, follower.offset > 0 {
            logger.info("resuming \(path) after line \(resume.line) (byte \(resume.offset))")
        }
        let maxTextLength = pipeline.configuration.limits.maxTextLength
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let lines: [LineFollower.Line]
            do {
                lines = try follower.read(limit: batchSize)
            } catch {
                throw WatchError.input(error.message)
            }
            if lines.isEmpty {
                if follower.finished || stopAtEnd { return }
                try? await Task.sleep(for: poll)
                continue
            }
            var interactions: [Interaction] = []
            for line in lines where !line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                do {
                    interactions.append(try InteractionJSON.decodeLine(Data(line.bytes), maxTextLength: maxTextLength))
                } catch {
                    tally.record(\.rejected)
                    logger.error("\(path):\(line.number): line skipped: \(error)")
                }
            }
            let position = follower.isStandardInput ? nil : follower.position
            while true {
                do {
                    let outcomes = try await pipeline.ingest(interactions, position: position)
                    tally.record(\.ingested, by: outcomes.filter { !$0.duplicate }.count)
                    tally.record(\.duplicates, by: outcomes.filter(\.duplicate).count)
                    tally.record(\.alerts, by: outcomes.reduce(0) { $0 + $1.alerts.count })
                    break
                } catch .overloaded(let reason, let retryAfter) {
                    logger.warning("pipeline busy (\(reason)); retrying in \(retryAfter) s")
                    try await Task.sleep(for: .seconds(retryAfter))
                } catch .store(let error) {
                    throw WatchError.store(error)
                }
            }
        }
    }
}

/// What a watch has done so far, for its final summary.
public struct WatchCounts: Sendable, Hashable, CounterValues {
    /// Interactions stored (new ids).
    public var ingested = 0
    /// Interactions already stored before.
    public var duplicates = 0
    /// Lines that were not valid interactions (reported on standard error).
    public var rejected = 0
    /// Alerts raised.
    public var alerts = 0

    /// All zero.
    public init() {}
}

/// The counters of a running watch.
public typealias WatchTally = Counters<WatchCounts>
