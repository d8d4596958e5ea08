import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import TestSupport

/// A real webhook receiver: a Hummingbird server on a loopback port that records every
/// request it gets and answers as it is told to (accept, fail with a status, or stall
/// longer than the sender waits). It can be stopped and started again on the same port,
/// to play a receiver that is down for a while.
final class WebhookReceiver: Sendable {
    /// How the receiver answers.
    enum Mode: Sendable, Equatable {
        /// 200.
        case accept
        /// This status (500, 503, ...).
        case fail(Int)
        /// Answers 200, but only after this long (longer than the sender's attempt timeout).
        case stall(Duration)
    }

    /// One request as it arrived.
    struct Request: Sendable {
        var path: String
        var headers: HTTPFields
        var body: Data
        /// The status the receiver answered (for a stalled request: the one it answered after the sender gave up).
        var status: Int
        var stalled: Bool
        /// When it arrived.
        var arrived: ContinuousClock.Instant

        /// A 2xx answered in time: the sender sees it delivered.
        var accepted: Bool { !stalled && (200..<300).contains(status) }
        var alertID: String? { header("X-Opine-Alert-Id") }
        var idempotencyKey: String? { header("Idempotency-Key") }
        var attempt: Int? { header("X-Opine-Attempt").flatMap(Int.init) }
        var timestamp: Int? { header("X-Opine-Timestamp").flatMap(Int.init) }
        var signature: String? { header("X-Opine-Signature") }

        func header(_ name: String) -> String? {
            HTTPField.Name(name).flatMap { headers[$0] }
        }

        /// The body as a JSON object.
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw ReceiverError.notAnObject
            }
            return object
        }
    }

    enum ReceiverError: Error {
        case notAnObject
        case didNotStart
    }

    struct State {
        var mode = Mode.accept
        var requests: [Request] = []
        var port = 0
        var run: GracefulRun?
    }

    let state = Mutex(State())

    private init() {}

    /// A receiver listening on a free loopback port below Linux's ephemeral range
    /// (32768 and up), so that after ``stop()`` no server of a test running alongside,
    /// which binds port 0, can be handed the port before ``restart()`` takes it back.
    static func start() async throws -> WebhookReceiver {
        let receiver = WebhookReceiver()
        for _ in 0..<50 {
            do {
                try await receiver.listen(port: Int.random(in: 20_000..<32_000))
                return receiver
            } catch {
                continue  // taken: another port
            }
        }
        try await receiver.listen(port: 0)
        return receiver
    }

    /// The port it listens (or listened) on.
    var port: Int { state.withLock { $0.port } }

    /// The URL of a path on the receiver.
    func url(_ path: String = "/hook") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request so far, in arrival order.
    var requests: [Request] { state.withLock { $0.requests } }

    /// Requests the sender saw answered with 2xx.
    var accepted: [Request] { requests.filter(\.accepted) }

    /// Sets how it answers from now on.
    func setMode(_ mode: Mode) { state.withLock { $0.mode = mode } }

    /// Starts listening on `port` (0: any free one; the receiver's old port to come back).
    func listen(port: Int) async throws {
        let router = Router()
        router.post("/hook") { request, _ in try await self.handle(request) }
        router.post("/slack") { request, _ in try await self.handle(request) }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "test-receiver"),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "test-receiver") { _ in SwiftLogNoOpLogHandler() })
        let run = GracefulRun(app) { continuation.finish() }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next(), bound > 0 else {
            try await run.stop().get()
            throw ReceiverError.didNotStart
        }
        state.withLock {
            $0.port = bound
            $0.run = run
        }
    }

    /// Stops listening (connections are refused until ``restart()``).
    func stop() async {
        guard let run = state.withLock({ state in defer { state.run = nil }; return state.run }) else { return }
        await run.stop()
    }

    /// Listens again on the same port.
    func restart() async throws {
        try await listen(port: port)
    }

    /// Polls until `condition` holds for the requests so far; false after `timeout`.
    func waitUntil(timeout: Duration = .seconds(10), _ condition: ([Request]) -> Bool) async -> Bool {
        await Polling.until(timeout: timeout) { condition(self.requests) }
    }

    /// The ids of the alerts accepted at least once.
    var acceptedAlertIDs: Set<String> { Set(accepted.compactMap(\.alertID)) }

    func handle(_ request: Hummingbird.Request) async throws -> Response {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        let mode = state.withLock { $0.mode }
        var record = Request(
            path: request.uri.path, headers: request.headers, body: Data(buffer.readableBytesView), status: 200, stalled: false,
            arrived: .now)
        switch mode {
        case .accept:
            break
        case .fail(let status):
            record.status = status
        case .stall:
            record.stalled = true
        }
        state.withLock { $0.requests.append(record) }
        if case .stall(let delay) = mode { try await Task.sleep(for: delay) }
        return Response(status: .init(code: record.status))
    }
}

/// Waiting for something that happens asynchronously.
enum Polling {
    /// Checks `condition` every 20 ms until it holds (true) or `timeout` passes (false).
    static func until(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }
}
