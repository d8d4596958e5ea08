/// A value appended to every output row after the input fields (the sentiment fields).
struct AppendedValue: Sendable, Hashable {
    var text: String
    /// Whether ``text`` is JSON (a number, an array) that JSON output writes as it is,
    /// rather than as a string.
    var isJSON: Bool
}

/// Turns rows into the bytes of one output format: each row's fields, then the values
/// named ``appendedNames``.
protocol RowEncoder: Sendable {
    /// The names of the values appended to every row.
    var appendedNames: [String] { get }
    /// The bytes before the first row (a CSV header, a JSON array's `[`).
    var prologue: [UInt8] { get }
    /// The bytes after the last row.
    var epilogue: [UInt8] { get }
    /// The bytes written before every row but the first (`,` between JSON array elements).
    var separator: [UInt8] { get }
    /// Why a row with these fields cannot be written in this format, or nil.
    func rejectionReason(for fields: [Field]) -> String?
    /// Appends ``separator``, then a row of `fields` and `appended` values (one per
    /// ``appendedNames``) to `output`. The row must have no ``rejectionReason(for:)``.
    func append(_ fields: [Field], _ appended: [AppendedValue], to output: inout [UInt8])
}
