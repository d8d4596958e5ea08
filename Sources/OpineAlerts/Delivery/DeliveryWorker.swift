import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
import NIOHTTP1
public import ServiceLifecycle

/// Sends alerts from the durable outbox to their webhooks until every one is delivered
/// or dead.
///
/// Each attempt POSTs the alert's body (``WebhookPayload``) with the headers
/// `Idempotency-Key` and `X-Opine-Alert-Id` (both the alert id, the same on every attempt,
/// so receivers can drop repeats), `X-Opine-Attempt`, `X-Opine-Timestamp` and, when the
/// destination has a secret, `X-Opine-Signature` (``WebhookSignature``), plus the
/// destination's own headers, within ``DeliveryPolicy/attemptTimeout``. A 2xx answer
/// marks the delivery delivered; anything else (an error, a timeout, another status) is
/// retried after ``DeliveryPolicy/backoff(afterFailures:random:)`` (or the receiver's
/// `Retry-After`, when longer) until ``DeliveryPolicy/maxAttempts``, then marked dead.
///
/// Delivery is at least once: the outcome of an attempt is stored after the answer, so
/// an attempt cut off by a crash is made again after the restart.
///
/// A `Service`: on graceful shutdown (SIGTERM) it takes no new deliveries, lets those in
/// flight finish, and returns.
///
/// ```swift
/// let worker = DeliveryWorker(store: store, configuration: configuration, doorbell: pipeline.doorbell,
///                             metrics: pipeline.metrics, logger: logger)
/// try await ServiceGroup(services: [worker], logger: logger).run()
/// ```
public struct DeliveryWorker: Service {
    let store: AlertStore
    let configuration: AlertConfiguration
    let doorbell: Doorbell
    let metrics: AlertMetrics
    let logger: Logger
    let client: HTTPClient
    /// The longest idle wait between polls of the outbox.
    let idlePoll: Duration

    /// A worker over `store`, delivering to the configuration's destinations.
    public init(
        store: AlertStore, configuration: AlertConfiguration, doorbell: Doorbell, metrics: AlertMetrics, logger: Logger,
        idlePoll: Duration = .seconds(1)
    ) {
        self.store = store
        self.configuration = configuration
        self.doorbell = doorbell
        self.metrics = metrics
        self.logger = logger
        self.client = HTTPClient.shared
        self.idlePoll = idlePoll
    }

    /// Delivers due alerts until cancelled or shut down gracefully, letting attempts in flight finish.
    public func run() async throws {
        let concurrency = configuration.delivery.concurrency
        let stopping: @Sendable () -> Bool = { Task.isShuttingDownGracefully }
        // Deliveries run side by side up to the concurrency limit; a slow or dead receiver
        // holds only its own slots, and new alerts start as soon as a slot is free. A
        // ticker child wakes the loop to look for new work while attempts are in flight.
        await withTaskGroup(of: DeliveryKey?.self) { group in
            var inFlight: Set<DeliveryKey> = []
            var tickerRunning = false
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                if inFlight.count < concurrency {
                    for delivery in await due(limit: concurrency + inFlight.count) where inFlight.count < concurrency {
                        let key = DeliveryKey(alertID: delivery.alert.id, destination: delivery.destination)
                        guard inFlight.insert(key).inserted else { continue }
                        group.addTask { await attempt(delivery); return key }
                    }
                }
                if inFlight.isEmpty {
                    await doorbell.wait(timeout: await idleWait(), stopping: stopping)
                    await refreshDepth()
                    continue
                }
                if !tickerRunning && inFlight.count < concurrency {
                    tickerRunning = true
                    group.addTask {
                        await doorbell.wait(timeout: .milliseconds(100), stopping: stopping)
                        return nil
                    }
                }
                guard let finished = await group.next() else { continue }
                if let key = finished { inFlight.remove(key) } else { tickerRunning = false }
            }
            // Leaving the group waits for the attempts in flight: a graceful shutdown lets them finish.
        }
    }

    /// Sets the outbox gauge from the store (the pipeline sets it after each ingest; the
    /// gauge is for `/metrics` only: admission counts in the ingest's own transaction).
    func refreshDepth() async {
        if let depth = try? await store.outboxDepth() { metrics.set(\.outboxDepth, to: depth) }
    }

    /// Deliveries due now, or none when the outbox cannot be read (logged).
    func due(limit: Int) async -> [DeliveryRecord] {
        do {
            return try await store.dueDeliveries(now: Date(), limit: limit)
        } catch {
            // A read cut off because the worker is stopping is no failure worth reporting.
            if !Task.isCancelled { logger.error("cannot read the outbox", metadata: ["error": "\(error)"]) }
            return []
        }
    }

    /// How long to sleep with nothing in flight: until the next pending delivery is due,
    /// at most ``idlePoll``.
    func idleWait() async -> Duration {
        guard let next = try? await store.nextDue() else { return idlePoll }
        return min(idlePoll, .milliseconds(Int64(max(0, next.timeIntervalSinceNow) * 1000) + 1))
    }

    /// Makes one attempt and records its outcome.
    func attempt(_ delivery: DeliveryRecord) async {
        let attempts = delivery.attempts + 1
        let alertID = delivery.alert.id
        let failure: (message: String, retryAfter: TimeInterval?)
        if let destination = configuration.destinations[delivery.destination] {
            failure = await send(delivery.alert, to: destination, attempt: attempts) ?? ("", nil)
        } else {
            failure = ("destination '\(delivery.destination)' is not in the configuration", nil)
        }
        do {
            if failure.message.isEmpty {
                try await store.markDelivered(alertID: alertID, destination: delivery.destination, attempts: attempts, at: Date())
                metrics.record(\.alertsDelivered)
                await refreshDepth()
                return
            }
            let policy = configuration.delivery
            let dead = attempts >= policy.maxAttempts || configuration.destinations[delivery.destination] == nil
            var delay = policy.backoff(afterFailures: attempts)
            if let retryAfter = failure.retryAfter { delay = min(max(delay, retryAfter), policy.maxBackoff) }
            try await store.markFailed(
                alertID: alertID, destination: delivery.destination, attempts: attempts, error: failure.message,
                nextAttempt: Date().addingTimeInterval(delay), dead: dead)
            metrics.record(\.deliveryFailures)
            if dead {
                metrics.record(\.alertsDead)
                await refreshDepth()
                logger.error(
                    "alert delivery is dead after \(attempts) attempts",
                    metadata: ["alert": "\(alertID)", "destination": "\(delivery.destination)", "error": "\(failure.message)"])
            } else {
                logger.warning(
                    "alert delivery failed; retrying in \(String(format: "%.1f", delay)) s",
                    metadata: ["alert": "\(alertID)", "destination": "\(delivery.destination)", "attempt": "\(attempts)",
                        "error": "\(failure.message)"])
            }
        } catch {
            logger.error("cannot record a delivery attempt", metadata: ["alert": "\(alertID)", "error": "\(error)"])
        }
    }

    /// POSTs the alert; nil on a 2xx answer, else what went wrong and any `Retry-After`.
    func send(_ alert: Alert, to destination: Destination, attempt: Int) async -> (message: String, retryAfter: TimeInterval?)? {
        let body: Data
        do {
            body = try WebhookPayload.body(for: alert, format: destination.format)
        } catch {
            return ("cannot encode the alert: \(error)", nil)
        }
        var request = HTTPClientRequest(url: destination.url.absoluteString)
        request.method = .POST
        for (name, value) in destination.headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
        request.headers.replaceOrAdd(name: "User-Agent", value: "opine-alerts/1")
        request.headers.replaceOrAdd(name: "Idempotency-Key", value: alert.id)
        request.headers.replaceOrAdd(name: "X-Opine-Alert-Id", value: alert.id)
        request.headers.replaceOrAdd(name: "X-Opine-Attempt", value: String(attempt))
        let timestamp = Int(Date().timeIntervalSince1970)
        request.headers.replaceOrAdd(name: "X-Opine-Timestamp", value: String(timestamp))
        if let secret = destination.secret {
            request.headers.replaceOrAdd(
                name: "X-Opine-Signature", value: WebhookSignature.sign(body: body, timestamp: timestamp, secret: secret))
        }
        request.body = .bytes(ByteBuffer(bytes: body))
        let timeout = TimeAmount.nanoseconds(Int64(configuration.delivery.attemptTimeout * 1e9))
        do {
            let response = try await client.execute(request, deadline: .now() + timeout)
            _ = try? await response.body.collect(upTo: 64 * 1024)
            let status = Int(response.status.code)
            if (200..<300).contains(status) { return nil }
            let retryAfter = response.headers.first(name: "Retry-After").flatMap(TimeInterval.init)
            return ("HTTP \(status) from \(destination.url.host ?? "the receiver")", retryAfter)
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            return ("no answer within \(configuration.delivery.attemptTimeout) s", nil)
        } catch {
            return ("\(error)", nil)
        }
    }
}

/// One alert's delivery to one destination.
struct DeliveryKey: Hashable, Sendable {
    var alertID: String
    var destination: String
}
