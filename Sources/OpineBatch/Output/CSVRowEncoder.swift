/// Writes rows as RFC 4180 CSV: the input columns, then the appended values. A value is
/// quoted when it holds the delimiter, a quote or a line break; lines end in LF. A JSON
/// null is an empty cell; nested JSON values are their compact JSON text.
struct CSVRowEncoder: RowEncoder {
    let delimiter: UInt8
    /// The input columns, in output order.
    let columns: [String]
    let appendedNames: [String]
    /// Whether to start with a UTF-8 byte-order mark (for spreadsheet programs).
    let byteOrderMark: Bool
    private let positions: [String: Int]

    init(delimiter: UInt8, columns: [String], appendedNames: [String], byteOrderMark: Bool) {
        self.delimiter = delimiter
        self.columns = columns
        self.appendedNames = appendedNames
        self.byteOrderMark = byteOrderMark
        positions = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var prologue: [UInt8] {
        var bytes: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        appendLine(columns + appendedNames, to: &bytes)
        return bytes
    }

    var epilogue: [UInt8] { [] }
    var separator: [UInt8] { [] }

    func rejectionReason(for fields: [Field]) -> String? {
        guard let unknown = fields.first(where: { positions[$0.name] == nil }) else { return nil }
        return "field '\(unknown.name)' is not a column of the CSV output (the columns come from the inputs' "
            + "headers and, for JSON from standard input, the first object); write JSON Lines to keep it"
    }

    func append(_ fields: [Field], _ appended: [AppendedValue], to output: inout [UInt8]) {
        var cells = [String](repeating: "", count: columns.count)
        for field in fields {
            cells[positions[field.name]!] = field.value.text ?? ""
        }
        appendLine(cells + appended.map(\.text), to: &output)
    }

    private func appendLine(_ cells: [String], to output: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { output.append(delimiter) }
            appendCell(cell, to: &output)
        }
        output.append(UInt8(ascii: "\n"))
    }

    private func appendCell(_ cell: String, to output: inout [UInt8]) {
        var cell = cell
        cell.withUTF8 { bytes in
            let needsQuotes = bytes.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else { return output.append(contentsOf: bytes) }
            output.append(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { output.append(byte) }
                output.append(byte)
            }
            output.append(UInt8(ascii: "\""))
        }
    }
}
