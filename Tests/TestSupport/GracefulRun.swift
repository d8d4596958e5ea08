import Logging
public import ServiceLifecycle

/// Runs a service in a test (a Hummingbird application, a test receiver) until ``stop()``,
/// which shuts it down gracefully instead of cancelling it.
///
/// Cancelling the task that serves can leave a connection accepted but never served, and
/// NIO then traps at teardown ("Deinited NIOAsyncWriter without calling finish()",
/// swift-nio issue 3481); a graceful shutdown stops accepting and finishes every open
/// connection first, as `opine serve` does on SIGTERM.
///
/// ```swift
/// let run = GracefulRun(app)
/// // ... requests ...
/// await run.stop()
/// ```
public struct GracefulRun: Sendable {
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// Starts running `service`; `whenFinished` is called once it has stopped, for any reason.
    public init(_ service: some Service, whenFinished: @escaping @Sendable () -> Void = {}) {
        let group = ServiceGroup(
            configuration: .init(services: [service], gracefulShutdownSignals: [], logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }))
        self.group = group
        task = Task {
            defer { whenFinished() }
            try await group.run()
        }
    }

    /// Shuts the service down gracefully and waits until it has stopped.
    /// - Returns: how its run ended.
    @discardableResult
    public func stop() async -> Result<Void, any Error> {
        await group.triggerGracefulShutdown()
        return await task.result
    }
}
