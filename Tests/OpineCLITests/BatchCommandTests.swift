import Foundation
import Testing

/// End-to-end checks of `opine batch` on the built binary: a messy export, exit codes,
/// streaming through pipes, and no half-written output after Ctrl-C.
final class BatchCommandTests {
    typealias Result = OpineRunner.Result

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("opine-batch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        return path(name)
    }

    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
    }

    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    func binary() throws -> URL { try OpineRunner.binary() }

    /// Runs `opine batch` with `arguments`, feeding `input` on standard input.
    func batch(_ arguments: [String], input: String = "") throws -> Result {
        try OpineRunner.run(["batch"] + arguments, input: input)
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// An export with every quirk: BOM, CRLF, `;`, quotes, line breaks in quotes, and
    /// three rows that cannot be used (lines 5, 7 and 8) among nine that can.
    static let messyExport = "\u{FEFF}" + """
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

    @Test func aMessyExportIsScoredWithEveryRowAccountedFor() throws {
        let input = try write("export.csv", Self.messyExport)
        let result = try batch([input, "-o", path("scored.csv"), "--on-error", "skip", "--rejects", path("rejects.jsonl"), "--jobs", "2"])
        #expect(result.status == 0, "\(result.error)")
        let scored = try read("scored.csv")
        #expect(scored.hasPrefix("\u{FEFF}id;bericht;sterren;label;compound;positive;negative;neutral;subjectivity;language;stance\n"))
        let rejects = try jsonLines(try read("rejects.jsonl"))
        #expect(rejects.map { $0["line"] as? Int } == [5, 7, 8])
        // 12 rows in, read back with an independent CSV reading: each id once, in order.
        let ids = Self.firstFields(of: scored, delimiter: ";").dropFirst()
        #expect(Array(ids) == ["1", "2", "4", "7", "8", "9", "10", "11", "12"])
        #expect(ids.count + rejects.count == 12)
        #expect(result.error.contains("opine batch: 12 rows"))
        #expect(result.error.contains("written    9 → \(path("scored.csv"))"))
        #expect(result.error.contains("rejected   3 → \(path("rejects.jsonl"))"))
        #expect(!result.error.contains("\r"), "no progress bar when standard error is not a terminal")
    }

    @Test func aRowThatCannotBeUsedFailsWith65NamingFileLineAndReason() throws {
        let input = try write("export.csv", Self.messyExport)
        let result = try batch([input, "-o", path("scored.csv")])
        #expect(result.status == 65)
        #expect(result.error.contains("error: \(input):5: expected 3 fields as in the header, found 4"))
        #expect(try listing() == ["export.csv"])
    }

    @Test func standardInputStreamsToStandardOutputInOrder() throws {
        let lines = (0..<4000).map { #"{"id": \#($0), "comment": "\#($0 % 2 == 0 ? "great service" : "terrible service")"}"# }
        let result = try batch(["-", "--jobs", "3", "--lang", "en", "-q"], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.isEmpty)
        let objects = try jsonLines(result.output)
        #expect(objects.map { $0["id"] as? Int } == Array(0..<4000))
        #expect(objects.map { $0["label"] as? String } == (0..<4000).map { $0 % 2 == 0 ? "positive" : "negative" })
    }

    @Test func ctrlCLeavesNoOutputFileAndExits130() throws {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = ["batch", "-", "-o", path("scored.csv"), "-q"]
        let stdin = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardError = stderr
        try process.run()
        // Half an export arrives, then the input stalls: the run is mid-way when interrupted.
        stdin.fileHandleForWriting.write(Data(("text\n" + String(repeating: "good\n", count: 3000)).utf8))
        let deadline = Date().addingTimeInterval(20)
        while try !listing().contains(where: { $0.hasPrefix(".scored.csv.opine-") }) && Date() < deadline { usleep(20_000) }
        #expect(try listing().contains { $0.hasPrefix(".scored.csv.opine-") }, "the temporary output exists while running")
        usleep(300_000)
        process.interrupt()
        let exitDeadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < exitDeadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("opine batch did not stop on SIGINT")
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        #expect(try listing().isEmpty)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("interrupted"))
        try? stdin.fileHandleForWriting.close()
    }

    @Test func gzipInputAndOutputFollowTheirExtensions() throws {
        let plain = try write("export.jsonl", #"{"review": "Heel tevreden", "stars": 5}"# + "\n" + #"{"review": "Nooit meer", "stars": 1}"# + "\n")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        gzip.arguments = [plain]
        try gzip.run()
        gzip.waitUntilExit()
        let result = try batch([path("export.jsonl.gz"), "-o", path("scored.jsonl.gz"), "-q"])
        #expect(result.status == 0, "\(result.error)")
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        gunzip.arguments = ["-d", path("scored.jsonl.gz")]
        try gunzip.run()
        gunzip.waitUntilExit()
        let objects = try jsonLines(try read("scored.jsonl"))
        #expect(objects.map { $0["stance"] as? String } == ["advocate", "detractor"])
        #expect(objects.map { $0["stars"] as? Int } == [5, 1])
    }

    @Test(arguments: [
        (["--on-error", "skip", "in.csv"], Int32(64), "--on-error skip needs --rejects FILE"),
        (["in.csv", "--format", "xml"], 64, "--format must be csv, tsv, jsonl or json"),
        (["in.csv", "--delimiter", ";;"], 64, "--delimiter must be one ASCII character"),
        (["in.csv", "--text-column", "body"], 64, "--text-column 'body' is not a column of"),
        (["missing.csv"], 66, "error: cannot read"),
        (["nocolumn.csv"], 65, "nocolumn.csv:1: no text column"),
        (["in.csv", "-o", "/nonexistent-dir/out.csv"], 73, "error: cannot create /nonexistent-dir/out.csv"),
        (["in.csv", "--aspect-terms", "terms.tsv"], 64, "--aspect-terms is used only with --opinions"),
    ])
    func exitCodesAreTheDocumentedOnes(arguments: [String], status: Int32, message: String) throws {
        try write("in.csv", "text\ngood\n")
        try write("nocolumn.csv", "id,date\n1,today\n")
        let resolved = arguments.map { $0.hasSuffix(".csv") && !$0.hasPrefix("/") ? path($0) : $0 }
        let result = try batch(resolved)
        #expect(result.status == status)
        #expect(result.error.contains(message), "\(result.error)")
    }

    @Test func helpShowsExamplesAndExitCodes() throws {
        let result = try batch(["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("Examples:"))
        #expect(result.output.contains("opine batch reviews.csv -o scored.csv"))
        #expect(result.output.contains("65   malformed input (the message names file, line and reason)"))
        #expect(result.output.contains("130  interrupted by Ctrl-C"))
        #expect(result.output.contains("--rejects"))
        #expect(result.output.contains("--opinions"))
    }

    @Test func opinionsAddAJSONFieldAndRankCategoriesInTheSummary() throws {
        let input = try write("export.csv", "id,text\n1,the food was great but the waiter was rude\n2,\"De bezorging was traag, maar het product is top\"\n")
        let result = try batch([input, "--opinions", "-o", path("scored.jsonl"), "--jobs", "2"])
        #expect(result.status == 0, "\(result.error)")
        let objects = try jsonLines(try read("scored.jsonl"))
        let opinions = objects.map { ($0["opinions"] as? [[String: Any]])?.map { "\($0["category"] ?? "-") \($0["polarity"] ?? "-")" } }
        #expect(opinions == [["FOOD positive", "SERVICE negative"], ["DELIVERY negative", "PRODUCT positive"]])
        #expect(result.error.contains("  opinions   4 in 2 rows (100.0%); categories by volume:\n"))
        #expect(result.error.contains("    FOOD: 1 mention, 0% negative, 100% positive, top terms: food\n"))
        #expect(result.error.contains("    SERVICE: 1 mention, 100% negative, 0% positive, top terms: waiter\n"))
        #expect(result.error.contains("  net        most negative first: DELIVERY -100%, SERVICE -100%, FOOD +100%, PRODUCT +100%\n"))
    }

    @Test func withoutOpinionsNeitherTheFieldNorTheRankingIsThere() throws {
        let input = try write("export.csv", "text\nthe food was great but the waiter was rude\n")
        let result = try batch([input, "-o", path("scored.csv")])
        #expect(result.status == 0, "\(result.error)")
        #expect(try read("scored.csv").hasPrefix("text,label,compound,positive,negative,neutral,subjectivity,language,stance\n"))
        #expect(!result.error.contains("opinions"))
    }

    @Test func theOpinionsAndTheirSummaryAreTheSameWithOneJobOrTwo() throws {
        let texts = [
            "the food was great but the waiter was rude", "Terrible support, nobody answers", "Lekker eten, trage bezorging",
            "The app keeps crashing", "Veel te duur", "Fast delivery, love the product", "geen mening", "Mooie locatie",
        ]
        let input = try write("export.csv", "text\n" + (0..<3000).map { "\"\(texts[$0 * 5 % texts.count])\"\n" }.joined())
        let one = try batch([input, "--opinions", "-o", path("one.csv"), "--jobs", "1"])
        let two = try batch([input, "--opinions", "-o", path("two.csv"), "--jobs", "2"])
        #expect(one.status == 0 && two.status == 0, "\(one.error)\(two.error)")
        #expect(try read("one.csv") == read("two.csv"))
        // Everything but the first line (time and speed) and the output's name.
        let summary = { (result: Result) in result.error.split(separator: "\n").filter { !$0.hasPrefix("opine batch:") && !$0.contains("→") } }
        #expect(summary(one) == summary(two))
        #expect(summary(two).contains { $0.hasPrefix("  opinions   ") })
        #expect(summary(two).filter { $0.hasPrefix("    ") && $0.contains(" mention") }.count >= 5)
    }

    /// The first field of every record of RFC 4180 `text`, read independently of Opine.
    static func firstFields(of text: String, delimiter: Character) -> [String] {
        var fields: [String] = []
        var current = "", quoted = false, atFieldStart = true, inFirstField = true
        var iterator = text.drop { $0 == "\u{FEFF}" }.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" { quoted = false } else if inFirstField { current.append(character) }
            } else if character == "\"" {
                if !atFieldStart && inFirstField { current.append("\"") }
                quoted = true
            } else if character == delimiter {
                inFirstField = false
            } else if character == "\n" || character == "\r\n" {
                fields.append(current)
                current = ""
                inFirstField = true
                atFieldStart = true
                continue
            } else if inFirstField {
                current.append(character)
            }
            atFieldStart = false
        }
        return fields
    }
}

/// Reads a pipe to its end on another thread, so a process that fills it cannot block.
