import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import Testing

/// `opine serve` as a process: SIGKILL in the middle of a burst of ingests and
/// deliveries loses no acknowledged alert, and SIGTERM lets the deliveries in flight
/// finish and exits 0.
@Suite struct ServeCrashTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("opine-serve-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var database: String { directory.appendingPathComponent("alerts.sqlite").path }

    func writeConfiguration(receiverPort: Int, concurrency: Int) throws -> String {
        let path = directory.appendingPathComponent("alerts.yaml").path
        let yaml = """
            destinations:
              hook: { url: "http://127.0.0.1:\(receiverPort)/hook", format: json, secret: s3cret }
            rules:
              - { name: angry, when: detractor, kinds: [review, direct_message], max_compound: -0.3, to: [hook] }
            delivery:
              max_attempts: 1000
              initial_backoff_seconds: 0.05
              max_backoff_seconds: 0.2
              attempt_timeout_seconds: 5
              concurrency: \(concurrency)
            """
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func review(_ id: String) -> Data {
        let json = #"[{"id":"\#(id)","author":"anna","kind":"review","time":"2026-11-23T10:00:00Z","#
            + #""text":"Terrible, the worst delivery ever. Never again!","rating":{"scale":"stars","value":1}}]"#
        return Data(json.utf8)
    }

    /// POSTs one interaction; the status, or nil when no answer came (the server died).
    static func ingest(_ id: String, port: Int) async -> (status: Int, body: Data)? {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/interactions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: review(id)))
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 1 << 20)
            return (Int(response.status.code), Data(body.readableBytesView))
        } catch {
            return nil
        }
    }

    @Test func everyAcknowledgedAlertArrivesAfterASIGKILLAndARestart() async throws {
        let receiver = SlowReceiver(delay: 20...50)
        try await receiver.start()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try writeConfiguration(receiverPort: receiver.port, concurrency: 2)
        let first = try await ServeProcess.start(config: config, database: database, port: 0)
        let port = first.port

        // A burst from eight clients; SIGKILL once 40 ingests are acknowledged.
        let acknowledged = Locked<Set<String>>([])
        let next = Locked(0)
        let killedWithPending = Locked<Int?>(nil)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    while killedWithPending.withLock({ $0 }) == nil {
                        let index = next.withLock { value in value += 1; return value }
                        guard index <= 400 else { return }
                        let id = "k\(index)"
                        guard let reply = await Self.ingest(id, port: port) else { continue }
                        guard reply.status == 200 else { continue }
                        let count = acknowledged.withLock { set in set.insert("angry/\(id)"); return set.count }
                        if count == 40 {
                            let delivered = receiver.answeredAlertIDs.count
                            first.kill(SIGKILL)
                            killedWithPending.withLock { $0 = count - delivered }
                        }
                    }
                }
            }
        }
        let acked = acknowledged.withLock { $0 }
        let status = await first.waitForExit(timeout: .seconds(10))
        #expect(status == .signal(SIGKILL))
        #expect(acked.count >= 40)
        // The kill came with acknowledged alerts not yet delivered (else it proves little).
        let pending = try #require(killedWithPending.withLock { $0 })
        #expect(pending > 0)

        let second = try await ServeProcess.start(config: config, database: database, port: port)
        let arrived = await ServeProcess.poll(timeout: .seconds(30)) { acked.isSubset(of: receiver.answeredAlertIDs) }
        #expect(arrived, "not delivered: \(acked.subtracting(receiver.answeredAlertIDs).sorted())")

        // Every acknowledged interaction was stored before its answer: ingested again, it is a duplicate.
        for alertID in acked.sorted().prefix(10) {
            let id = String(alertID.dropFirst("angry/".count))
            let reply = try #require(await Self.ingest(id, port: port))
            let json = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
            let result = try #require((json["results"] as? [[String: Any]])?.first)
            #expect(result["duplicate"] as? Bool == true, "\(id)")
            #expect(result["alerts"] as? [String] == [], "\(id)")
        }
        second.kill(SIGTERM)
        #expect(await second.waitForExit(timeout: .seconds(15)) == .exit(0))
        await receiver.stop()
    }

    @Test func sigtermLetsTheDeliveryInFlightFinishAndExitsZero() async throws {
        let receiver = SlowReceiver(delay: 700...700)
        try await receiver.start()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try writeConfiguration(receiverPort: receiver.port, concurrency: 2)
        let server = try await ServeProcess.start(config: config, database: database, port: 0)

        let reply = try #require(await Self.ingest("t1", port: server.port))
        #expect(reply.status == 200)
        #expect(await ServeProcess.poll(timeout: .seconds(10)) { !receiver.requests.isEmpty })
        let clock = ContinuousClock()
        let signalled = clock.now
        server.kill(SIGTERM)
        let status = await server.waitForExit(timeout: .seconds(15))
        let took = clock.now - signalled
        #expect(status == .exit(0))
        // It waited for the receiver's answer (about 0.7 s after the request arrived)...
        #expect(receiver.requests.count == 1)
        #expect(receiver.answeredAlertIDs == ["angry/t1"])
        #expect(took > .milliseconds(300))
        // ... and recorded it: the outbox holds it as delivered after one attempt.
        let list = try OpineRunner.run(["alerts", "list", "--json", "--database", database])
        #expect(list.status == 0, "\(list.error)")
        let records = try OpineRunner.jsonLines(list.output)
        #expect(records.count == 1)
        #expect(records.first?["state"] as? String == "delivered")
        #expect(records.first?["attempts"] as? Int == 1)
        await receiver.stop()
    }
}

/// `opine serve` running as a child process.
final class ServeProcess: Sendable {
    enum Ending: Equatable, CustomStringConvertible {
        case exit(Int32)
        case signal(Int32)

        var description: String {
            switch self {
            case .exit(let status): return "exit \(status)"
            case .signal(let signal): return "signal \(signal)"
            }
        }
    }

    let process: Process
    let port: Int
    let output: Locked<String>

    private init(process: Process, port: Int, output: Locked<String>) {
        self.process = process
        self.port = port
        self.output = output
    }

    /// Starts `opine serve` and waits until it prints the port it listens on.
    static func start(config: String, database: String, port: Int) async throws -> ServeProcess {
        let process = Process()
        process.executableURL = try OpineRunner.binary()
        process.arguments = ["serve", "--config", config, "--database", database, "--port", String(port), "--log-level", "warning"]
        var environment = ProcessInfo.processInfo.environment
        environment["OPINE_API_TOKEN"] = nil
        process.environment = environment
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let output = Locked("")
        let reader = stdout.fileHandleForReading
        try process.run()
        Thread {
            while true {
                let data = reader.availableData
                if data.isEmpty { return }
                output.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }.start()
        var bound: Int?
        let started = await poll(timeout: .seconds(60)) {
            bound = output.withLock { text in
                text.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression).flatMap { range in
                    Int(text[range].split(separator: ":").last ?? "")
                }
            }
            return bound != nil || !process.isRunning
        }
        guard started, let bound else {
            if process.isRunning { process.terminate() }
            Issue.record("opine serve did not start: \(output.withLock { $0 })")
            throw CocoaError(.executableLoad)
        }
        return ServeProcess(process: process, port: bound, output: output)
    }

    func kill(_ signal: Int32) {
        _ = Foundation.kill(process.processIdentifier, signal)
    }

    /// How it ended, or nil if it still runs after `timeout` (then it is killed).
    func waitForExit(timeout: Duration) async -> Ending? {
        let ended = await Self.poll(timeout: timeout) { !process.isRunning }
        guard ended else {
            kill(SIGKILL)
            return nil
        }
        return process.terminationReason == .uncaughtSignal ? .signal(process.terminationStatus) : .exit(process.terminationStatus)
    }

    /// Checks `condition` every 20 ms until it holds (true) or `timeout` passes (false).
    static func poll(timeout: Duration, _ condition: () -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }
}

/// A value behind a lock, shareable between tasks and threads.
final class Locked<Value: Sendable>: Sendable {
    let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    func withLock<T: Sendable>(_ body: (inout sending Value) -> sending T) -> T { mutex.withLock(body) }
}
