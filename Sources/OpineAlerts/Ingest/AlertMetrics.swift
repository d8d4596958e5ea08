import Synchronization

/// Values that ``Counters`` can hold: a struct of integer counters, all zero at first.
public protocol CounterValues: Sendable {
    /// All zero.
    init()
}

/// Counters that tasks update at once and readers take a consistent snapshot of.
///
/// ```swift
/// let metrics = AlertMetrics()
/// metrics.record(\.alertsRaised, by: 2)
/// metrics.snapshot().alertsRaised   // 2
/// ```
public final class Counters<Values: CounterValues>: Sendable {
    let values = Mutex(Values())

    /// Counters at zero.
    public init() {}

    /// Adds `amount` to one counter.
    public func record(_ counter: WritableKeyPath<Values, Int>, by amount: Int = 1) {
        values.withLock { $0[keyPath: counter] += amount }
    }

    /// Sets one counter (for gauges).
    public func set(_ counter: WritableKeyPath<Values, Int>, to value: Int) {
        values.withLock { $0[keyPath: counter] = value }
    }

    /// The values now, all taken at one moment.
    public func snapshot() -> Values { values.withLock { $0 } }
}

/// What alerting did since start-up, read by `GET /metrics`.
public struct AlertCounts: Sendable, Hashable, CounterValues {
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

    /// All zero.
    public init() {}
}

/// The counters of alerting.
public typealias AlertMetrics = Counters<AlertCounts>
