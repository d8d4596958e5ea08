import Foundation
import OpineAspects
import Testing
@testable import OpineBatch

/// The `opinions` field: its content, how CSV and JSON carry it, and that it is written
/// only when asked for.
struct OpinionsColumnTests {
    static let foodAndWaiter = "the food was great but the waiter was rude"

    @discardableResult
    func run(_ options: BatchOptions) throws -> BatchSummary {
        try BatchJob(options: options).run(analyzer: sharedAnalyzer)
    }

    @Test func aKnownRowHasFoodPositiveAndServiceNegative() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.csv", "id,text\n1,\(Self.foodAndWaiter)\n")
        try run(BatchOptions(inputs: [input], output: scratch.path("out.jsonl"), jobs: 1, opinions: sharedExtractor))
        let object = try #require(try jsonObjects(try scratch.read("out.jsonl")).first)
        let opinions = try #require(object["opinions"] as? [[String: Any]])
        #expect(opinions.map { $0["category"] as? String } == ["FOOD", "SERVICE"])
        #expect(opinions.map { $0["polarity"] as? String } == ["positive", "negative"])
        #expect(opinions.map { $0["target"] as? String } == ["food", "waiter"])
        #expect(opinions.map { $0["term"] as? String } == ["food", "waiter"])
        #expect((opinions[0]["score"] as? Double ?? 0) > 0.05)
        #expect((opinions[1]["score"] as? Double ?? 0) < -0.05)
        let words = opinions.map { ($0["words"] as? [[String: Any]])?.map { $0["text"] as? String } }
        #expect(words == [["great"], ["rude"]])
        let rules = try #require((opinions[1]["words"] as? [[String: Any]])?.first?["rules"] as? [String])
        #expect(rules.contains { $0.hasPrefix("afterContrast") })
    }

    @Test func anOpinionWithoutATargetHasNullTargetAndTerm() throws {
        let (_, opinions) = sharedExtractor.opinions(in: "not good at all", analyzer: sharedAnalyzer)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(OpinionsJSON.array(opinions).utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        #expect(array.first?["target"] is NSNull)
        #expect(array.first?["term"] is NSNull)
        #expect(array.first?["category"] as? String == "GENERAL")
        #expect(array.first?["polarity"] as? String == "negative")
    }

    @Test func aTextWithoutOpinionsHasAnEmptyArray() {
        #expect(OpinionsJSON.array([]) == "[]")
    }

    /// The JSON in a CSV cell is full of quotes and commas, and a text may add line breaks
    /// and the delimiter: reading the output back gives the same JSON text.
    @Test(arguments: [(",", "out.csv"), (";", "out.csv"), (",", "out.tsv")])
    func theCSVCellReadsBackAsTheSameJSON(delimiter: String, outputName: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let texts = [
            Self.foodAndWaiter, "The \"pizza\" was awful; the staff, though, were lovely", "De bezorging was traag,\nmaar het product is top",
            "ok",
        ]
        let rows = texts.enumerated().map { "\($0)\(delimiter)\"\($1.replacingOccurrences(of: "\"", with: "\"\""))\"\n" }
        let input = try scratch.write("in.csv", "id\(delimiter)text\n" + rows.joined())
        try run(BatchOptions(inputs: [input], output: scratch.path(outputName), jobs: 2, opinions: sharedExtractor, chunkRows: 1))
        let read = try readAll(scratch.path(outputName)).compactMap(\.row)
        #expect(read.map(\.text) == texts)
        for row in read {
            let cell = try #require(row["opinions"])
            let expected = OpinionsJSON.array(sharedExtractor.opinions(in: row.text, analyzer: sharedAnalyzer).opinions)
            #expect(cell == expected)
            #expect(try JSONSerialization.jsonObject(with: Data(cell.utf8)) is [Any])
        }
        #expect(read.first?["opinions"]?.contains("\"SERVICE\"") == true)
        // RFC 4180: a cell with quotes is quoted, its quotes doubled.
        #expect(try scratch.read(outputName).contains(#""[{""target"":""food"","#))
    }

    @Test func jsonOutputHasARealArrayNotAString() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.jsonl", #"{"text": "great food"}"# + "\n" + #"{"text": "nothing to say"}"# + "\n")
        try run(BatchOptions(inputs: [input], output: scratch.path("out.json"), jobs: 1, opinions: sharedExtractor))
        let array = try #require(try JSONSerialization.jsonObject(with: Data(try scratch.read("out.json").utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect((array[0]["opinions"] as? [[String: Any]])?.first?["category"] as? String == "FOOD")
        #expect((array[1]["opinions"] as? [Any])?.isEmpty == true)
        #expect(!(array[0]["opinions"] is String))
    }

    @Test func withoutAnExtractorThereIsNoOpinionsFieldAndNoAspectSummary() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.csv", "text\n\(Self.foodAndWaiter)\n")
        let summary = try run(BatchOptions(inputs: [input], output: scratch.path("out.csv"), jobs: 1))
        #expect(try scratch.read("out.csv").hasPrefix("text,label,compound,positive,negative,neutral,subjectivity,language,stance\n"))
        #expect(summary.tally.aspects.texts == 0)
        #expect(!summary.rendered.contains("opinions"))
    }

    @Test func anInputFieldNamedOpinionsGetsTheSentimentFieldsPrefixed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = try scratch.write("in.csv", "text,opinions\ngreat food,mine\n")
        let job = try BatchJob(options: BatchOptions(inputs: [input], output: scratch.path("out.jsonl"), jobs: 1, opinions: sharedExtractor))
        #expect(job.sentimentNames.last == "opine_opinions")
        _ = try job.run(analyzer: sharedAnalyzer)
        let object = try #require(try jsonObjects(try scratch.read("out.jsonl")).first)
        #expect(object["opinions"] as? String == "mine")
        #expect(object["opine_opinions"] is [Any])
    }
}
