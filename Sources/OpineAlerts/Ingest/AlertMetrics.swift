import Synchronization

/// Counters of what alerting did since start-up, read by `GET /metrics`.
///
/// ```swift
/// metrics.record(\.alertsRaised, by: 2)
/// metrics.snapshot().alertsDelivered
/// ```
public final class AlertMetrics: Sendable {
    /// The counter values at one moment.
    public struct Counts: Sendable, Hashable {
        /// Interactions stored (new ids).
        public var interactionsIngested = 0
        /// Interactions refused as already stored.
        public var duplicates = 0
        /// Alerts raised (new alert ids).
        public var alertsRaised = 0
        /// Deliveries that got a 2xx answer.
        public var alertsDelivered = 0
        /// Attempts that failed (error, timeout or non-2xx answer).
        public var deliveryFailures = 0
        /// Deliveries moved to the dead-letter state.
        public var alertsDead = 0
        /// Deliveries waiting in the outbox (a gauge: set from the store, kept up to date
        /// by the pipeline and the worker).
        public var outboxDepth = 0
    }

    let counts = Mutex(Counts())

    /// Counters at zero.
    public init() {}

    /// Adds `amount` to one counter.
    public func record(_ counter: WritableKeyPath<Counts, Int>, by amount: Int = 1) {
        counts.withLock { $0[keyPath: counter] += amount }
    }

    /// Sets one counter (for the gauge).
    public func set(_ counter: WritableKeyPath<Counts, Int>, to value: Int) {
        counts.withLock { $0[keyPath: counter] = value }
    }

    /// The current values.
    public func snapshot() -> Counts { counts.withLock { $0 } }
}
