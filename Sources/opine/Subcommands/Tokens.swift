import ArgumentParser
import OpineText

extension Opine {
    /// `opine tokens`: shows how the tokenizer splits a text.
    struct Tokens: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the tokens of a text: as written, normalized form, kind, flags, byte range.",
            discussion: """
                With TEXT '-', reads standard input and tokenizes each line as one text.

                Examples:
                  opine tokens "Sooo goooood!!! 👍🏽 #NietMeer @kpn"
                  opine tokens --json "z'n auto's zijn top :)"
                  printf 'één\\ntwee\\n' | opine tokens --json -
                """
        )

        @OptionGroup var input: TextInputOptions

        @Flag(help: "Print one JSON object per text: {\"tokens\": [{\"text\", \"form\", \"kind\", \"flags\", \"start\", \"end\", \"sentence\"}]}.")
        var json = false

        func run() throws {
            let tokenizer = Tokenizer()
            var output = StandardOutput()
            try input.forEachText { text in
                let tokenized = tokenizer.tokenize(text)
                if json {
                    output.write(try JSONLines.encode(TokenList(tokenized)))
                } else {
                    output.write(TokenTable(tokenized).rendered)
                }
            }
            output.flush()
        }
    }
}

/// The JSON shape of `opine tokens --json`.
struct TokenList: Encodable {
    struct Entry: Encodable {
        var text: String
        var form: String
        var kind: TokenKind
        var flags: [String]
        var start: Int
        var end: Int
        var sentence: Int
        var parts: [String]?
    }

    var tokens: [Entry]

    init(_ tokenized: TokenizedText) {
        tokens = tokenized.tokens.map { token in
            Entry(
                text: tokenized.text(of: token), form: token.form, kind: token.kind, flags: token.flags.names,
                start: token.range.lowerBound, end: token.range.upperBound, sentence: token.sentence,
                parts: token.parts.isEmpty ? nil : token.parts)
        }
    }
}

/// The human-readable table of `opine tokens`.
struct TokenTable {
    let rendered: String

    init(_ tokenized: TokenizedText) {
        let header = ["text", "form", "kind", "flags", "bytes", "sentence"]
        let rows = tokenized.tokens.map { token in
            [
                tokenized.text(of: token), token.form, token.kind.rawValue,
                (token.flags.names + (token.parts.isEmpty ? [] : ["parts: " + token.parts.joined(separator: " ")]))
                    .joined(separator: ", "),
                "\(token.range.lowerBound)..<\(token.range.upperBound)", "\(token.sentence + 1)",
            ]
        }
        rendered = TextTable(header: header, rows: rows).rendered
    }
}
