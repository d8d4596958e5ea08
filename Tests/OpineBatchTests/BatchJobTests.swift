import Foundation
import Testing
@testable import OpineBatch

/// Whole runs: nothing lost, order kept, output complete or absent.
struct BatchJobTests {
    /// A messy CSV export: 12 rows of which 4 cannot be used.
    static let messyCSV = """
        id;bericht;sterren\r
        1;Wat een top service, echt een aanrader!;5\r
        2;"Slecht; ""nooit"" meer\r
        bestellen";1\r
        3;"kapot";aangekomen;2\r
        4;The food was great;\r
        5;"open quote"x;3\r
        6;Prima;zes\r
        7;Niet goed, niet slecht;3\r
        \r
        8;Terrible support;4\r
        9;😡😡;\r
        10;"multi
        line
        text";5\r
        11;geen mening;3\r
        12;laatste;1
        """

    @discardableResult
    func run(_ options: BatchOptions) throws -> BatchSummary {
        try BatchJob(options: options).run(analyzer: sharedAnalyzer)
    }

    @Test func inputRowsEqualWrittenPlusRejectedRowsOnMalformedInput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("export.csv", Self.messyCSV)
        let summary = try run(
            BatchOptions(inputs: [input], output: scratch.path("out.jsonl"), rejects: scratch.path("rejects.jsonl"), onError: .skip, jobs: 3, chunkRows: 2))
        let written = try jsonObjects(try scratch.read("out.jsonl"))
        let rejected = try jsonObjects(try scratch.read("rejects.jsonl"))
        // Counted independently of the reader: 12 ids in the file, each in exactly one of the two outputs.
        let writtenIDs = written.map { $0["id"] as? String }
        let rejectedLines = rejected.map { $0["line"] as? Int }
        #expect(writtenIDs == ["1", "2", "4", "7", "8", "9", "10", "11", "12"])
        #expect(rejectedLines == [5, 7, 8])
        #expect(writtenIDs.count + rejectedLines.count == 12)
        #expect(summary.tally.rowsRead == 12)
        #expect(summary.tally.rowsWritten == written.count)
        #expect(summary.tally.rowsRejected == rejected.count)
        #expect(rejected.map { $0["reason"] as? String } == [
            "expected 3 fields as in the header, found 4",
            "field 2: unexpected text after the closing quote (--no-quotes reads quotes as plain text)",
            "field 'sterren' has 'zes', not a star rating from 1 to 5 (--rating-column none ignores it)",
        ])
        #expect(rejected.first?["raw"] as? String == "3;\"kapot\";aangekomen;2")
        #expect(rejected.allSatisfy { $0["file"] as? String == input })
    }

    @Test func everyFieldIsKeptAndTheSentimentFieldsAdded() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("export.csv", "id,text,channel\n7,\"I love it, thanks!\",email\n")
        try run(BatchOptions(inputs: [input], output: scratch.path("out.jsonl"), jobs: 1))
        let object = try #require(try jsonObjects(try scratch.read("out.jsonl")).first)
        #expect(object["id"] as? String == "7")
        #expect(object["text"] as? String == "I love it, thanks!")
        #expect(object["channel"] as? String == "email")
        #expect(object["label"] as? String == "positive")
        #expect((object["compound"] as? Double ?? 0) > 0.5)
        #expect(object["language"] as? String == "en")
        #expect(object["stance"] as? String == "advocate")
        for key in ["positive", "negative", "neutral", "subjectivity"] { #expect(object[key] is Double, "missing \(key)") }
    }

    @Test func outputOrderIsInputOrderWhateverTheNumberOfJobs() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let texts = (0..<3000).map { number in
            ["great service \(number)", "awful, never again \(number)", "Het was prima \(number)", "\(number)"][number % 4]
        }
        let input = try scratch.write("export.csv", "id,text\n" + texts.enumerated().map { "\($0),\"\($1)\"\n" }.joined())
        try run(BatchOptions(inputs: [input], output: scratch.path("one.csv"), jobs: 1, chunkRows: 7))
        try run(BatchOptions(inputs: [input], output: scratch.path("many.csv"), jobs: 8, chunkRows: 7))
        let one = try scratch.read("one.csv")
        let many = try scratch.read("many.csv")
        #expect(one == many)
        let ids = many.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) }
        #expect(ids == (0..<3000).map { String($0) })
    }

    @Test func failingLeavesNoOutputAndNoTemporaryFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("export.csv", Self.messyCSV)
        #expect(throws: BatchError.malformedInput(path: input, line: 5, reason: "expected 3 fields as in the header, found 4")) {
            try run(BatchOptions(inputs: [input], output: scratch.path("out.csv"), rejects: scratch.path("rejects.csv"), jobs: 2, chunkRows: 1))
        }
        #expect(try scratch.listing() == ["export.csv"])
    }

    @Test func failingLeavesAnEarlierOutputUntouched() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("export.csv", Self.messyCSV)
        try scratch.write("out.csv", "the previous result\n")
        #expect(throws: BatchError.self) { try run(BatchOptions(inputs: [input], output: scratch.path("out.csv"), jobs: 2)) }
        #expect(try scratch.read("out.csv") == "the previous result\n")
        #expect(try scratch.listing() == ["export.csv", "out.csv"])
    }

    @Test func anUnreadableSecondInputLeavesNoOutput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let first = try scratch.write("a.csv", "text\ngood\n")
        let second = try scratch.write("b.json", "[{\"text\": \"fine\"}, {\"text\": ]")
        #expect(throws: BatchError.malformedInput(path: second, line: 1, reason: "invalid JSON: unexpected ']'")) {
            try run(BatchOptions(inputs: [first, second], output: scratch.path("out.csv"), jobs: 2))
        }
        #expect(try scratch.listing() == ["a.csv", "b.json"])
    }

    @Test func theOutputMayReplaceItsInput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("data.csv", "text\n" + String(repeating: "good\n", count: 5000))
        let summary = try run(BatchOptions(inputs: [path], output: path, jobs: 2))
        #expect(summary.tally.rowsWritten == 5000)
        let lines = try scratch.read("data.csv").split(separator: "\n")
        #expect(lines.count == 5001)
        #expect(lines.first == "text,label,compound,positive,negative,neutral,subjectivity,language,stance")
    }

    @Test func anOutputThatIsAPipeIsWrittenToNotReplaced() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.csv", "text\ngood\nbad\n")
        let fifo = scratch.path("pipe.csv")
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = Received()
        let reader = Thread {
            received.data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
            received.done.signal()
        }
        reader.start()
        try run(BatchOptions(inputs: [input], output: fifo, jobs: 1))
        #expect(received.done.wait(timeout: .now() + 10) == .success)
        #expect(String(decoding: received.data, as: UTF8.self).split(separator: "\n").count == 3)
        var status = stat()
        #expect(lstat(fifo, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFIFO, "still a pipe, not replaced by a regular file")
        #expect(try scratch.listing() == ["in.csv", "pipe.csv"])
    }

    @Test func anOutputThatIsALinkReplacesTheFileLinkedTo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.csv", "text\ngood\n")
        try scratch.write("real.csv", "old\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.csv"), withDestinationPath: scratch.path("real.csv"))
        try run(BatchOptions(inputs: [input], output: scratch.path("link.csv"), jobs: 1))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("link.csv")) == scratch.path("real.csv"))
        #expect(try scratch.read("real.csv").hasPrefix("text,label,"))
        #expect(try scratch.listing() == ["in.csv", "link.csv", "real.csv"])
    }

    @Test func csvOutputHasTheUnionOfTheInputsColumns() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let first = try scratch.write("a.csv", "id;text\n1;good\n")
        let second = try scratch.write("b.jsonl", "{\"text\": \"bad\", \"id\": 2}\n{\"text\": \"fine\", \"stars\": 4, \"tags\": [\"x\"]}\n")
        try run(BatchOptions(inputs: [first, second], output: scratch.path("out.csv"), jobs: 2))
        let lines = try scratch.read("out.csv").split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).prefix(4).joined(separator: ";") }
        #expect(lines == ["id;text;stars;tags", "1;good;;", "2;bad;;", ";fine;4;\"[\"\"x\"\"]\""])
    }

    @Test(arguments: [("id;text\n1;good\n", "id;text;label"), ("id\ttext\n1\tgood\n", "id,text,label"), ("id,text\n1,good\n", "id,text,label")])
    func csvOutputKeepsSemicolonsAndOtherwiseUsesCommas(input: String, header: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("in.csv", input)
        try run(BatchOptions(inputs: [path], output: scratch.path("out.csv"), jobs: 1))
        #expect(try scratch.read("out.csv").hasPrefix(header))
    }

    @Test func aClashingInputFieldGetsTheSentimentFieldsPrefixed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("corpus.tsv", "id\tlabel\ttext\n1\tpos\tgreat\n")
        let job = try BatchJob(options: BatchOptions(inputs: [input], output: scratch.path("out.tsv"), jobs: 1))
        #expect(job.sentimentNames.first == "opine_label")
        #expect(job.notes.count == 1)
        _ = try job.run(analyzer: sharedAnalyzer)
        #expect(try scratch.read("out.tsv").hasPrefix("id\tlabel\ttext\topine_label\topine_compound\t"))
    }

    @Test func anEmptyInputFileIsNamedInTheNotes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let empty = try scratch.write("empty.csv", "")
        let full = try scratch.write("full.csv", "text\ngood\n")
        let job = try BatchJob(options: BatchOptions(inputs: [empty, full], output: scratch.path("out.csv"), jobs: 1))
        #expect(job.notes.count == 1)
        #expect(job.notes.first?.contains("empty.csv is empty") == true)
        #expect(try job.run(analyzer: sharedAnalyzer).tally.rowsWritten == 1)
    }

    @Test func aJSONArrayOutputIsValidJSON() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.jsonl", (0..<50).map { "{\"text\": \"row \($0)\"}\n" }.joined())
        try run(BatchOptions(inputs: [input], output: scratch.path("out.json"), jobs: 3, chunkRows: 4))
        let array = try #require(try JSONSerialization.jsonObject(with: Data(try scratch.read("out.json").utf8)) as? [[String: Any]])
        #expect(array.map { $0["text"] as? String } == (0..<50).map { "row \($0)" })
    }

    @Test func aGzipOutputDecompressesToTheSameRows() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.csv", "text\n" + (0..<300).map { "comment \($0)\n" }.joined())
        try run(BatchOptions(inputs: [input], output: scratch.path("out.csv.gz"), jobs: 2))
        let rows = try readAll(scratch.path("out.csv.gz")).compactMap(\.row)
        #expect(rows.map(\.text) == (0..<300).map { "comment \($0)" })
        #expect(rows.first?["stance"] == "neutral")
    }

    @Test(arguments: [
        (BatchOptions(inputs: [], jobs: 1), "no input; give one or more files, or - for standard input"),
        (BatchOptions(inputs: ["-", "-"], jobs: 1), "standard input (-) can be read only once"),
        (BatchOptions(inputs: ["x.csv"], onError: .skip, jobs: 1), "--on-error skip needs --rejects FILE, so that no row is lost"),
        (BatchOptions(inputs: ["x.csv"], jobs: 0), "--jobs must be at least 1"),
        (BatchOptions(inputs: ["x.csv"], output: "out.txt", jobs: 1), "cannot tell the format of -o out.txt from its extension; use .csv, .tsv, .jsonl or .json, or --format"),
    ])
    func optionsThatDoNotFitAreUsageErrors(options: BatchOptions, message: String) {
        #expect(throws: BatchError.usage(message)) { try BatchJob(options: options) }
    }

    @Test func aMissingInputIsUnreadable() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(throws: BatchError.unreadableInput(path: scratch.path("none.csv"), reason: "No such file or directory")) {
            try BatchJob(options: BatchOptions(inputs: [scratch.path("none.csv")], jobs: 1))
        }
    }

    @Test func anOutputInAMissingDirectoryCannotBeCreated() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.csv", "text\nok\n")
        #expect(throws: BatchError.cannotCreateOutput(path: scratch.path("no/out.csv"), reason: "No such file or directory")) {
            try run(BatchOptions(inputs: [input], output: scratch.path("no/out.csv"), jobs: 1))
        }
    }

    @Test func progressIsReportedUpToTheFullSize() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.csv", "text\n" + (0..<100).map { "comment \($0)\n" }.joined())
        let reports = ProgressLog()
        _ = try BatchJob(options: BatchOptions(inputs: [input], output: scratch.path("out.csv"), jobs: 2, chunkRows: 10))
            .run(analyzer: sharedAnalyzer) { reports.entries.append($0) }
        #expect(reports.entries.map(\.rows) == Array(stride(from: 10, through: 100, by: 10)))
        #expect(reports.entries.last?.fraction == 1)
        #expect(reports.entries.map(\.filePosition) == reports.entries.map(\.filePosition).sorted())
    }

    private final class Received: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }

    private final class ProgressLog: @unchecked Sendable {
        var entries: [BatchProgress] = []
    }
}
