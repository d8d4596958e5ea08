import Foundation

/// Hands numbered pieces of work from one producer to several workers and their results
/// to one consumer in the order the work was submitted, with at most `limit` pieces in
/// flight (submitted and not yet taken by the consumer), so memory stays bounded however
/// long the input.
final class OrderedPipeline<Work: Sendable, Output: Sendable>: @unchecked Sendable {
    // Every stored property is guarded by `condition`.
    private let condition = NSCondition()
    private let limit: Int
    /// Submitted work not yet taken by a worker: at most `limit` pieces.
    private var queued: [(number: Int, work: Work)] = []
    private var results: [Int: Output] = [:]
    private var submitted = 0
    private var delivered = 0
    private var closed = false
    private var cancelled = false

    /// A pipeline with at most `limit` pieces in flight.
    init(limit: Int) {
        precondition(limit > 0)
        self.limit = limit
    }

    /// Queues `work`, waiting while `limit` pieces are in flight.
    /// - Returns: false when the pipeline was cancelled (stop producing).
    @discardableResult
    func submit(_ work: Work) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while submitted - delivered >= limit && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queued.append((submitted, work))
        submitted += 1
        condition.broadcast()
        return true
    }

    /// Says no more work will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next piece of work and its number, waiting for one; nil when there is no more.
    func nextWork() -> (number: Int, work: Work)? {
        condition.lock()
        defer { condition.unlock() }
        while queued.isEmpty && !closed && !cancelled { condition.wait() }
        guard !cancelled, !queued.isEmpty else { return nil }
        return queued.removeFirst()
    }

    /// Stores the output of work `number`.
    func complete(_ number: Int, with output: Output) {
        condition.lock()
        results[number] = output
        condition.broadcast()
        condition.unlock()
    }

    /// The output of the next piece of work in submission order, waiting for it; nil when
    /// every piece was delivered and no more will come, or on cancellation.
    func nextOutput() -> Output? {
        condition.lock()
        defer { condition.unlock() }
        while results[delivered] == nil && !(closed && delivered == submitted) && !cancelled { condition.wait() }
        guard !cancelled, let output = results.removeValue(forKey: delivered) else { return nil }
        delivered += 1
        condition.broadcast()
        return output
    }

    /// Stops everything: waiting calls return at once, further submissions are refused.
    func cancel() {
        condition.lock()
        cancelled = true
        queued.removeAll()
        results.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
