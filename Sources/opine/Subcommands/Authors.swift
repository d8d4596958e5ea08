import ArgumentParser
import Foundation
import OpineEngagement

extension Opine {
    /// `opine authors`: who the authors of exports are to the brand.
    struct Authors: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Profile the authors of exports: engagement level with its evidence, stance, transitions.",
            discussion: """
                Reads exports as 'opine queue' does (same formats and column options) and prints one \
                profile per author, sorted by author (or by level with --by-level).

                Levels: 1 Attention (follows; messages without an opinion), 2 Appreciation (likes), \
                3 Sharing (shares), 4 Opinion (a message or review with an opinion), 5 Contribution \
                (own posts and mentions, reviews with substance), 6 Animation (replies to other \
                followers in the brand's threads), 7 Advocacy (a positive reply to another follower's \
                negative interaction). Stance: advocate, neutral or detractor over all the author's \
                interactions, recent ones weighing more (30-day half-life up to --now).

                Examples:
                  opine authors inbox.csv --now 2024-05-01T12:00:00Z
                  opine authors export.jsonl --brand kpn --min-level 6
                  opine authors inbox.csv --json | jq 'select(.stance == "detractor")'

                Exit status: 0 done; 64 usage error; 65 malformed input (the message names file, \
                line and field); 66 unreadable input; 78 missing or malformed lexicon.
                """
        )

        @OptionGroup var input: InteractionImportOptions

        @Flag(help: "One JSON object per author instead of a table.")
        var json = false

        @Option(help: ArgumentHelp("Only authors at this engagement level (1-7) or higher.", valueName: "level"))
        var minLevel: Int?

        @Flag(help: "Highest level first (then author) instead of by author.")
        var byLevel = false

        @Option(help: ArgumentHelp("Print at most this many authors.", valueName: "n"))
        var top: Int?

        func validate() throws {
            if let minLevel, !(1...7).contains(minLevel) { throw ValidationError("--min-level must be 1 to 7, not \(minLevel)") }
            if let top, top < 0 { throw ValidationError("--top must be 0 or more, not \(top)") }
        }

        func run() throws {
            try reportingErrors {
                let analyzer = try input.analyzer.makeAnalyzer()
                let imported = try InteractionImport.read(input, analyzer: analyzer)
                if imported.skipped > 0 {
                    FileHandle.standardError.write(Data("note: skipped \(imported.skipped) rows that cannot be used\n".utf8))
                }
                var profiles: [AuthorProfile]
                do {
                    profiles = try AuthorProfiles.build(
                        from: imported.interactions, analyses: imported.analyses, now: input.referenceTime,
                        brandAccounts: Set(input.brandAccounts))
                } catch {
                    throw OpineError.malformedInput(path: input.files.joined(separator: ", "), line: 0, reason: "\(error)")
                }
                if let minLevel { profiles.removeAll { ($0.level?.rawValue ?? 0) < minLevel } }
                if byLevel {
                    profiles.sort { ($0.level?.rawValue ?? 0, $1.author) > ($1.level?.rawValue ?? 0, $0.author) }
                }
                if let top { profiles = Array(profiles.prefix(top)) }
                var out = StandardOutput()
                if json {
                    for profile in profiles {
                        out.write(try EngagementOutput.line(profile, adding: [
                            "levelName": profile.level?.name ?? NSNull(),
                            "evidenceSummary": profile.evidence.map(\.summary),
                        ]))
                    }
                } else {
                    let rows = profiles.map { profile in
                        [
                            profile.author, profile.level.map { "\($0.rawValue) \($0.name)" } ?? "-",
                            profile.stance.rawValue, String(format: "%+.2f", profile.stanceScore), "\(profile.interactionCount)",
                            profile.followers.map(String.init) ?? "",
                            profile.hasTurnedDetractor ? "advocate turned detractor" : "",
                            profile.evidence.first?.summary ?? "",
                        ]
                    }
                    out.write(
                        TextTable(
                            header: ["author", "level", "stance", "score", "interactions", "followers", "news", "evidence"],
                            rows: rows
                        ).rendered)
                }
                out.flush()
            }
        }
    }
}
