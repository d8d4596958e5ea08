import Testing
@testable import OpineBatch

/// The CSV quirks of real exports, each on a hand-made file.
struct CSVReadingTests {
    @Test func quotedFieldsDoubledQuotesAndLineBreaksInsideQuotes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write(
            "export.csv",
            "id,text\n1,\"Great, really \"\"great\"\" service\"\n2,\"first line\nsecond line\"\n3,plain\n")
        let rows = try readAll(path).compactMap(\.row)
        #expect(rows.map(\.text) == ["Great, really \"great\" service", "first line\nsecond line", "plain"])
        #expect(rows.map(\.line) == [2, 3, 5])
        #expect(rows.map(\.id) == ["1", "2", "3"])
    }

    @Test func byteOrderMarkAndCRLFAreNotPartOfTheData() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv", [0xEF, 0xBB, 0xBF] + Array("text,id\r\nGoed gedaan,7\r\n\"two\r\nlines\",8\r\n".utf8))
        let reader = try ExportReader(path: path)
        #expect(reader.hasByteOrderMark)
        #expect(reader.columns == ["text", "id"])
        let rows = try readAll(path).compactMap(\.row)
        #expect(rows.map(\.text) == ["Goed gedaan", "two\r\nlines"])
        #expect(rows.map(\.id) == ["7", "8"])
        #expect(rows.map(\.line) == [2, 3])
    }

    @Test(arguments: [(";", UInt8(ascii: ";")), ("\t", 0x09), (",", UInt8(ascii: ","))])
    func delimiterIsDetectedFromTheHeader(delimiter: String, byte: UInt8) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let header = ["id", "bericht", "sterren"].joined(separator: delimiter)
        let row = ["1", "\"Top, echt; top\"", "5"].joined(separator: delimiter)
        let path = try scratch.write("export.csv", "\(header)\n\(row)\n")
        let reader = try ExportReader(path: path)
        #expect(reader.format == .csv(delimiter: byte))
        let rows = try readAll(path).compactMap(\.row)
        #expect(rows.map(\.text) == ["Top, echt; top"])
        #expect(rows.first?.rating == 5)
    }

    @Test func aGivenDelimiterOverridesDetection() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // No comma, semicolon or tab in the header: detected as one column named `text|note`.
        let path = try scratch.write("export.csv", "text|note\nfine, thanks|a; b\n")
        #expect(throws: BatchError.self) { try ExportReader(path: path) }
        let rows = try readAll(path, ReaderOptions(delimiter: UInt8(ascii: "|"))).compactMap(\.row)
        #expect(rows.map(\.text) == ["fine, thanks"])
        #expect(rows.first?["note"] == "a; b")
    }

    @Test func aOneColumnFileKeepsCommasInItsRows() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("comments.csv", "comment\nslow, but friendly\n")
        #expect(try readAll(path).compactMap(\.row).map(\.text) == ["slow, but friendly"])
    }

    @Test func blankLinesAreSkippedAndALastRowWithoutLineBreakIsRead() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv", "text\n\nfirst\r\n\r\nlast")
        let results = try readAll(path)
        #expect(results.compactMap(\.row).map(\.text) == ["first", "last"])
        #expect(results.compactMap(\.row).map(\.line) == [3, 5])
    }

    @Test func aTrailingDelimiterIsAnEmptyLastField() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv", "text,rating\nok,\n")
        let row = try #require(try readAll(path).first?.row)
        #expect(row["rating"] == "")
        #expect(row.rating == nil)
    }

    @Test func emptyAndRepeatedHeaderNamesAreMadeUnique() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv", "text,,note,note\na,b,c,d\n")
        #expect(try ExportReader(path: path).columns == ["text", "column2", "note", "note_2"])
    }

    @Test func aRowWithTheWrongNumberOfFieldsIsRejectedWithItsLineAndRawText() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv", "id,text\n1,good\n2,too,many\n3,bad\n")
        let results = try readAll(path)
        #expect(results.count == 3)
        let rejection = try #require(results[1].rejection)
        #expect(rejection.line == 3)
        #expect(rejection.reason == "expected 2 fields as in the header, found 3")
        #expect(rejection.raw == "2,too,many")
        #expect(rejection.file == path)
        #expect(results[2].row?.text == "bad")
    }

    @Test func textAfterAClosingQuoteIsRejectedNamingTheField() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv", "id,text\n1,\"quoted\"junk\n2,fine\n")
        let results = try readAll(path)
        #expect(results[0].rejection?.reason == "field 2: unexpected text after the closing quote (--no-quotes reads quotes as plain text)")
        #expect(results[0].rejection?.line == 2)
        #expect(results[1].row?.text == "fine")
    }

    /// With quoting off, quotes are plain text: a TSV corpus written without quoting reads
    /// row by row, quotes kept, where RFC 4180 reading rejects the row.
    @Test func quotingOffReadsQuotesAsPlainText() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("corpus.tsv", "id\ttext\n1\t\" this vanished\" after a month\n2\tfine \"quoted\"\n")
        let quoted = try readAll(path)
        #expect(quoted[0].rejection?.reason.hasSuffix("(--no-quotes reads quotes as plain text)") == true)
        let plain = try readAll(path, ReaderOptions(quoting: false))
        #expect(plain.map { $0.row?.text } == ["\" this vanished\" after a month", "fine \"quoted\""])
        #expect(plain.map { $0.row?.line } == [2, 3])
    }

    @Test func aQuoteNeverClosedRejectsTheRestOfTheFileAsOneRow() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv", "id,text\n1,fine\n2,\"never closed\n3,more\n")
        let results = try readAll(path)
        #expect(results.count == 2)
        let rejection = try #require(results[1].rejection)
        #expect(rejection.line == 3)
        #expect(rejection.reason.contains("not closed before the end of the file"))
        #expect(rejection.raw == "2,\"never closed\n3,more")
    }

    @Test func aRowLongerThanTheLimitStopsWithAnErrorInsteadOfFillingMemory() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv", "text\nok\n\"" + String(repeating: "x", count: 5000) + "\n")
        let options = ReaderOptions(bufferCapacity: 64, rowLimit: 1024)
        #expect(throws: BatchError.malformedInput(path: path, line: 3, reason: "a row longer than 1024 bytes; is a quote or bracket never closed?")) {
            try readAll(path, options)
        }
    }

    @Test func invalidUTF8IsRejectedNamingTheField() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // "café" in Windows-1252: é is the single byte 0xE9.
        let path = try scratch.write("export.csv", Array("id,text\n1,caf".utf8) + [0xE9] + Array("\n2,ok\n".utf8))
        let results = try readAll(path)
        #expect(results[0].rejection?.reason == "field 'text' is not valid UTF-8")
        #expect(results[0].rejection?.raw == "1,caf\u{FFFD}")
        #expect(results[1].row?.text == "ok")
    }

    @Test func aUTF16FileIsRefusedWithAHint() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv", [0xFF, 0xFE] + Array("t\0e\0x\0t\0".utf8))
        #expect(throws: BatchError.malformedInput(path: path, line: 1, reason: "the file is UTF-16, not UTF-8; convert it first (iconv -f UTF-16 -t UTF-8)")) {
            try ExportReader(path: path)
        }
    }

    @Test func aMalformedHeaderStopsTheRun() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("export.csv", "\"text\"x,id\n")
        #expect(throws: BatchError.malformedInput(path: path, line: 1, reason: "in the header, field 1: unexpected text after the closing quote (--no-quotes reads quotes as plain text)")) {
            try ExportReader(path: path)
        }
    }

    @Test func anEmptyFileHasNoRows() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("empty.csv", "")
        #expect(try readAll(path).isEmpty)
    }

    @Test func aSmallBufferReadsTheSameAsALargeOne() throws {
        // Rows straddle every refill boundary: CRLF split between reads, quotes split,
        // doubled quotes split, multi-byte characters split, a row larger than the buffer.
        let scratch = try Scratch()
        defer { scratch.remove() }
        var text = "id;text;rating\r\n"
        for number in 0..<300 {
            text += "\(number);\"Één \"\"top\"\" 👍🏽; dag\r\nnieuwe regel \(String(repeating: "é", count: number % 40))\";\(number % 5 + 1)\r\n"
        }
        let path = try scratch.write("export.csv", text)
        let small = try readAll(path, ReaderOptions(bufferCapacity: 16))
        let large = try readAll(path)
        #expect(small == large)
        #expect(large.count == 300)
        #expect(large.compactMap(\.row).map(\.line) == (0..<300).map { 2 + 2 * $0 })
    }
}
