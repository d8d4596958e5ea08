import Testing
@testable import OpineBatch

/// JSON Lines and JSON arrays: key order, exact numbers, nested values, and rejects.
struct JSONReadingTests {
    @Test func jsonLinesKeepFieldOrderExactNumbersAndNestedValues() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write(
            "export.jsonl",
            #"{"id": 12345678901234567890, "message": "Top \"service\" \u00e9\ud83d\udc4d", "meta": {"likes": [1, 2], "x": null}, "ok": true, "gone": null}"#
                + "\n")
        let reader = try ExportReader(path: path)
        #expect(reader.format == .jsonLines)
        #expect(reader.roles[.text] == "message")
        let row = try #require(try reader.next()?.row)
        #expect(row.fields.map(\.name) == ["id", "message", "meta", "ok", "gone"])
        #expect(row.text == "Top \"service\" é👍")
        #expect(row.fields[0].value == .json("12345678901234567890"))
        #expect(row.fields[2].value == .json(#"{"likes":[1,2],"x":null}"#))
        #expect(row.fields[3].value == .json("true"))
        #expect(row.fields[4].value == .null)
        #expect(row.id == "12345678901234567890")
    }

    @Test func jsonLinesRejectBadLinesAndGoOn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write(
            "export.jsonl",
            """
            {"text": "good"}

            {"text": "broken
            ["not", "an object"]
            {"text": 42}
            {"body": "no text field"}
            {"text": null, "rating": "4,5"}
            {"text": "two"} {"text": "values"}
            {"text": "last", "rating": 9}
            """)
        let results = try readAll(path)
        #expect(results.count == 8)
        #expect(results[0].row?.text == "good")
        #expect(results[1].rejection?.line == 3)
        #expect(results[1].rejection?.reason == "invalid JSON at column 17: the JSON ends early")
        #expect(results[1].rejection?.raw == #"{"text": "broken"#)
        #expect(results[2].rejection?.reason == "expected a JSON object, found an array")
        #expect(results[3].rejection?.reason == "field 'text' is not a string")
        #expect(results[4].rejection?.reason == "no 'text' field")
        #expect(results[5].row?.text == "")
        #expect(results[5].row?.rating == 4.5)
        #expect(results[6].rejection?.reason == "text after the JSON value, at column 17")
        #expect(results[7].rejection?.reason == "field 'rating' has '9', not a star rating from 1 to 5 (--rating-column none ignores it)")
        #expect(results.map { $0.row?.line ?? $0.rejection!.line } == [1, 3, 4, 5, 6, 7, 8, 9])
        #expect(results[2].rejection?.raw == #"["not", "an object"]"#)
    }

    @Test func aPrettyPrintedJSONArrayIsReadElementByElement() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write(
            "export.json",
            """
            [
              {
                "review": "Heel tevreden",
                "stars": 5
              },
              "a string",
              {"review": "Nooit meer", "stars": 1}
            ]

            """)
        let reader = try ExportReader(path: path)
        #expect(reader.format == .jsonArray)
        let results = try readAll(path)
        #expect(results.count == 3)
        #expect(results[0].row?.text == "Heel tevreden")
        #expect(results[0].row?.rating == 5)
        #expect(results[0].row?.line == 2)
        #expect(results[1].rejection?.reason == "expected a JSON object, found a string")
        #expect(results[1].rejection?.line == 6)
        #expect(results[2].row?.line == 7)
        #expect(results[2].row?.rating == 1)
    }

    @Test func aJSONArrayReadsTheSameThroughASmallBuffer() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let elements = (0..<200).map { #"{"id": \#($0), "text": "Prima \"product\" \u00e9 👍 \#(String(repeating: "ü", count: $0 % 30))", "n": -1.5e3}"# }
        let path = try scratch.write("export.json", "[\n" + elements.joined(separator: ",\n") + "\n]")
        let small = try readAll(path, ReaderOptions(bufferCapacity: 16))
        let large = try readAll(path)
        #expect(small == large)
        #expect(large.compactMap(\.row).count == 200)
        #expect(large.compactMap(\.row).last?.line == 201)
    }

    @Test func anEmptyJSONArrayHasNoRows() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try readAll(try scratch.write("empty.json", " [ \n ] \n")).isEmpty)
    }

    @Test(arguments: [
        ("[{\"text\": \"a\"}, {\"text\": \"b\",}]", 1, "invalid JSON: expected a key in quotes"),
        ("[{\"text\": \"a\"}\n{\"text\": \"b\"}]", 2, "expected ',' or ']' after an element of the array"),
        ("[{\"text\": \"a\"},\n{\"text\": \"b\"}", 2, "the JSON array is not closed with ']'"),
        ("[{\"text\": \"a\"}]\n{}", 2, "text after the end of the JSON array"),
    ])
    func damageInAJSONArrayStopsTheRunAtItsLine(json: String, line: Int, reason: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.json", json)
        #expect(throws: BatchError.malformedInput(path: path, line: line, reason: reason)) { try readAll(path) }
    }

    @Test func aNamedTextColumnIsFoundInLaterObjects() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.jsonl", "{\"id\": 1}\n{\"id\": 2, \"body\": \"later\"}\n")
        var options = ReaderOptions()
        options.columns[.text] = .named("body")
        let results = try readAll(path, options)
        #expect(results[0].rejection?.reason == "no 'body' field")
        #expect(results[1].row?.text == "later")
    }

    @Test func jsonWithoutATextFieldNamesTheFieldsItHas() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.jsonl", "{\"id\": 1, \"note\": \"x\"}\n")
        #expect {
            try ExportReader(path: path)
        } throws: { error in
            guard case .malformedInput(let file, 1, let reason) = error as? BatchError else { return false }
            return file == path && reason.contains("'id', 'note'") && reason.contains("--text-column")
        }
    }
}
