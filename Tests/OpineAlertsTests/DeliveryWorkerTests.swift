import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpineAlerts
import OpineEngagement
import ServiceLifecycle
import Synchronization
import Testing
import TestSupport

enum ScriptedReceiverError: Error {
    case didNotStart
}

/// A webhook receiver on a free loopback port that records what it gets at `/hook` and
/// answers with the status its script gives for each request (200 once the script runs
/// out); `/stall` answers only after ten seconds.
final class ScriptedReceiver: Sendable {
    struct Received: Sendable {
        var alertID: String?
        var attempt: String?
        var signature: String?
        var timestamp: String?
        var body: Data
    }

    let statuses: Mutex<[HTTPResponse.Status]>
    let received = Mutex<[Received]>([])

    init(statuses: [HTTPResponse.Status]) { self.statuses = Mutex(statuses) }

    /// Runs the receiver while `body` runs, passing it the receiver's URL.
    func serving(_ body: (URL) async throws -> Void) async throws {
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let data = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { request.headers[$0] } }
            let entry = Received(
                alertID: header("Idempotency-Key"), attempt: header("X-Opine-Attempt"), signature: header("X-Opine-Signature"),
                timestamp: header("X-Opine-Timestamp"), body: data)
            self.received.withLock { $0.append(entry) }
            let status = self.statuses.withLock { $0.isEmpty ? .ok : $0.removeFirst() }
            return Response(status: status)
        }
        router.post("/stall") { _, _ -> Response in
            try await Task.sleep(for: .seconds(10))
            return Response(status: .ok)
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) },
            logger: Logger(label: "receiver") { _ in SwiftLogNoOpLogHandler() })
        let run = GracefulRun(app) { continuation.finish() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await run.stop().get()  // rethrows why it could not listen
            throw ScriptedReceiverError.didNotStart
        }
        do {
            try await body(URL(string: "http://127.0.0.1:\(port)/hook")!)
        } catch {
            await run.stop()
            throw error
        }
        try await run.stop().get()
    }
}

@Suite("Delivery worker", .timeLimit(.minutes(1)))
struct DeliveryWorkerTests {
    func fastPolicy(_ url: URL, attempts: Int) throws -> AlertConfiguration {
        try configuration(
            rules: "  - { name: angry, when: detractor, to: [hook] }", url: url.absoluteString,
            extra: """
                delivery:
                  max_attempts: \(attempts)
                  initial_backoff_seconds: 0.02
                  max_backoff_seconds: 0.05
                  attempt_timeout_seconds: 2
                """)
    }

    /// Runs a worker until `done` holds or ten seconds pass.
    func deliver(_ pipeline: AlertPipeline, until done: @escaping @Sendable () async throws -> Bool) async throws {
        let worker = DeliveryWorker(
            store: pipeline.store, configuration: pipeline.configuration, doorbell: pipeline.doorbell, metrics: pipeline.metrics,
            logger: Logger(label: "worker") { _ in SwiftLogNoOpLogHandler() }, idlePoll: .milliseconds(20))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await worker.run() }
            // Generous: the deadline only matters when a test fails, and a loaded machine
            // stretches every step.
            let deadline = ContinuousClock.now.advanced(by: .seconds(60))
            while try await !done(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            group.cancelAll()
        }
    }

    @Test func retriesFailuresWithTheSameKeyAndASignature() async throws {
        let receiver = ScriptedReceiver(statuses: [.internalServerError, .serviceUnavailable])
        try await receiver.serving { url in
            let store = try AlertStore(path: try temporaryDirectory().appendingPathComponent("a.sqlite").path)
            let pipeline = try await AlertPipeline(store: store, configuration: try fastPolicy(url, attempts: 5), analyzer: sharedAnalyzer)
            _ = try await pipeline.ingest([try review("r1", "Terrible, the worst delivery ever. Never again!")])
            try await deliver(pipeline) { try await store.deliveries(state: .delivered).count == 1 }
            let delivered = try #require(try await store.deliveries(state: .delivered).first)
            #expect(delivered.attempts == 3)
            let requests = receiver.received.withLock { $0 }
            #expect(requests.map(\.alertID) == ["angry/r1", "angry/r1", "angry/r1"])
            #expect(requests.map(\.attempt) == ["1", "2", "3"])
            let last = try #require(requests.last)
            let timestamp = try #require(last.timestamp.flatMap { Int($0) })
            #expect(WebhookSignature.verify(try #require(last.signature), body: last.body, timestamp: timestamp, secret: "s3cret"))
            #expect(pipeline.metrics.snapshot().deliveryFailures == 2)
            #expect(pipeline.metrics.snapshot().alertsDelivered == 1)
        }
    }

    @Test func deadLettersAfterMaxAttemptsAndRetriesOnRequest() async throws {
        let receiver = ScriptedReceiver(statuses: [.internalServerError, .internalServerError])
        try await receiver.serving { url in
            let store = try AlertStore(path: try temporaryDirectory().appendingPathComponent("a.sqlite").path)
            let pipeline = try await AlertPipeline(store: store, configuration: try fastPolicy(url, attempts: 2), analyzer: sharedAnalyzer)
            _ = try await pipeline.ingest([try review("r1", "Terrible, the worst delivery ever. Never again!")])
            try await deliver(pipeline) { try await store.deliveries(state: .dead).count == 1 }
            let dead = try #require(try await store.deliveries(state: .dead).first)
            #expect(dead.attempts == 2)
            #expect(dead.lastError?.contains("500") == true)
            #expect(try await store.retryDead(alertIDs: []) == 1)
            try await deliver(pipeline) { try await store.deliveries(state: .delivered).count == 1 }
            #expect(receiver.received.withLock { $0.count } == 3)
            #expect(try await store.purge(states: [.delivered], raisedBefore: Date().addingTimeInterval(60)) == 1)
            #expect(try await store.deliveries(state: nil).isEmpty)
        }
    }

    @Test func aStalledReceiverDoesNotHoldBackOtherDestinations() async throws {
        let receiver = ScriptedReceiver(statuses: [])
        try await receiver.serving { url in
            let stall = url.deletingLastPathComponent().appendingPathComponent("stall")
            let configuration = try AlertConfiguration.parse(
                """
                destinations:
                  fast: { url: "\(url.absoluteString)" }
                  slow: { url: "\(stall.absoluteString)" }
                delivery: { attempt_timeout_seconds: 8, initial_backoff_seconds: 1 }
                rules:
                  - { name: angry, when: detractor, to: [fast, slow] }
                """, environment: [:])
            let store = try AlertStore(path: try temporaryDirectory().appendingPathComponent("a.sqlite").path)
            let pipeline = try await AlertPipeline(store: store, configuration: configuration, analyzer: sharedAnalyzer)
            _ = try await pipeline.ingest([try review("r1", "Terrible, the worst delivery ever. Never again!")])
            let started = ContinuousClock.now
            // When r2 arrives, the attempts recorded for r1 at the stalled receiver (an
            // attempt is recorded when it ends, and this one can only end by its 8 s
            // timeout, before the receiver's 10 s answer). No wall-clock bound: a loaded
            // machine stretches any.
            let slowAttemptsWhenR2Arrived = Mutex<[Int]?>(nil)
            try await deliver(pipeline) {
                if ContinuousClock.now - started > .milliseconds(200) && receiver.received.withLock({ $0.count }) == 1 {
                    _ = try await pipeline.ingest([try review("r2", author: "bob", "Awful, broken and useless. Never again!")])
                }
                guard receiver.received.withLock({ $0.count }) >= 2 else { return false }
                let slow = try await store.deliveries(state: nil).filter { $0.destination == "slow" && $0.alert.id == "angry/r1" }
                slowAttemptsWhenR2Arrived.withLock { $0 = slow.map(\.attempts) }
                return true
            }
            #expect(slowAttemptsWhenR2Arrived.withLock { $0 } == [0], "r2 reached the fast receiver while r1's slow attempt was in flight")
            #expect(receiver.received.withLock { $0.map(\.alertID) } == ["angry/r1", "angry/r2"])
        }
    }
}
