/// How a run writes: the output format, the names of the sentiment fields, and the
/// encoders of the output and the rejects file, chosen from the options and the columns
/// the inputs have.
struct OutputPlan {
    /// The names of the sentiment fields: `label`, `compound`, ..., and `opinions` when
    /// the run extracts them, with a prefix when one was asked for or an input field has
    /// one of those names.
    let sentimentNames: [String]
    /// What the user should hear about the choices made.
    let notes: [String]
    let output: any RowEncoder
    let rejects: (any RowEncoder)?

    /// Plans the output of `inputs` in `format`. CSV output has the inputs' columns in
    /// order of first appearance, then the sentiment fields. It is delimited by commas, or
    /// by semicolons when the first CSV input is (as spreadsheets write CSV in Dutch and
    /// other locales with a decimal comma); TSV by tabs. It starts with a byte-order mark
    /// when the first input did.
    init(format: OutputFormat, options: BatchOptions, inputs: [PlannedInput]) throws(BatchError) {
        var columns: [String] = []
        var seen = Set<String>()
        for name in inputs.flatMap(\.columns) where seen.insert(name).inserted { columns.append(name) }
        let plainNames = SentimentField.written(opinions: options.opinions != nil).map(\.rawValue)
        var notes: [String] = []
        let prefix: String
        if let chosen = options.fieldPrefix {
            prefix = chosen
        } else if let clash = plainNames.first(where: seen.contains) {
            prefix = "opine_"
            notes.append(
                "the input has a field '\(clash)', so the sentiment fields are called opine_label, opine_compound, ... "
                    + "(--field-prefix sets another prefix)")
        } else {
            prefix = ""
        }
        sentimentNames = plainNames.map { prefix + $0 }
        if let clash = sentimentNames.first(where: seen.contains) {
            throw .usage("the input has a field '\(clash)', the name of a sentiment field; choose another --field-prefix")
        }
        self.notes = notes

        switch format {
        case .csv, .tsv:
            let firstCSVDelimiter = inputs.lazy.compactMap { input -> UInt8?? in
                if case .csv(let delimiter) = input.format { delimiter } else { nil }
            }.first
            let semicolon = UInt8(ascii: ";")
            let delimiter = format == .tsv ? 0x09 : firstCSVDelimiter == semicolon ? semicolon : UInt8(ascii: ",")
            output = CSVRowEncoder(
                delimiter: delimiter, columns: columns,
                appendedNames: sentimentNames, byteOrderMark: inputs.first?.hasByteOrderMark ?? false)
        case .jsonl, .json:
            output = JSONRowEncoder(appendedNames: sentimentNames, asArray: format == .json)
        }
        rejects = try options.rejects.map { path throws(BatchError) in
            switch try Self.format(of: path, option: "--rejects") {
            case .csv: CSVRowEncoder(delimiter: UInt8(ascii: ","), columns: RejectionFields.names, appendedNames: [], byteOrderMark: false)
            case .tsv: CSVRowEncoder(delimiter: 0x09, columns: RejectionFields.names, appendedNames: [], byteOrderMark: false)
            case .jsonl: JSONRowEncoder(appendedNames: [], asArray: false)
            case .json: JSONRowEncoder(appendedNames: [], asArray: true)
            }
        }
    }

    /// The output format: `--format`, else `-o`'s extension, else JSON Lines.
    static func outputFormat(_ options: BatchOptions) throws(BatchError) -> OutputFormat {
        if let format = options.format { return format }
        guard let output = options.output else { return .jsonl }
        return try format(of: output, option: "-o")
    }

    /// The format named by the extension of the file given to `option`.
    static func format(of path: String, option: String) throws(BatchError) -> OutputFormat {
        guard let format = OutputFormat(path: path) else {
            throw .usage(
                "cannot tell the format of \(option) \(path) from its extension; use .csv, .tsv, .jsonl or .json"
                    + (option == "-o" ? ", or --format" : ""))
        }
        return format
    }
}
