import Testing
@testable import OpineBatch

/// How rows are written: CSV quoting, JSON escaping, numbers, formats by name.
struct OutputEncodingTests {
    let appended = [AppendedValue(text: "positive", isJSON: false), AppendedValue(text: "0.5", isJSON: true)]

    @Test func csvQuotesOnlyWhatNeedsIt() {
        let encoder = CSVRowEncoder(delimiter: UInt8(ascii: ","), columns: ["id", "text", "note"], appendedNames: ["label", "compound"], byteOrderMark: false)
        var output: [UInt8] = []
        encoder.append(
            [
                Field(name: "text", value: .string("a, \"b\"\nc")), Field(name: "id", value: .json("12")),
                Field(name: "note", value: .null),
            ], appended, to: &output)
        #expect(String(decoding: encoder.prologue, as: UTF8.self) == "id,text,note,label,compound\n")
        #expect(String(decoding: output, as: UTF8.self) == "12,\"a, \"\"b\"\"\nc\",,positive,0.5\n")
    }

    @Test func csvQuotesTheDelimiterInUse() {
        let encoder = CSVRowEncoder(delimiter: UInt8(ascii: ";"), columns: ["text"], appendedNames: [], byteOrderMark: true)
        var output: [UInt8] = []
        encoder.append([Field(name: "text", value: .string("a;b, c"))], [], to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "\"a;b, c\"\n")
        #expect(encoder.prologue.prefix(3) == [0xEF, 0xBB, 0xBF])
    }

    @Test func csvRejectsAFieldThatHasNoColumn() {
        let encoder = CSVRowEncoder(delimiter: UInt8(ascii: ","), columns: ["text"], appendedNames: [], byteOrderMark: false)
        #expect(encoder.rejectionReason(for: [Field(name: "text", value: .string("")), Field(name: "extra", value: .null)])?.hasPrefix("field 'extra' is not a column of the CSV output") == true)
        #expect(encoder.rejectionReason(for: [Field(name: "text", value: .string(""))]) == nil)
    }

    @Test func jsonEscapesStringsAndKeepsRawValues() throws {
        let encoder = JSONRowEncoder(appendedNames: ["label", "compound"], asArray: false)
        var output: [UInt8] = []
        encoder.append(
            [
                Field(name: "id", value: .json("12345678901234567890")), Field(name: "text", value: .string("\"q\" \\ \n\t\u{1} é👍")),
                Field(name: "meta", value: .json(#"{"a":[1]}"#)), Field(name: "none", value: .null),
            ], appended, to: &output)
        let line = String(decoding: output, as: UTF8.self)
        #expect(line == #"{"id":12345678901234567890,"text":"\"q\" \\ \n\t\u0001 é👍","meta":{"a":[1]},"none":null,"label":"positive","compound":0.5}"# + "\n")
        let object = try #require(try jsonObjects(line).first)
        #expect(object["text"] as? String == "\"q\" \\ \n\t\u{1} é👍")
    }

    @Test func jsonRejectsAFieldNamedLikeASentimentField() {
        let encoder = JSONRowEncoder(appendedNames: ["label"], asArray: false)
        #expect(encoder.rejectionReason(for: [Field(name: "label", value: .string("pos"))]) == "field 'label' has the name of a sentiment field; name those apart with --field-prefix")
    }

    @Test func aJSONArraySeparatesRowsWithCommas() {
        let encoder = JSONRowEncoder(appendedNames: [], asArray: true)
        var output: [UInt8] = encoder.prologue
        encoder.append([Field(name: "a", value: .json("1"))], [], to: &output)
        #expect(String(decoding: output + encoder.epilogue, as: UTF8.self) == "[\n,\n{\"a\":1}\n]\n")
    }

    @Test(arguments: [(0.4215, "0.4215"), (-0.5, "-0.5"), (0, "0"), (1, "1"), (0.00004, "0"), (-0.00006, "-0.0001"), (0.99996, "1"), (0.1, "0.1"), (0.0102, "0.0102")])
    func numbersHaveAtMostFourDecimals(value: Double, text: String) {
        #expect(SentimentValues.decimal(value) == text)
    }

    @Test(arguments: [
        ("out.csv", OutputFormat?.some(.csv)), ("OUT.TSV", .tsv), ("a.jsonl", .jsonl), ("a.ndjson", .jsonl), ("a.json", .json),
        ("dir.v2/out.csv.gz", .csv), ("a.jsonl.gz", .jsonl), ("out.txt", nil), ("out", nil), ("dir.csv/out", nil),
    ])
    func theFormatFollowsTheExtension(path: String, format: OutputFormat?) {
        #expect(OutputFormat(path: path) == format)
    }
}
