import ArgumentParser
import Foundation
import OpineEngagement

extension Opine {
    /// `opine queue`: the interactions to answer first, and the advocates to thank.
    struct Queue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the interactions of exports that need an answer, most urgent first.",
            discussion: """
                Reads exports like 'opine batch' (CSV, TSV, JSON Lines, JSON array, .gz, '-' for \
                standard input) as interactions: author, time, kind, text, rating, the id it replies \
                to, the author's follower count, whether the brand has answered it, and its thread. \
                Columns are found by their common names (kind/type, in_reply_to/parent_id, \
                followers/follower_count, answered/replied, thread/conversation_id, ...) or named \
                with the --...-column options ('none' ignores one). Without a kind column a row is a \
                comment, or a review when it has a rating. Every interaction needs an author and a \
                time; without an id column its id is file:line. Times are ISO 8601 (no zone means \
                UTC) or epoch seconds.

                Priority is the sum of: negativity (30 x how negative the text or rating is), \
                complaint (15 if a detractor), kind (review and direct message 20, comment and \
                reply 10, mention and user post 5), question (12), author level (1 per level), \
                reach (3 x log10(1 + followers)), advocate turned detractor (15) and urgency (up to \
                20 as the due time nears). Due: 1 hour after for direct messages, complaints and \
                negative reviews, 24 hours for the rest. Answered interactions and the brand's own \
                (--brand) are left out. Ties go to the oldest, then the lowest id. --weights reads a \
                JSON object with any of the weights (negativity, complaint, kinds.review, ..., \
                urgencyHorizon, complaintTarget, standardTarget in seconds).

                --advocates lists the authors to thank instead: one line per author with an \
                unanswered positive interaction, highest engagement level first.

                Examples:
                  opine queue inbox.csv --now 2024-05-01T12:00:00Z
                  opine queue export.jsonl.gz --brand kpn --brand kpnwebcare --top 50 --json
                  opine queue mentions.csv --kind-column event --reply-to-column parent --answered-column done
                  opine queue inbox.csv --advocates --top 10

                Exit status: 0 done; 64 usage error; 65 malformed input (the message names file, \
                line and field); 66 unreadable input; 78 missing or malformed lexicon.
                """
        )

        @OptionGroup var input: InteractionImportOptions

        @Option(help: ArgumentHelp("How many items to print.", valueName: "n"))
        var top: Int = 20

        @Flag(help: "One JSON object per item instead of a table.")
        var json = false

        @Flag(help: "List the advocates to thank instead of the interactions to answer.")
        var advocates = false

        @Option(help: ArgumentHelp("A JSON file with queue weights (see above); missing keys keep their defaults.", valueName: "file"))
        var weights: String?

        func validate() throws {
            guard top >= 0 else { throw ValidationError("--top must be 0 or more, not \(top)") }
        }

        func run() throws {
            try reportingErrors {
                let weights = try loadWeights()
                let analyzer = try input.analyzer.makeAnalyzer()
                let imported = try InteractionImport.read(input, analyzer: analyzer)
                if imported.skipped > 0 {
                    FileHandle.standardError.write(Data("note: skipped \(imported.skipped) rows that cannot be used\n".utf8))
                }
                let inbox: Inbox
                do {
                    inbox = try Inbox(
                        imported.interactions, analyses: imported.analyses, now: input.referenceTime,
                        brandAccounts: Set(input.brandAccounts))
                } catch {
                    throw OpineError.malformedInput(path: input.files.joined(separator: ", "), line: 0, reason: "\(error)")
                }
                var out = StandardOutput()
                if advocates {
                    try printThanks(inbox.thankYouList(limit: top), inbox: inbox, to: &out)
                } else {
                    let items: [QueueItem]
                    do { items = try inbox.responseQueue(weights: weights, limit: top) } catch {
                        throw OpineError.data("--weights: \(error)")
                    }
                    try printQueue(items, inbox: inbox, to: &out)
                }
                out.flush()
            }
        }

        private func loadWeights() throws -> QueueWeights {
            guard let weights else { return QueueWeights() }
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: weights)) } catch {
                throw OpineError.unreadableInput(path: weights, reason: error.localizedDescription)
            }
            do {
                let decoded = try JSONDecoder().decode(QueueWeights.self, from: data)
                try decoded.validate()
                return decoded
            } catch {
                throw OpineError.data("\(weights): not valid queue weights: \(error)")
            }
        }

        /// The texts of the interactions with the given ids.
        private func texts(of ids: [String], in inbox: Inbox) -> [String: String] {
            let wanted = Set(ids)
            var found: [String: String] = [:]
            for interaction in inbox.interactions where wanted.contains(interaction.id) {
                found[interaction.id] = interaction.text
            }
            return found
        }

        private func printQueue(_ items: [QueueItem], inbox: Inbox, to out: inout StandardOutput) throws {
            let texts = texts(of: items.map(\.interactionID), in: inbox)
            if json {
                for (offset, item) in items.enumerated() {
                    out.write(try EngagementOutput.line(item, adding: [
                        "rank": offset + 1, "text": texts[item.interactionID] ?? NSNull(), "summary": item.summary,
                        "dueIn": EngagementOutput.span(item.timeLeft),
                    ]))
                }
                return
            }
            let rows = items.enumerated().map { offset, item in
                [
                    "\(offset + 1)", String(format: "%.1f", item.priority), EngagementOutput.span(item.timeLeft),
                    item.kind.phrase, item.author, EngagementOutput.excerpt(texts[item.interactionID]),
                    item.reasons.dropLast().joined(separator: ", "),
                ]
            }
            out.write(TextTable(header: ["rank", "priority", "due in", "kind", "author", "text", "reasons"], rows: rows).rendered)
        }

        private func printThanks(_ items: [ThankYouItem], inbox: Inbox, to out: inout StandardOutput) throws {
            let texts = texts(of: items.map(\.interactionID), in: inbox)
            if json {
                for (offset, item) in items.enumerated() {
                    out.write(try EngagementOutput.line(item, adding: [
                        "rank": offset + 1, "text": texts[item.interactionID] ?? NSNull(), "summary": item.summary,
                    ]))
                }
                return
            }
            let rows = items.enumerated().map { offset, item in
                [
                    "\(offset + 1)", item.author, item.authorLevel.map { "\($0.rawValue) \($0.name)" } ?? "-",
                    item.kind.phrase, EngagementOutput.excerpt(texts[item.interactionID]), item.summary,
                ]
            }
            out.write(TextTable(header: ["rank", "author", "level", "kind", "text", "reasons"], rows: rows).rendered)
        }
    }
}
