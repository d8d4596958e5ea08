import Foundation
import HTTPTypes
public import Hummingbird
public import Logging
import NIOCore
public import OpineAlerts
import OpineEngagement
import OpineSentiment
import OpineText
public import ServiceLifecycle
import Synchronization

/// The HTTP API of `opine serve`: analysis, ingestion with alerting, the response queue,
/// author profiles, health and metrics. `docs/openapi.yaml` describes every route.
///
/// | route | what |
/// |---|---|
/// | `POST /v1/analyze` | `{"text": ...}` or `{"texts": [...]}` (optional `"language": "en"/"nl"`): the ``OpineSentiment/Analysis`` of each |
/// | `POST /v1/interactions` | one interaction, an array, or `{"interactions": [...]}`: stance, queue placement and alerts of each, stored before the answer |
/// | `GET /v1/queue` | the response queue now (`?limit=`, default 50) |
/// | `GET /v1/authors/{id}` | an author's profile |
/// | `GET /healthz` | liveness, without auth |
/// | `GET /metrics` | Prometheus text: requests, latency, alerts raised/delivered/failed/dead, outbox depth, analyses in flight |
///
/// ```swift
/// let api = OpineAPI(pipeline: pipeline, settings: settings)
/// let app = api.makeApplication(services: [worker], logger: logger)
/// try await app.runService()
/// ```
public struct OpineAPI: Sendable {
    /// The ingest pipeline (and through it the store and configuration).
    public let pipeline: AlertPipeline
    /// Listening address and request limits.
    public let settings: ServerSettings
    let requestMetrics = RequestMetrics()
    let analysesInFlight = InFlightLimit()

    /// The routes the API serves, as "METHOD path" with OpenAPI-style parameters.
    public static let routes: [String] = [
        "POST /v1/analyze", "POST /v1/interactions", "GET /v1/queue", "GET /v1/authors/{id}", "GET /healthz", "GET /metrics",
    ]

    /// An API over a pipeline.
    public init(pipeline: AlertPipeline, settings: ServerSettings) {
        self.pipeline = pipeline
        self.settings = settings
    }

    /// The router with every route and middleware (metrics, then auth when a token is set).
    public func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestMetricsMiddleware(metrics: requestMetrics))
        if let token = settings.token { router.add(middleware: BearerTokenMiddleware(token: Array(token.utf8))) }
        router.post("/v1/analyze") { request, _ in try await analyze(request) }
        router.post("/v1/interactions") { request, _ in try await ingest(request) }
        router.get("/v1/queue") { request, _ in try await queue(request) }
        router.get("/v1/authors/:id") { _, context in
            let id = try context.parameters.require("id")
            return try await author(id.removingPercentEncoding ?? id)
        }
        router.get("/healthz") { _, _ in try JSONBody.response(["status": "ok"]) }
        router.get("/metrics") { _, _ in await metrics() }
        return router
    }

    /// The application: the router on the settings' address, with `services` (the
    /// delivery worker) run beside the server and shut down with it.
    public func makeApplication(
        services: [any Service] = [], logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "opine"),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }

    // MARK: Handlers

    struct AnalyzeRequest: Decodable {
        var text: String?
        var texts: [String]?
        var language: String?
    }

    struct AnalyzeResponse: Encodable {
        var analysis: Analysis?
        var analyses: [Analysis]?
    }

    func analyze(_ request: Request) async throws -> Response {
        guard analysesInFlight.enter(limit: settings.maxConcurrentAnalyses) else {
            throw APIError(.tooManyRequests, "more than \(settings.maxConcurrentAnalyses) analyses at once", retryAfter: 1)
        }
        defer { analysesInFlight.leave() }
        let body = try await readBody(request)
        let input: AnalyzeRequest
        do {
            input = try JSONDecoder().decode(AnalyzeRequest.self, from: body)
        } catch let error as DecodingError {
            let problem = InteractionJSON.InputError(error)
            throw APIError(.badRequest, problem.message, field: problem.field.isEmpty ? nil : problem.field)
        }
        var language: Language?
        if let code = input.language {
            guard let value = Language(rawValue: code), value != .undetermined else {
                throw APIError(.badRequest, "must be en or nl (or left out to identify it)", field: "language")
            }
            language = value
        }
        let limits = pipeline.configuration.limits
        func check(_ text: String, field: String) throws {
            if text.count > limits.maxTextLength {
                throw APIError(.contentTooLarge, "\(text.count) characters, more than the limit of \(limits.maxTextLength)", field: field)
            }
        }
        let analyzer = pipeline.analyzer
        switch (input.text, input.texts) {
        case (let text?, nil):
            try check(text, field: "text")
            return try JSONBody.response(AnalyzeResponse(analysis: analyzer.analyze(text, language: language)))
        case (nil, let texts?):
            guard texts.count <= limits.maxBatch else {
                throw APIError(.contentTooLarge, "\(texts.count) texts, more than the limit of \(limits.maxBatch)", field: "texts")
            }
            for (index, text) in texts.enumerated() { try check(text, field: "texts[\(index)]") }
            return try JSONBody.response(AnalyzeResponse(analyses: texts.map { analyzer.analyze($0, language: language) }))
        case (nil, nil):
            throw APIError(.badRequest, "give text (one string) or texts (an array of strings)", field: "text")
        case (.some, .some):
            throw APIError(.badRequest, "give text or texts, not both", field: "texts")
        }
    }

    struct IngestResponse: Encodable {
        var results: [IngestOutcome]
    }

    func ingest(_ request: Request) async throws -> Response {
        let body = try await readBody(request)
        let limits = pipeline.configuration.limits
        let interactions: [Interaction]
        do {
            interactions = try InteractionJSON.decodeBody(body, maxTextLength: limits.maxTextLength)
        } catch {
            let tooLong = error.message.contains("more than the limit")
            throw APIError(tooLong ? .contentTooLarge : .badRequest, error.message, field: error.field.isEmpty ? nil : error.field)
        }
        guard !interactions.isEmpty else { throw APIError(.badRequest, "no interactions", field: "interactions") }
        guard interactions.count <= limits.maxBatch else {
            throw APIError(
                .contentTooLarge, "\(interactions.count) interactions, more than the limit of \(limits.maxBatch)",
                field: "interactions")
        }
        let outcomes: [IngestOutcome]
        do {
            outcomes = try await pipeline.ingest(interactions)
        } catch {
            switch error {
            case .overloaded(let reason, let retryAfter):
                throw APIError(.serviceUnavailable, "overloaded: \(reason)", retryAfter: retryAfter)
            case .store(let error):
                throw APIError(.internalServerError, "the ingest failed in the store: \(error.message)")
            }
        }
        return try JSONBody.response(IngestResponse(results: outcomes))
    }

    struct QueueResponse: Encodable {
        var generatedAt: Date
        var items: [QueueItem]
    }

    func queue(_ request: Request) async throws -> Response {
        let limitText = request.uri.queryParameters.get("limit") ?? "50"
        guard let limit = Int(limitText), (1...10_000).contains(limit) else {
            throw APIError(.badRequest, "must be a whole number from 1 to 10000, not '\(limitText)'", field: "limit")
        }
        let now = Date()
        let items: [QueueItem]
        do {
            items = try await pipeline.queue(now: now, limit: limit)
        } catch let error as StoreError {
            throw APIError(.internalServerError, "the queue could not be read: \(error.message)")
        }
        return try JSONBody.response(QueueResponse(generatedAt: now, items: items))
    }

    struct AuthorResponse: Encodable {
        var profile: AuthorProfile
    }

    func author(_ id: String) async throws -> Response {
        let found: AuthorProfile?
        do {
            found = try await pipeline.profile(of: id)
        } catch {
            throw APIError(.internalServerError, "the author could not be read: \(error.message)")
        }
        guard let profile = found else {
            throw APIError(.notFound, "no interactions by author '\(id)'", field: "id")
        }
        return try JSONBody.response(AuthorResponse(profile: profile))
    }

    func metrics() async -> Response {
        let counts = pipeline.metrics.snapshot()
        var text = ""
        requestMetrics.render(into: &text)
        let series: [(String, String, String, Int)] = [
            ("opine_interactions_ingested_total", "counter", "Interactions stored.", counts.interactionsIngested),
            ("opine_interactions_duplicate_total", "counter", "Interactions ingested again (not stored twice).", counts.duplicates),
            ("opine_alerts_raised_total", "counter", "Alerts raised.", counts.alertsRaised),
            ("opine_alerts_delivered_total", "counter", "Alert deliveries answered with 2xx.", counts.alertsDelivered),
            ("opine_alert_delivery_failures_total", "counter", "Delivery attempts that failed.", counts.deliveryFailures),
            ("opine_alerts_dead_total", "counter", "Deliveries moved to the dead-letter state.", counts.alertsDead),
            ("opine_outbox_depth", "gauge", "Deliveries waiting in the outbox.", counts.outboxDepth),
            ("opine_analyses_in_flight", "gauge", "Analyze requests being served now.", analysesInFlight.current),
        ]
        for (name, type, help, value) in series {
            text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(value)\n"
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The body, refused with 413 beyond ``ServerSettings/maxBodyBytes`` and with 400 when
    /// it is not UTF-8.
    func readBody(_ request: Request) async throws -> Data {
        let limit = settings.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError(.contentTooLarge, "the body is \(length) bytes, more than the limit of \(limit)")
        }
        var request = request
        let data: Data
        do {
            data = Data(try await request.collectBody(upTo: limit).readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is more than the limit of \(limit) bytes")
        }
        guard String(validating: data, as: UTF8.self) != nil else { throw APIError(.badRequest, "the body is not valid UTF-8") }
        return data
    }
}

/// A count of requests in flight with a ceiling.
final class InFlightLimit: Sendable {
    let count = Mutex(0)

    /// Counts one more request unless `limit` are in flight; false when refused.
    func enter(limit: Int) -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    /// Counts one request less.
    func leave() { count.withLock { $0 -= 1 } }

    /// The requests in flight now.
    var current: Int { count.withLock { $0 } }
}
