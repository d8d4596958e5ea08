import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import OpineAlerts
import OpineSentiment
import OpineServer
import ServiceLifecycle
import Testing
import TestSupport

/// The real `opine serve` stack in-process: an ``AlertStore`` in a temporary directory,
/// an ``AlertPipeline`` over it, ``OpineAPI`` listening on 127.0.0.1 at a free port and
/// the ``DeliveryWorker`` beside it, as `opine serve` runs them.
final class TestServer: Sendable {
    let directory: URL
    let store: AlertStore
    let pipeline: AlertPipeline
    let settings: ServerSettings
    let port: Int
    let run: GracefulRun

    /// The analyzer, loaded once for every test.
    static let analyzer: SentimentAnalyzer? = try? SentimentAnalyzer()

    /// Opens a store in `directory` (a fresh temporary one when nil) and starts serving.
    static func start(
        configuration yaml: String, token: String? = nil, maxBodyBytes: Int = 64 * 1024, maxConcurrentAnalyses: Int = 64,
        directory: URL? = nil
    ) async throws -> TestServer {
        let directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("opine-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let configuration = try AlertConfiguration.parse(yaml, file: "test.yaml", environment: [:])
        let store = try AlertStore(path: directory.appendingPathComponent("alerts.sqlite").path)
        let analyzer = try #require(analyzer, "the built-in lexicons load")
        let pipeline = try await AlertPipeline(store: store, configuration: configuration, analyzer: analyzer)
        let settings = ServerSettings(
            host: "127.0.0.1", port: 0, token: token, maxBodyBytes: maxBodyBytes, maxConcurrentAnalyses: maxConcurrentAnalyses)
        try settings.validate()
        let logger = Logger(label: "opine-test") { _ in SwiftLogNoOpLogHandler() }
        let worker = DeliveryWorker(
            store: store, configuration: configuration, doorbell: pipeline.doorbell, metrics: pipeline.metrics, logger: logger,
            idlePoll: .milliseconds(100))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = OpineAPI(pipeline: pipeline, settings: settings).makeApplication(services: [worker], logger: logger) { port in
            continuation.yield(port)
        }
        let run = GracefulRun(app) { continuation.finish() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            try await run.stop().get()
            throw TestServerError.didNotStart
        }
        return TestServer(directory: directory, store: store, pipeline: pipeline, settings: settings, port: port, run: run)
    }

    private init(directory: URL, store: AlertStore, pipeline: AlertPipeline, settings: ServerSettings, port: Int, run: GracefulRun) {
        self.directory = directory
        self.store = store
        self.pipeline = pipeline
        self.settings = settings
        self.port = port
        self.run = run
    }

    /// Stops the server and the worker (the store stays on disk).
    func stop() async {
        await run.stop()
    }

    /// Deletes the temporary directory.
    func removeFiles() {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Requests

    /// What to send as `Authorization`.
    enum Authorization {
        /// `Bearer <the server's token>` when it has one.
        case server
        case none
        case header(String)
    }

    /// Sends a request and collects the answer.
    func request(
        _ method: HTTPMethod, _ path: String, body: Data? = nil, chunked: Bool = false, stream: AsyncStream<ByteBuffer>? = nil,
        authorization: Authorization = .server
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        switch authorization {
        case .server: if let token = settings.token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        case .none: break
        case .header(let value): request.headers.add(name: "Authorization", value: value)
        }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            if chunked {
                // No Content-Length: the server only learns the size by reading.
                let chunks = stride(from: 0, to: body.count, by: 16 * 1024).map {
                    ByteBuffer(bytes: body[$0..<min($0 + 16 * 1024, body.count)])
                }
                request.body = .stream(AsyncStream { continuation in
                    for chunk in chunks { continuation.yield(chunk) }
                    continuation.finish()
                }, length: .unknown)
            } else {
                request.body = .bytes(ByteBuffer(bytes: body))
            }
        } else if let stream {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .stream(stream, length: .unknown)
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: Data(bytes.readableBytesView))
    }

    func post(_ path: String, _ body: String, authorization: Authorization = .server) async throws -> Reply {
        try await request(.POST, path, body: Data(body.utf8), authorization: authorization)
    }

    func post(_ path: String, json: Any, authorization: Authorization = .server) async throws -> Reply {
        try await request(.POST, path, body: try JSONSerialization.data(withJSONObject: json), authorization: authorization)
    }

    func get(_ path: String, authorization: Authorization = .server) async throws -> Reply {
        try await request(.GET, path, authorization: authorization)
    }

    /// The value of one unlabelled series of `GET /metrics`.
    func metric(_ name: String) async throws -> Int? {
        let text = try await get("/metrics").text
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Int(line.dropFirst(name.count + 1))
        }
        return nil
    }
}

enum TestServerError: Error {
    case didNotStart
}

/// An answer of the server.
struct Reply: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? { headers.first(name: name) }

    /// The body as a JSON object.
    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any], "not a JSON object: \(text)")
    }

    /// The `error` object of an error answer.
    func error() throws -> [String: Any] {
        try #require(try json()["error"] as? [String: Any], "no error object: \(text)")
    }

    /// The ingest results.
    func results() throws -> [[String: Any]] {
        try #require(try json()["results"] as? [[String: Any]], "no results: \(text)")
    }
}

/// Runs `body` with a server (and a receiver it delivers to) and stops both afterwards,
/// also when `body` throws.
func withServer<T>(
    token: String? = nil, maxBodyBytes: Int = 64 * 1024, maxConcurrentAnalyses: Int = 64,
    configuration: (WebhookReceiver) -> String = { Fixtures.configuration(receiver: $0) },
    _ body: (TestServer, WebhookReceiver) async throws -> T
) async throws -> T {
    let receiver = try await WebhookReceiver.start()
    let server: TestServer
    do {
        server = try await TestServer.start(
            configuration: configuration(receiver), token: token, maxBodyBytes: maxBodyBytes,
            maxConcurrentAnalyses: maxConcurrentAnalyses)
    } catch {
        await receiver.stop()
        throw error
    }
    do {
        let result = try await body(server, receiver)
        await server.stop()
        await receiver.stop()
        server.removeFiles()
        return result
    } catch {
        await server.stop()
        await receiver.stop()
        server.removeFiles()
        throw error
    }
}

/// Configurations and interactions the tests share.
enum Fixtures {
    static let secret = "s3cret"

    /// One JSON destination with a secret and a header at the receiver, the angry-review
    /// rule, fast retries (so a recovering receiver is retried within a second), and
    /// small text and batch limits.
    ///
    /// The attempt timeout is generous by default, so a loaded machine running every test
    /// at once sees no spurious timeouts; the tests of failing receivers pass
    /// ``shortTimeout``.
    static func configuration(
        receiver: WebhookReceiver, maxOutboxDepth: Int = 100_000, maxAttempts: Int = 100, attemptTimeout: Double = 5
    ) -> String {
        """
        destinations:
          hook: { url: "\(receiver.url("/hook"))", format: json, secret: \(secret), headers: { X-Team: care } }
        rules:
          - { name: angry, when: detractor, kinds: [review, direct_message], max_compound: -0.3, to: [hook] }
        delivery:
          max_attempts: \(maxAttempts)
          initial_backoff_seconds: 0.05
          max_backoff_seconds: 0.2
          attempt_timeout_seconds: \(attemptTimeout)
          concurrency: 8
        limits:
          max_text_length: 2000
          max_batch: 50
          max_outbox_depth: \(maxOutboxDepth)
        """
    }

    /// The attempt timeout of the tests of failing receivers.
    static let shortTimeout = 0.3

    static let angryText = "Terrible, the worst delivery ever. Never again!"
    static let happyText = "Lovely people, fast delivery, thank you so much!"

    /// A one-star review that raises `angry/ID`.
    static func angryReview(_ id: String, author: String = "anna", time: String = "2026-11-23T10:00:00Z") -> [String: Any] {
        ["id": id, "author": author, "kind": "review", "time": time, "text": angryText, "rating": ["scale": "stars", "value": 1]]
    }

    /// A five-star review that raises nothing.
    static func happyReview(_ id: String, author: String = "bram", time: String = "2026-11-23T10:05:00Z") -> [String: Any] {
        ["id": id, "author": author, "kind": "review", "time": time, "text": happyText, "rating": ["scale": "stars", "value": 5]]
    }
}
