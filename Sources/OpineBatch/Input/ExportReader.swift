/// Reads the rows of one comment export, streaming: CSV, JSON Lines or a JSON array,
/// told apart by the first character (`[` a JSON array, `{` JSON Lines, else CSV).
///
/// A UTF-8 byte-order mark is skipped; a UTF-16 file is refused with a hint to convert
/// it. Each call to ``next()`` returns one row, or one rejection naming the line and the
/// field at fault, so that every input row is accounted for. Damage after which the
/// rest of the file cannot be read (a JSON array that is not valid JSON, a row longer
/// than ``ReaderOptions/rowLimit``) throws ``BatchError/malformedInput(path:line:reason:)``.
///
/// ```swift
/// let reader = try ExportReader(path: "reviews.csv.gz")
/// while let result = try reader.next() {
///     if case .row(let row) = result { print(row.line, row.text) }
/// }
/// ```
public final class ExportReader {
    /// The input as messages name it (`<stdin>` for `-`).
    public let file: String
    /// The format read.
    public let format: InputFormat
    /// The CSV header, or the keys of the JSON objects read so far in order of appearance
    /// (after opening, those of the first object).
    public private(set) var columns: [String] = []
    /// The column that plays each role. For JSON, roles are found among the keys read so
    /// far: a rating key that first appears in the tenth object is used from there on.
    public private(set) var roles: [ColumnRole: String] = [:]
    /// Whether the input starts with a UTF-8 byte-order mark.
    public let hasByteOrderMark: Bool
    /// The size of the file on disk, nil for a pipe.
    public let size: Int?

    private let buffer: InputBuffer
    private let source: any RecordSource
    private let options: ReaderOptions
    /// The first record, read when opening to learn the columns.
    private var pending: SourceRecord?
    /// The keys of the JSON objects read so far.
    private var knownKeys = Set<String>()
    /// The position of each role's column in the CSV header, by ``ColumnRole`` order.
    private var roleIndexes: [Int?] = []

    /// Bytes taken from the file so far (compressed bytes for a `.gz` file).
    public var bytesFromFile: Int { buffer.consumedFromFile }
    /// Decompressed bytes read so far.
    public var bytesRead: Int { buffer.bytesRead }

    /// Opens `path` (`-` for standard input, `.gz` decompressed), tells its format and
    /// reads its header (CSV) or first row (JSON).
    /// - Throws: ``BatchError/unreadableInput(path:reason:)``;
    ///   ``BatchError/malformedInput(path:line:reason:)`` for a UTF-16 file, a malformed CSV
    ///   header, or no text column; ``BatchError/usage(_:)`` for a named column a CSV
    ///   file lacks.
    public init(path: String, options: ReaderOptions = .init()) throws(BatchError) {
        let opened = try InputOpener.open(path, capacity: options.bufferCapacity, limit: options.rowLimit)
        buffer = opened.buffer
        size = opened.size
        file = FileSource.displayName(path)
        self.options = options
        while buffer.unconsumed.count < 3, try buffer.fill() {}
        let start = buffer.unconsumed
        if start.count >= 2 && ((start[0], start[1]) == (0xFF, 0xFE) || (start[0], start[1]) == (0xFE, 0xFF)) {
            throw .malformedInput(
                path: file, line: 1, reason: "the file is UTF-16, not UTF-8; convert it first (iconv -f UTF-16 -t UTF-8)")
        }
        hasByteOrderMark = start.count >= 3 && (start[0], start[1], start[2]) == (0xEF, 0xBB, 0xBF)
        if hasByteOrderMark { buffer.consume(3) }
        format = try Self.detectFormat(buffer, delimiter: options.delimiter)
        switch format {
        case .csv(let delimiter):
            let csv = CSVRecordSource(buffer: buffer, file: file, delimiter: delimiter, quoting: options.quoting)
            source = csv
            try readHeader(csv)
        case .jsonLines:
            source = JSONLinesSource(buffer: buffer, file: file)
            try readFirstObject()
        case .jsonArray:
            source = JSONArraySource(buffer: buffer, file: file)
            try readFirstObject()
        }
    }

    /// The next row or rejection, nil at the end of the input.
    public func next() throws(BatchError) -> ReadResult? {
        var next = pending
        pending = nil
        if next == nil { next = try source.nextRecord() }
        guard let record = next else { return nil }
        switch record.content {
        case .malformed(let reason):
            return reject(record, reason)
        case .values(let values):
            guard values.count == columns.count else {
                return reject(record, "expected \(columns.count) fields as in the header, found \(values.count)")
            }
            let fields = zip(columns, values).map { Field(name: $0, value: .string($1)) }
            return row(fields, indexes: roleIndexes, record)
        case .object(let fields):
            if fields.contains(where: { !knownKeys.contains($0.name) }) { try learnKeys(of: fields, line: record.line) }
            let indexes = ColumnRole.allCases.map { role in roles[role].flatMap { name in fields.firstIndex { $0.name == name } } }
            return row(fields, indexes: indexes, record)
        }
    }

    // MARK: - Opening

    private static func detectFormat(_ buffer: InputBuffer, delimiter: UInt8?) throws(BatchError) -> InputFormat {
        while true {
            let bytes = buffer.unconsumed
            let first = JSONObjectParser.skippingWhitespace(bytes, from: 0)
            if first < bytes.count {
                if bytes[first] == UInt8(ascii: "[") { return .jsonArray }
                if bytes[first] == UInt8(ascii: "{") { return .jsonLines }
                break
            }
            if try !buffer.fill() { break }
        }
        if let delimiter { return .csv(delimiter: delimiter) }
        // The whole header line, to count its delimiters.
        while LineFeeds.first(in: buffer.unconsumed) == nil, try buffer.fill() {}
        return .csv(delimiter: DelimiterDetector.detect(header: buffer.unconsumed))
    }

    private func readHeader(_ csv: CSVRecordSource) throws(BatchError) {
        guard let header = try csv.nextRecord() else { return }
        switch header.content {
        case .values(let names):
            columns = HeaderNames.unique(names)
            csv.columnNames = columns
            roles = try options.columns.resolve(columns: columns, file: file, line: header.line, strict: true)
            roleIndexes = ColumnRole.allCases.map { role in roles[role].flatMap { columns.firstIndex(of: $0) } }
        case .malformed(let reason):
            throw .malformedInput(path: file, line: header.line, reason: "in the header, \(reason)")
        case .object:
            preconditionFailure("CSV has no objects")
        }
    }

    private func readFirstObject() throws(BatchError) {
        pending = try source.nextRecord()
        if let pending, case .object(let fields) = pending.content { try learnKeys(of: fields, line: pending.line) }
    }

    /// Adds the new keys of a JSON object to ``columns`` and finds the roles not yet
    /// found among them; roles already found stay with their column.
    private func learnKeys(of fields: [Field], line: Int) throws(BatchError) {
        for field in fields where knownKeys.insert(field.name).inserted { columns.append(field.name) }
        let found = try options.columns.resolve(columns: columns, file: file, line: line, strict: false)
        roles.merge(found) { existing, _ in existing }
    }

    // MARK: - Rows

    private func reject(_ record: SourceRecord, _ reason: String) -> ReadResult {
        .rejected(Rejection(file: file, line: record.line, reason: reason, raw: record.rawText))
    }

    /// The row of `fields`, whose role columns are at `indexes` (by ``ColumnRole`` order),
    /// or its rejection.
    private func row(_ fields: [Field], indexes: [Int?], _ record: SourceRecord) -> ReadResult {
        func value(_ role: ColumnRole) -> FieldValue? {
            indexes[ColumnRole.allCases.firstIndex(of: role)!].map { fields[$0].value }
        }
        let textName = roles[.text]!
        let text: String
        switch value(.text) {
        case nil: return reject(record, "no '\(textName)' field")
        case .string(let string): text = string
        case .null: text = ""
        case .json: return reject(record, "field '\(textName)' is not a string")
        }
        var rating: Double?
        if let ratingValue = value(.rating)?.text {
            do {
                rating = try StarRating.parse(ratingValue)
            } catch {
                return reject(
                    record,
                    "field '\(roles[.rating]!)' has '\(error.value)', not a star rating from 1 to 5 (--rating-column none ignores it)")
            }
        }
        return .row(
            Row(
                file: file, line: record.line, fields: fields, text: text, id: value(.id)?.text,
                author: value(.author)?.text, time: value(.time)?.text, kind: value(.kind)?.text, rating: rating))
    }
}
