/// Writes rows as JSON objects, one per line (JSON Lines) or as the elements of one
/// array: every input field in input order, then the appended values. Strings from CSV
/// and JSON are written as JSON strings; JSON numbers, booleans and nested values as
/// they were read.
struct JSONRowEncoder: RowEncoder {
    let appendedNames: [String]
    /// Whether to write one JSON array rather than JSON Lines.
    let asArray: Bool
    private let reserved: Set<String>

    init(appendedNames: [String], asArray: Bool) {
        self.appendedNames = appendedNames
        self.asArray = asArray
        reserved = Set(appendedNames)
    }

    var prologue: [UInt8] { asArray ? Array("[\n".utf8) : [] }
    var epilogue: [UInt8] { asArray ? Array("\n]\n".utf8) : [] }
    var separator: [UInt8] { asArray ? Array(",\n".utf8) : [] }

    func rejectionReason(for fields: [Field]) -> String? {
        guard let clash = fields.first(where: { reserved.contains($0.name) }) else { return nil }
        return "field '\(clash.name)' has the name of a sentiment field; name those apart with --field-prefix"
    }

    func append(_ fields: [Field], _ appended: [AppendedValue], to output: inout [UInt8]) {
        output.append(contentsOf: separator)
        Self.appendObject(fields, zip(appendedNames, appended).map { ($0, $1) }, to: &output)
        if !asArray { output.append(UInt8(ascii: "\n")) }
    }

    /// `fields` as one compact JSON object.
    static func object(_ fields: [Field]) -> String {
        var bytes: [UInt8] = []
        appendObject(fields, [], to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one JSON object of `fields` and then the `appended` values.
    private static func appendObject(_ fields: [Field], _ appended: [(name: String, value: AppendedValue)], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        var first = true
        func key(_ name: String) {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            appendString(name, to: &output)
            output.append(UInt8(ascii: ":"))
        }
        for field in fields {
            key(field.name)
            switch field.value {
            case .string(let text): appendString(text, to: &output)
            case .json(let text): output.append(contentsOf: text.utf8)
            case .null: output.append(contentsOf: "null".utf8)
            }
        }
        for (name, value) in appended {
            key(name)
            if value.isJSON { output.append(contentsOf: value.text.utf8) } else { appendString(value.text, to: &output) }
        }
        output.append(UInt8(ascii: "}"))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `text` as a JSON string: `"` and `\` escaped, control characters as
    /// `\n`, `\t`, ... or `\u00XX`, everything else as UTF-8.
    static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
