import ArgumentParser
import OpineBatch

/// How exports are read: the CSV delimiter and the columns that play each role. Shared by
/// `opine batch`, `opine queue` and `opine authors`.
struct ExportReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The inputs' CSV delimiter: ',', ';', 'tab' or another single character. Default: detected from the header.", valueName: "char"))
    var delimiter: String?

    @Flag(help: "Read quotes as plain text, for files written without quoting (TSV corpora) where no field holds the delimiter or a line break.")
    var noQuotes = false

    @Option(help: ArgumentHelp("The column with the text.", valueName: "name"))
    var textColumn: String?
    @Option(help: ArgumentHelp("The column with a row id ('none': no id column).", valueName: "name"))
    var idColumn: String?
    @Option(help: ArgumentHelp("The column with the author ('none': no author column).", valueName: "name"))
    var authorColumn: String?
    @Option(help: ArgumentHelp("The column with the time ('none': no time column).", valueName: "name"))
    var timeColumn: String?
    @Option(help: ArgumentHelp("The column with a 1-5 star rating ('none': no rating column).", valueName: "name"))
    var ratingColumn: String?
    @Option(help: ArgumentHelp("The column with the interaction kind ('none': no kind column).", valueName: "name"))
    var kindColumn: String?

    func validate() throws {
        _ = try delimiterByte()
    }

    /// The reader options these choices make.
    func readerOptions() throws -> ReaderOptions {
        var columns = ColumnSelection()
        let named: [(ColumnRole, String?)] = [
            (.text, textColumn), (.id, idColumn), (.author, authorColumn), (.time, timeColumn),
            (.rating, ratingColumn), (.kind, kindColumn),
        ]
        for case (let role, let name?) in named {
            columns[role] = name == "none" && role != .text ? .none : .named(name)
        }
        return ReaderOptions(delimiter: try delimiterByte(), quoting: !noQuotes, columns: columns)
    }

    /// `--delimiter` as one byte; nil to detect it.
    private func delimiterByte() throws -> UInt8? {
        guard let delimiter else { return nil }
        switch delimiter {
        case "tab", "\\t", "\t": return 0x09
        default:
            guard delimiter.utf8.count == 1, let byte = delimiter.utf8.first, byte != UInt8(ascii: "\""), byte >= 0x20 || byte == 0x09
            else { throw ValidationError("--delimiter must be one ASCII character such as ',', ';' or 'tab', not '\(delimiter)'") }
            return byte
        }
    }
}
