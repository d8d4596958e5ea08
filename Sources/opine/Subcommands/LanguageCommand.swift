import ArgumentParser
import Foundation
import OpineText

extension Opine {
    /// `opine language`: which language a text is in.
    struct LanguageCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "language",
            abstract: "Identify the language of a text: en, nl or und (undetermined), with a confidence.",
            discussion: """
                'und' means another language, too little text to tell (emoji only, a name), or no \
                clear winner. With TEXT '-', reads standard input and identifies each line.

                Examples:
                  opine language "Ik vond het niet leuk"
                  opine language --json - < comments.txt
                """
        )

        @OptionGroup var input: TextInputOptions

        @Flag(help: "Print one JSON object per text: {\"language\": \"nl\", \"confidence\": 0.98}.")
        var json = false

        func run() throws {
            let identifier = LanguageIdentifier()
            var output = StandardOutput()
            try input.forEachText { text in
                let guess = identifier.identify(text)
                if json {
                    output.write(try JSONLines.encode(guess))
                } else {
                    output.write("\(guess.language.rawValue)\t\(String(format: "%.2f", guess.confidence))\n")
                }
            }
            output.flush()
        }
    }
}
