import Foundation
import Testing
@testable import OpineBatch

/// gzip-compressed inputs and outputs, by extension.
struct GzipTests {
    /// `id,text\n1,"Goed, hoor"\n2,slecht\n` compressed by GNU gzip 1.12 (`gzip -9n`).
    static let gnuGzip: [UInt8] = Array(
        Data(base64Encoded: "H4sIAAAAAAACA8tM0SlJrSjhMtRRcs9PTdFRyMjPL1LiMtIpzklNzijhAgAfoiYeIAAAAA==")!)

    @Test func aFileCompressedByGzipIsReadByItsExtension() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv.gz", Self.gnuGzip)
        let rows = try readAll(path).compactMap(\.row)
        #expect(rows.map(\.text) == ["Goed, hoor", "slecht"])
        #expect(rows.map(\.line) == [2, 3])
    }

    @Test func concatenatedGzipMembersAreReadOneAfterTheOther() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let second = try compressed("3,\"nog een\"\n")
        let path = try scratch.write("export.csv.gz", Self.gnuGzip + second)
        #expect(try readAll(path).compactMap(\.row).map(\.text) == ["Goed, hoor", "slecht", "nog een"])
    }

    @Test func aTruncatedGzipFileIsAnUnreadableInput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv.gz", Array(Self.gnuGzip.dropLast(12)))
        #expect(throws: BatchError.unreadableInput(path: path, reason: "the gzip data ends early (truncated file?)")) {
            try readAll(path)
        }
    }

    @Test func aFileThatIsNotGzipIsAnUnreadableInput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv.gz", "text\nplain\n")
        #expect {
            try readAll(path)
        } throws: { error in
            guard case .unreadableInput(path, let reason) = error as? BatchError else { return false }
            return reason.hasPrefix("not valid gzip data")
        }
    }

    @Test func aCompressedOutputRoundTrips() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let text = "id,text\n1,\"één, twee\"\n"
        let path = try scratch.write("round.csv.gz", try compressed(text + (2..<5000).map { "\($0),row \($0)\n" }.joined()))
        let rows = try readAll(path).compactMap(\.row)
        #expect(rows.count == 4999)
        #expect(rows.first?.text == "één, twee")
        #expect(rows.last?.text == "row 4999")
    }

    /// `text` compressed with ``GzipSink`` into a standalone gzip member.
    private func compressed(_ text: String) throws -> [UInt8] {
        let collector = Collector()
        let sink = try GzipSink(base: collector, name: "memory")
        try Array(text.utf8).withUnsafeBytes { try sink.write($0) }
        try sink.finish()
        return collector.bytes
    }

    private final class Collector: ByteSink {
        var bytes: [UInt8] = []
        func write(_ buffer: UnsafeRawBufferPointer) throws(BatchError) { bytes.append(contentsOf: buffer) }
        func finish() throws(BatchError) {}
    }
}
