import Foundation
import Logging
@testable import OpineAlerts
import Testing

@Suite("Following a growing file")
struct LineFollowerTests {
    func append(_ text: String, to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func texts(_ lines: [LineFollower.Line]) -> [String] { lines.map { String(decoding: $0.bytes, as: UTF8.self) } }

    @Test func holdsBackALineUntilItsNewlineArrives() throws {
        let url = try temporaryDirectory().appendingPathComponent("in.jsonl")
        try Data("one\ntw".utf8).write(to: url)
        var follower = try LineFollower(path: url.path, resumingFrom: nil)
        #expect(texts(try follower.read(limit: 10)) == ["one"])
        #expect(follower.position.offset == 4)
        try append("o\r\nthree\n", to: url)
        let lines = try follower.read(limit: 10)
        #expect(texts(lines) == ["two", "three"])
        #expect(lines.map(\.number) == [2, 3])
        #expect(try follower.read(limit: 10).isEmpty)
    }

    @Test func followsRotationAndTruncation() throws {
        let directory = try temporaryDirectory()
        let url = directory.appendingPathComponent("in.jsonl")
        try Data("a\nb\n".utf8).write(to: url)
        var follower = try LineFollower(path: url.path, resumingFrom: nil)
        #expect(texts(try follower.read(limit: 10)) == ["a", "b"])
        // Rotation: the old file gets a last line (without newline) and is renamed away; a new file appears.
        try append("c", to: url)
        try FileManager.default.moveItem(at: url, to: directory.appendingPathComponent("in.jsonl.1"))
        try Data("d\n".utf8).write(to: url)
        #expect(texts(try follower.read(limit: 10)) == ["c", "d"])
        #expect(follower.position.line == 1)
        // Truncation in place (copytruncate), then new lines.
        try FileHandle(forWritingTo: url).truncate(atOffset: 0)
        #expect(try follower.read(limit: 10).isEmpty)
        #expect(follower.position.offset == 0)
        try append("e\n", to: url)
        #expect(texts(try follower.read(limit: 10)) == ["e"])
    }

    @Test func resumesOnlyInTheSameFile() throws {
        let directory = try temporaryDirectory()
        let url = directory.appendingPathComponent("in.jsonl")
        try Data("a\nb\nc\n".utf8).write(to: url)
        var first = try LineFollower(path: url.path, resumingFrom: nil)
        _ = try first.read(limit: 2)
        let position = first.position
        first.close()
        var resumed = try LineFollower(path: url.path, resumingFrom: position)
        #expect(texts(try resumed.read(limit: 10)) == ["c"])
        #expect(resumed.position.line == 3)
        try FileManager.default.removeItem(at: url)
        try Data("x\n".utf8).write(to: url)
        var other = try LineFollower(path: url.path, resumingFrom: position)
        #expect(texts(try other.read(limit: 10)) == ["x"], "another file under the same path starts from its beginning")
    }
}

@Suite("opine watch")
struct StreamWatcherTests {
    func line(_ id: String, _ text: String) -> String {
        #"{"id":"\#(id)","author":"anna","kind":"review","time":"2024-05-01T12:00:00Z","text":"\#(text)"}"# + "\n"
    }

    @Test func ingestsEachLineOnceAcrossRestartsAndReportsBadLines() async throws {
        let directory = try temporaryDirectory()
        let url = directory.appendingPathComponent("reviews.jsonl")
        try Data((line("r1", "Terrible, never again!") + "{not json}\n" + line("r2", "Great, thanks!")).utf8).write(to: url)
        let configuration = try configuration(rules: "  - { name: angry, when: detractor, to: [hook] }")
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

        func watchOnce() async throws -> WatchCounts {
            let store = try AlertStore(path: directory.appendingPathComponent("alerts.sqlite").path)
            let pipeline = try await AlertPipeline(store: store, configuration: configuration, analyzer: sharedAnalyzer)
            let tally = WatchTally()
            try await StreamWatcher(path: url.path, pipeline: pipeline, logger: logger, stopAtEnd: true, tally: tally).run()
            return tally.snapshot()
        }

        let first = try await watchOnce()
        #expect(first.ingested == 2)
        #expect(first.rejected == 1)
        #expect(first.alerts == 1)
        let second = try await watchOnce()
        #expect(second.ingested == 0 && second.duplicates == 0, "resumes after the last stored line")
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line("r3", "Awful, broken and useless.").utf8))
        try handle.close()
        let third = try await watchOnce()
        #expect(third.ingested == 1)
        #expect(third.alerts == 1)
    }
}
