import ArgumentParser

/// The `opine` command: sentiment and opinions in what customers write about a brand.
@main
struct Opine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opine",
        abstract: "Sentiment and opinion analysis of English and Dutch customer comments.",
        discussion: """
            Examples:
              opine tokens "Wat een top service!! 👍🏽 #aanrader"
              opine language "Ik vond het niet leuk"
              cat comments.txt | opine tokens --json -
            """,
        version: "0.1.0",
        subcommands: [Analyze.self, Eval.self, LanguageCommand.self, Tokens.self]
    )
}
