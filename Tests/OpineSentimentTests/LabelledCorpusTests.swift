import Foundation
import OpineSentiment
import Testing

struct LabelledCorpusTests {
    func write(_ text: String, _ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opine-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func tsvHasNoQuotingSoQuotesInTextsAreKept() throws {
        let url = try write("id\tlabel\ttext\n1\tpos\t\"Great\" food\n2\tneg\tbad \"service\n3\tneu\tok\n", "c.tsv")
        let corpus = try LabelledCorpus(contentsOf: url)
        #expect(corpus.items.map(\.text) == ["\"Great\" food", "bad \"service", "ok"])
        #expect(corpus.items.map(\.label) == [.positive, .negative, .neutral])
        #expect(corpus.items.map(\.line) == [2, 3, 4])
        #expect(!corpus.isBinary)
    }

    @Test func csvFollowsRFC4180() throws {
        let text = "\u{FEFF}text,label\r\n\"Good, \"\"really\"\"\nsecond line\",positive\r\nbad,negative\r\n"
        let corpus = try LabelledCorpus(contentsOf: try write(text, "c.csv"))
        #expect(corpus.items.map(\.text) == ["Good, \"really\"\nsecond line", "bad"])
        #expect(corpus.items.map(\.line) == [2, 4])
        #expect(corpus.isBinary)
    }

    @Test func scoresLabelRowsWithoutALabel() throws {
        let corpus = try LabelledCorpus(contentsOf: try write("text\tscore\na\t1.5\nb\t-0.9\nc\t0.1\n", "s.tsv"))
        #expect(corpus.items.map(\.label) == [.positive, .negative, .neutral])
        #expect(corpus.hasScores)
    }

    @Test func jsonLines() throws {
        let corpus = try LabelledCorpus(contentsOf: try write("{\"text\": \"top\", \"label\": \"pos\"}\n\n{\"text\": \"slecht\", \"label\": \"neg\"}\n", "c.jsonl"))
        #expect(corpus.items.map(\.text) == ["top", "slecht"])
        #expect(corpus.items.map(\.line) == [1, 3])
    }

    @Test(arguments: [
        ("text\tlabel\nfine\tmaybe\n", "x.tsv", 2, "field 'label' has 'maybe'"),
        ("body\tlabel\nfine\tpos\n", "x.tsv", 1, "no 'text' column"),
        ("text\tlabel\nfine\tpos\textra\n", "x.tsv", 2, "expected 2 fields, found 3"),
        ("{\"label\": \"pos\"}\n", "x.jsonl", 1, "field 'text'"),
        ("text\tscore\nfine\thigh\n", "x.tsv", 2, "field 'score'"),
        ("text,label\nfine,pos\n\"bad\" food,neg\n", "x.csv", 3, "unexpected text after the closing quote"),
        ("text,label\nfine,pos\n\"bad food,neg\n", "x.csv", 3, "not closed before the end of the file"),
    ])
    func badRowsNameFileLineAndField(_ text: String, _ name: String, _ line: Int, _ reason: String) throws {
        let url = try write(text, name)
        #expect {
            try LabelledCorpus(contentsOf: url)
        } throws: { error in
            guard case CorpusError.malformed(let path, let errorLine, let message) = error else { return false }
            return path == url.path && errorLine == line && message.contains(reason)
        }
    }

    /// Invalid UTF-8 is an error on its line, never replaced by U+FFFD in silence.
    @Test(arguments: [("x.tsv", "text\tlabel\nfine\tpos\n", 3), ("x.csv", "text,label\nfine,pos\n", 3), ("x.jsonl", "{\"text\": \"fine\", \"label\": \"pos\"}\n", 2)])
    func invalidUTF8NamesItsLine(_ name: String, _ valid: String, _ line: Int) throws {
        let badRow: [UInt8] = name == "x.jsonl" ? Array(#"{"text": "caf"#.utf8) + [0xE9] + Array(#"", "label": "pos"}"#.utf8) : Array("caf".utf8) + [0xE9] + Array((name == "x.csv" ? ",neg" : "\tneg").utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opine-\(UUID().uuidString)-\(name)")
        try Data(Array(valid.utf8) + badRow + [0x0A]).write(to: url)
        #expect {
            try LabelledCorpus(contentsOf: url)
        } throws: { error in
            guard case CorpusError.malformed(_, let errorLine, let message) = error else { return false }
            return errorLine == line && message.contains("not valid UTF-8")
        }
    }

    @Test func reportCountsBinaryAndThreeClassAndPearson() throws {
        let corpus = try LabelledCorpus(contentsOf: try write("text\tlabel\tscore\na\tpos\t2\nb\tneg\t-2\nc\tneu\t0\nd\tpos\t1\n", "r.tsv"))
        // a right, b right, c predicted neutral (0.0), d predicted negative (compound 0 → negative in binary).
        let report = EvaluationReport(corpus: corpus, compounds: [0.8, -0.6, 0.0, 0.0], languages: ["en", "en", "en", "nl"], textsPerSecond: 1)
        #expect(report.binary.count == 3)
        #expect(report.binary.accuracy == 2.0 / 3.0)
        #expect(report.binary.confusion == [[1, 1], [0, 1]])
        #expect(report.threeClass?.confusion == [[1, 1, 0], [0, 1, 0], [0, 0, 1]])
        #expect(report.languages == ["en": 3, "nl": 1])
        #expect(report.binaryByLanguage["en"]?.accuracy == 1)
        #expect(report.binaryByLanguage["nl"]?.accuracy == 0)
        #expect(try #require(report.pearson) > 0.8)
    }
}
