import Foundation
import Hummingbird
import Synchronization

/// Counts requests and their latency per route, method and status, for `GET /metrics`.
final class RequestMetrics: Sendable {
    /// Upper bounds of the latency histogram's buckets, in seconds.
    static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct Key: Hashable, Comparable {
        var route: String
        var method: String
        var status: Int

        static func < (a: Key, b: Key) -> Bool { (a.route, a.method, a.status) < (b.route, b.method, b.status) }
    }

    struct Histogram {
        var counts = [Int](repeating: 0, count: RequestMetrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    struct State {
        var requests: [Key: Int] = [:]
        var latency: [String: Histogram] = [:]
    }

    let state = Mutex(State())

    func record(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[Key(route: route, method: method, status: status), default: 0] += 1
            var histogram = state.latency[route] ?? Histogram()
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { histogram.counts[index] += 1 }
            histogram.sum += seconds
            histogram.count += 1
            state.latency[route] = histogram
        }
    }

    /// The request counters and the latency histogram in Prometheus text format.
    func render(into text: inout String) {
        let state = state.withLock { $0 }
        text += "# HELP opine_http_requests_total HTTP requests by route, method and status.\n"
        text += "# TYPE opine_http_requests_total counter\n"
        for (key, count) in state.requests.sorted(by: { $0.key < $1.key }) {
            text += "opine_http_requests_total{route=\"\(key.route)\",method=\"\(key.method)\",status=\"\(key.status)\"} \(count)\n"
        }
        text += "# HELP opine_http_request_duration_seconds Time to answer a request, by route.\n"
        text += "# TYPE opine_http_request_duration_seconds histogram\n"
        for (route, histogram) in state.latency.sorted(by: { $0.key < $1.key }) {
            for (index, bound) in Self.buckets.enumerated() {
                text += "opine_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"\(bound)\"} \(histogram.counts[index])\n"
            }
            text += "opine_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"+Inf\"} \(histogram.count)\n"
            text += "opine_http_request_duration_seconds_sum{route=\"\(route)\"} \(histogram.sum)\n"
            text += "opine_http_request_duration_seconds_count{route=\"\(route)\"} \(histogram.count)\n"
        }
    }
}

/// Records every request in ``RequestMetrics``, by its route pattern (not its path, so
/// `/v1/authors/{id}` is one series).
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        func record(_ status: Int) {
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            metrics.record(
                route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: status, seconds: seconds)
        }
        do {
            let response = try await next(request, context)
            record(response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            record(error.status.code)
            throw error
        } catch {
            record(500)
            throw error
        }
    }
}
