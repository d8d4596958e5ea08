import Synchronization

/// Wakes the delivery worker when new alerts are stored, so they go out at once instead
/// of at the next poll.
public final class Doorbell: Sendable {
    let rung = Mutex(false)

    /// A quiet doorbell.
    public init() {}

    /// Signals that there is work.
    public func ring() { rung.withLock { $0 = true } }

    /// Returns once the bell rings (clearing it), `timeout` passes, the task is cancelled
    /// or a graceful shutdown starts, checking every 10 ms.
    func wait(timeout: Duration, stopping: () -> Bool) async {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if rung.withLock({ let was = $0; $0 = false; return was }) || stopping() { return }
            do { try await Task.sleep(for: .milliseconds(10)) } catch { return }
        }
    }
}
