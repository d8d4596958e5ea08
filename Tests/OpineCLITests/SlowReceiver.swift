import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import TestSupport

/// A webhook receiver on a loopback port that takes its time: each request is recorded
/// when it arrives and answered 200 after a delay, so deliveries are in flight when the
/// server under test is killed or stopped.
final class SlowReceiver: Sendable {
    /// One request.
    struct Received: Sendable {
        var alertID: String
        var attempt: Int
        /// Whether the 200 was written (the delay ran out without the server going away).
        var answered: Bool
    }

    struct State {
        var requests: [Received] = []
        var port = 0
        var run: GracefulRun?
    }

    let state = Mutex(State())
    let delay: ClosedRange<Int>

    /// A receiver answering after `delay` milliseconds (a random duration in the range).
    init(delay: ClosedRange<Int>) {
        self.delay = delay
    }

    var port: Int { state.withLock { $0.port } }
    var requests: [Received] { state.withLock { $0.requests } }

    /// The alert ids answered with 200 at least once.
    var answeredAlertIDs: Set<String> { Set(requests.filter(\.answered).map(\.alertID)) }

    /// Starts listening on a free port.
    func start() async throws {
        let router = Router()
        router.post("/hook") { request, _ in try await self.handle(request) }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "slow-receiver"),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "slow-receiver") { _ in SwiftLogNoOpLogHandler() })
        let run = GracefulRun(app) { continuation.finish() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            try await run.stop().get()
            throw CocoaError(.featureUnsupported)
        }
        state.withLock {
            $0.port = port
            $0.run = run
        }
    }

    func stop() async {
        guard let run = state.withLock({ state in defer { state.run = nil }; return state.run }) else { return }
        await run.stop()
    }

    func handle(_ request: Request) async throws -> Response {
        var request = request
        _ = try await request.collectBody(upTo: 1 << 20)
        let alertID = HTTPField.Name("X-Opine-Alert-Id").flatMap { request.headers[$0] } ?? "?"
        let attempt = HTTPField.Name("X-Opine-Attempt").flatMap { request.headers[$0] }.flatMap(Int.init) ?? 0
        let index = state.withLock { state in
            state.requests.append(Received(alertID: alertID, attempt: attempt, answered: false))
            return state.requests.count - 1
        }
        try await Task.sleep(for: .milliseconds(Int.random(in: delay)))
        state.withLock { $0.requests[index].answered = true }
        return Response(status: .ok)
    }
}
