/// One input row: every field as read, and the values of the columns that play a role.
public struct Row: Sendable, Hashable {
    /// The input it came from, as named in messages (`<stdin>` for standard input).
    public var file: String
    /// The line it starts on (1-based; the CSV header is line 1).
    public var line: Int
    /// Every field, in input order.
    public var fields: [Field]
    /// The text to score (empty when the text field is empty or null).
    public var text: String
    /// The value of the ``ColumnRole/id`` column, if any.
    public var id: String?
    /// The value of the ``ColumnRole/author`` column, if any.
    public var author: String?
    /// The value of the ``ColumnRole/time`` column, as written, if any.
    public var time: String?
    /// The value of the ``ColumnRole/kind`` column, if any.
    public var kind: String?
    /// The star rating, 1 to 5, when the row has one.
    public var rating: Double?

    /// Creates a row.
    public init(
        file: String, line: Int, fields: [Field], text: String, id: String? = nil, author: String? = nil,
        time: String? = nil, kind: String? = nil, rating: Double? = nil
    ) {
        self.file = file
        self.line = line
        self.fields = fields
        self.text = text
        self.id = id
        self.author = author
        self.time = time
        self.kind = kind
        self.rating = rating
    }
}

/// An input row that could not be used, with why and its raw text.
public struct Rejection: Sendable, Hashable {
    /// The input it came from.
    public var file: String
    /// The line it starts on.
    public var line: Int
    /// Why it was rejected, naming the field at fault.
    public var reason: String
    /// The row as it was in the input (bytes that are not UTF-8 shown as U+FFFD).
    public var raw: String

    /// Creates a rejection.
    public init(file: String, line: Int, reason: String, raw: String) {
        self.file = file
        self.line = line
        self.reason = reason
        self.raw = raw
    }

    /// The error that stops a run on this row under `--on-error fail`.
    public var error: BatchError { .malformedInput(path: file, line: line, reason: reason) }
}

/// One input row, read or rejected.
public enum ReadResult: Sendable, Hashable {
    /// A row to score.
    case row(Row)
    /// A row that cannot be used.
    case rejected(Rejection)
}
