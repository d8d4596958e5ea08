import ArgumentParser

/// The `opine` command: sentiment and opinions in what customers write about a brand.
@main
struct Opine: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opine",
        abstract: "Sentiment and opinion analysis of English and Dutch customer comments.",
        discussion: """
            Without a subcommand, opine analyzes: 'opine "some text"' is 'opine analyze "some text"', \
            and 'opine' alone on a terminal starts the interactive mode.

            Exit codes: 0 success; 64 usage error; 65 malformed input (the message names file, line \
            and field); 66 unreadable input; 73 an output file that cannot be created; 74 an \
            input/output error; 78 missing or malformed lexicon data or alert configuration; 130 interrupted.

            Examples:
              opine "Wat een top service, echt een aanrader!"
              opine batch comments.csv -o scored.csv
              opine aspects reviews.csv
              opine eval Corpora/en/vader-tweets.tsv
              opine serve --config alerts.yaml
              opine watch reviews.jsonl --config alerts.yaml
              opine tokens "Wat een top service!! 👍🏽 #aanrader"
              opine language "Ik vond het niet leuk"
              cat comments.txt | opine tokens --json -
            """,
        version: "0.1.0",
        subcommands: [
            Analyze.self, Aspects.self, Authors.self, Batch.self, Eval.self, LanguageCommand.self, Queue.self, Tokens.self,
            Serve.self, Watch.self, Alerts.self,
        ],
        defaultSubcommand: Analyze.self
    )
}
