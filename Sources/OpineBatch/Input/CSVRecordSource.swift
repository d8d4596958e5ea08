import OpineCSV

/// The records of a CSV input (see ``CSVScanner``), blank lines skipped.
final class CSVRecordSource: RecordSource {
    private let buffer: InputBuffer
    private let file: String
    private let scanner: CSVScanner
    private var line = 1
    /// The header's column names, once known, to name a field in messages.
    var columnNames: [String] = []

    init(buffer: InputBuffer, file: String, delimiter: UInt8?, quoting: Bool) {
        self.buffer = buffer
        self.file = file
        scanner = CSVScanner(delimiter: delimiter, quoting: quoting)
    }

    func nextRecord() throws(BatchError) -> SourceRecord? {
        while true {
            let bytes = buffer.unconsumed
            switch scanner.scan(bytes, isFinal: buffer.isAtEnd) {
            case .end:
                return nil
            case .needMore:
                try buffer.refill(file: file, line: line)
            case .blank(let length):
                buffer.consume(length)
                line += 1
            case .record(let spans, let length, let lineBreaks, let problem):
                let record = SourceRecord(line: line, content: content(spans, in: bytes, problem: problem), raw: UnsafeBufferPointer(rebasing: bytes[..<length]))
                buffer.consume(length)
                line += lineBreaks
                return record
            }
        }
    }

    private func content(_ spans: [CSVScanner.FieldSpan], in bytes: UnsafeBufferPointer<UInt8>, problem: String?) -> SourceRecord.Content {
        // Every problem the scanner reports is about quoting: a file whose quotes are plain
        // text (a TSV written without quoting) reads with quoting off.
        if let problem { return .malformed(problem + " (--no-quotes reads quotes as plain text)") }
        var values: [String] = []
        values.reserveCapacity(spans.count)
        for (index, span) in spans.enumerated() {
            guard let value = CSVScanner.decode(span, in: bytes) else {
                let name = index < columnNames.count ? "'\(columnNames[index])'" : "\(index + 1)"
                return .malformed("field \(name) is not valid UTF-8")
            }
            values.append(value)
        }
        return .values(values)
    }
}
