import Foundation
import Testing

/// End-to-end checks of the built `opine` binary: output shapes, streaming order, and
/// exit codes that scripts rely on.
struct CommandLineTests {
    typealias Result = OpineRunner.Result

    func opine(_ arguments: [String], input: String? = nil) throws -> Result {
        try OpineRunner.run(arguments, input: input ?? "")
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] { try OpineRunner.jsonLines(text) }

    @Test func tokensJSONHasTheDocumentedFields() throws {
        let result = try opine(["tokens", "--json", "Top!!! 👍🏽"])
        #expect(result.status == 0)
        let object = try #require(try jsonLines(result.output).first)
        let tokens = try #require(object["tokens"] as? [[String: Any]])
        #expect(tokens.map { $0["form"] as? String } == ["top", "!!!", "👍"])
        #expect(tokens.map { $0["kind"] as? String } == ["word", "punctuation", "emoji"])
        #expect(tokens[0]["text"] as? String == "Top")
        #expect(tokens[2]["start"] as? Int == 7)
    }

    @Test func aspectsShowAboutGivesOneOpinionPerLineOrNull() throws {
        let input = "De bezorging duurde twee weken, echt slecht.\nHet product is top.\n"
        let result = try opine(["aspects", "show", "--about", "DELIVERY", "--json", "--lang", "nl", "-"], input: input)
        #expect(result.status == 0)
        let objects = try jsonLines(result.output)
        #expect(objects.count == 2)
        let delivery = try #require(objects.first?["opinion"] as? [String: Any])
        #expect(delivery["polarity"] as? String == "negative")
        #expect(objects.last?["opinion"] is NSNull, "a text that does not mention it")
        let text = try opine(["aspects", "show", "--about", "waiter", "the food was great"])
        #expect(text.output == "waiter: not mentioned\n")
    }

    @Test func languageReadsStdinOneObjectPerLineInOrder() throws {
        let result = try opine(["language", "--json", "-"], input: "Ik vond het eten echt niet lekker\nThe food was really not good at all\n👍\n")
        #expect(result.status == 0)
        let objects = try jsonLines(result.output)
        #expect(objects.map { $0["language"] as? String } == ["nl", "en", "und"])
        #expect(objects.allSatisfy { ($0["confidence"] as? Double).map { (0...1).contains($0) } ?? false })
    }

    @Test func analyzeStreamsEveryLineInOrder() throws {
        let lines = (0..<5000).map { $0 % 2 == 0 ? "great service \($0)" : "terrible service \($0)" }
        let result = try opine(["analyze", "--json", "--lang", "en", "-"], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        let objects = try jsonLines(result.output)
        #expect(objects.count == lines.count)
        let labels = objects.map { $0["label"] as? String }
        #expect(labels == lines.indices.map { $0 % 2 == 0 ? "positive" : "negative" })
        for key in ["compound", "positive", "negative", "neutral", "subjectivity", "language", "contributions", "opinions"] {
            #expect(objects[0][key] != nil, "missing \(key)")
        }
    }

    /// The same input gives the same bytes in every run (the encoder's key order is
    /// otherwise a per-process hash order).
    @Test func analyzeJSONIsTheSameBytesInEveryRun() throws {
        let input = "The food was not bad at all, but the waiter was RUDE!\nWat een top service 👍\n"
        let runs = try (0..<3).map { _ in try opine(["analyze", "--json", "-"], input: input) }
        #expect(runs.allSatisfy { $0.status == 0 })
        #expect(Set(runs.map(\.output)).count == 1)
    }

    @Test func aUserLexiconOverridesTheBuiltInOne() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("opine-user-\(UUID().uuidString).tsv")
        try Data("great\t-3\n".utf8).write(to: file)
        let result = try opine(["analyze", "--json", "--lang", "en", "--lexicon", file.path, "great"])
        #expect(result.status == 0)
        #expect(try jsonLines(result.output).first?["label"] as? String == "negative")
    }

    @Test func aMalformedLexiconExitsWith78AndNamesFileAndLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("opine-bad-\(UUID().uuidString).tsv")
        try Data("fine\t1\nbroken entry\n".utf8).write(to: file)
        let result = try opine(["analyze", "--lexicon", file.path, "great"])
        #expect(result.status == 78)
        #expect(result.error.contains("\(file.path):2:"))
    }

    @Test func aMalformedCorpusExitsWith65AndNamesFileAndLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("opine-corpus-\(UUID().uuidString).tsv")
        try Data("text\tlabel\ngood\tpos\nbad\tterrible\n".utf8).write(to: file)
        let result = try opine(["eval", file.path])
        #expect(result.status == 65)
        #expect(result.error.contains("\(file.path):3:"))
        #expect(result.error.contains("label"))
    }

    /// A TSV written without quoting stops `opine aspects` with exit 65 and a hint, and
    /// reads with `--no-quotes`.
    @Test func aspectsReadsAnUnquotedTSVWithNoQuotes() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("opine-unquoted-\(UUID().uuidString).tsv")
        try Data("id\ttext\n1\t\"the waiter\" was rude\n2\tThe food was great\n".utf8).write(to: file)
        let quoted = try opine(["aspects", "--lang", "en", file.path])
        #expect(quoted.status == 65)
        #expect(quoted.error.contains("\(file.path):2:"))
        #expect(quoted.error.contains("--no-quotes"))
        let plain = try opine(["aspects", "--no-quotes", "--lang", "en", file.path])
        #expect(plain.status == 0)
        #expect(plain.output.hasPrefix("2 texts"))
    }

    @Test func evalReportsAccuracy() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("opine-corpus-\(UUID().uuidString).tsv")
        try Data("text\tlabel\ngreat food\tpos\nawful service\tneg\n".utf8).write(to: file)
        let result = try opine(["eval", "--json", file.path])
        #expect(result.status == 0)
        let report = try #require(try jsonLines(result.output).first)
        let binary = try #require(report["binary"] as? [String: Any])
        #expect(binary["accuracy"] as? Double == 1)
    }

    @Test func anInstalledBinaryFindsItsLexiconsUnderShare() throws {
        // The layout scripts/install.sh makes: PREFIX/bin/opine, PREFIX/share/opine/Lexicons.
        let fileManager = FileManager.default
        let prefix = fileManager.temporaryDirectory.appendingPathComponent("opine-prefix-\(UUID().uuidString)")
        let built = try OpineRunner.binary()
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try fileManager.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: prefix.appendingPathComponent("share/opine"), withIntermediateDirectories: true)
        try fileManager.copyItem(at: built, to: prefix.appendingPathComponent("bin/opine"))
        try fileManager.copyItem(at: checkout.appendingPathComponent("Lexicons"), to: prefix.appendingPathComponent("share/opine/Lexicons"))
        defer { try? fileManager.removeItem(at: prefix) }

        // Run it by name through PATH, from another directory, as a user would.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["opine", "analyze", "--json", "--lang", "nl", "echt een aanrader"]
        process.currentDirectoryURL = fileManager.temporaryDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["OPINE_LEXICONS"] = nil
        environment["PATH"] = prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try jsonLines(String(decoding: data, as: UTF8.self)).first?["label"] as? String == "positive")
    }

    @Test func analyzeIsTheDefaultCommandAndPipesAreNotColoured() throws {
        let result = try opine(["Wat een top service!"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("positive"))
        #expect(!result.output.contains("\u{1B}["))
        // With no text and standard input not a terminal, lines are read from it.
        let piped = try opine(["--lang", "en"], input: "great\nawful\n")
        #expect(piped.output.components(separatedBy: "\n").filter { $0.contains("compound") }.map { $0.prefix(8) } == ["positive", "negative"])
    }

    @Test func unknownOptionIsAUsageError() throws {
        #expect(try opine(["analyze", "--no-such-option", "x"]).status == 64)
    }
}
