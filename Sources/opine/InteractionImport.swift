import ArgumentParser
import Foundation
import OpineBatch
import OpineEngagement
import OpineSentiment

/// The options `opine queue` and `opine authors` share: how to read an export into
/// interactions (``ExportReadingOptions``, as `opine batch` reads it, plus the engagement
/// columns), the brand's accounts, the clock, and the analyzer.
struct InteractionImportOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Exports to read (.csv, .tsv, .jsonl, .json, optionally .gz); '-' for standard input.", valueName: "file"))
    var files: [String]

    @OptionGroup var reading: ExportReadingOptions
    @Option(help: ArgumentHelp("The column with the id of the interaction a row answers ('none': no such column).", valueName: "name"))
    var replyToColumn: String?
    @Option(help: ArgumentHelp("The column with the author's follower count ('none': no such column).", valueName: "name"))
    var followersColumn: String?
    @Option(help: ArgumentHelp("The column telling whether the brand has answered (true/false, yes/no, 1/0; 'none': no such column).", valueName: "name"))
    var answeredColumn: String?
    @Option(help: ArgumentHelp("The column with the thread or post id ('none': no such column).", valueName: "name"))
    var threadColumn: String?

    @Option(name: .customLong("brand"), help: ArgumentHelp("One of the brand's own accounts (repeatable): no profile, no queue items; its replies mark what they answer as answered.", valueName: "account"))
    var brandAccounts: [String] = []

    @Option(help: ArgumentHelp("The reference time, ISO 8601 (e.g. 2024-05-01T12:00:00Z). Default: the current time.", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("On a row that cannot be used: fail (stop, exit 65) or skip (leave it out, with a count on standard error).", valueName: "policy"))
    var onError: String = "fail"

    @OptionGroup var analyzer: AnalyzerOptions

    func validate() throws {
        guard onError == "fail" || onError == "skip" else {
            throw ValidationError("--on-error must be fail or skip, not '\(onError)'")
        }
        if let now, TimeParser.parse(now) == nil {
            throw ValidationError("--now must be an ISO 8601 time such as 2024-05-01T12:00:00Z, not '\(now)'")
        }
    }

    /// The reference time: `--now`, else the current time.
    var referenceTime: Date { now.flatMap(TimeParser.parse) ?? Date() }
}

/// The interactions of the exports, with their analyses aligned by index.
struct ImportedInbox {
    var interactions: [Interaction] = []
    var analyses: [Analysis?] = []
    /// Rows left out under `--on-error skip`.
    var skipped = 0
}

/// A column beyond the reader's roles, found in `Row.fields` by name.
struct ExtraColumn {
    let option: String
    /// Normalized common names, most telling first.
    let commonNames: [String]

    static let replyTo = ExtraColumn(
        option: "--reply-to-column",
        commonNames: ["inreplyto", "replyto", "inreplytoid", "replytoid", "parentid", "parent", "inreplytostatusid", "antwoordop"])
    static let followers = ExtraColumn(
        option: "--followers-column",
        commonNames: ["followers", "followercount", "followerscount", "authorfollowers", "authorfollowercount", "userfollowers", "volgers", "aantalvolgers"])
    static let answered = ExtraColumn(
        option: "--answered-column",
        commonNames: ["answered", "isanswered", "replied", "hasreply", "responded", "handled", "beantwoord"])
    static let thread = ExtraColumn(
        option: "--thread-column",
        commonNames: ["thread", "threadid", "conversation", "conversationid", "postid", "parentpostid", "draad"])
}

/// Reads exports into interactions: the reader's roles (text, id, author, time, rating,
/// kind) plus reply-to, followers, answered and thread, found by name.
enum InteractionImport {
    /// Rows analyzed at a time: the texts of one chunk are scored on all cores, then only
    /// the numbers the engagement rules need are kept.
    static let chunkSize = 16_384

    static func read(_ options: InteractionImportOptions, analyzer: SentimentAnalyzer) throws -> ImportedInbox {
        let skip = options.onError == "skip"
        var result = ImportedInbox()
        var seen: [String: (file: String, line: Int)] = [:]
        var pending: [Interaction] = []
        let language = options.analyzer.forcedLanguage

        func flush() {
            guard !pending.isEmpty else { return }
            let batch = pending
            let analyses = parallelMap(Array(batch.indices)) { index -> Analysis? in
                let interaction = batch[index]
                guard interaction.hasText, let text = interaction.text else { return nil }
                var analysis = analyzer.analyze(text, language: language)
                // Only the label and compound matter to the engagement rules.
                analysis.sentences = []
                analysis.contributions = []
                return analysis
            }
            result.interactions.append(contentsOf: batch)
            result.analyses.append(contentsOf: analyses)
            pending.removeAll(keepingCapacity: true)
        }

        let readerOptions = try options.reading.readerOptions()
        for path in options.files {
            let reader: ExportReader
            do {
                reader = try ExportReader(path: path, options: readerOptions)
            } catch {
                throw try OpineError(readerError: error)
            }
            let columns = try ExtraColumns(options: options, reader: reader)
            while true {
                let next: ReadResult?
                do { next = try reader.next() } catch { throw try OpineError(readerError: error) }
                guard let next else { break }
                do {
                    switch next {
                    case .rejected(let rejection):
                        throw OpineError.malformedInput(path: rejection.file, line: rejection.line, reason: rejection.reason)
                    case .row(let row):
                        let interaction = try makeInteraction(row, columns: columns, reader: reader)
                        if let earlier = seen.updateValue((row.file, row.line), forKey: interaction.id) {
                            seen[interaction.id] = earlier
                            throw OpineError.malformedInput(
                                path: row.file, line: row.line,
                                reason: "id '\(interaction.id)' is already used at \(earlier.file):\(earlier.line)")
                        }
                        pending.append(interaction)
                        if pending.count >= chunkSize { flush() }
                    }
                } catch let error as OpineError {
                    guard skip, case .malformedInput = error else { throw error }
                    result.skipped += 1
                }
            }
        }
        flush()
        return result
    }

    /// The interaction of one row, or an error naming file, line and field.
    static func makeInteraction(_ row: Row, columns: ExtraColumns, reader: ExportReader) throws -> Interaction {
        func fail(_ reason: String) -> OpineError { .malformedInput(path: row.file, line: row.line, reason: reason) }
        func blank(_ value: String?) -> String? {
            guard let value else { return nil }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }

        guard let timeColumn = reader.roles[.time] else {
            throw fail("no time column: name it with --time-column (ISO 8601 or epoch seconds)")
        }
        guard let timeText = blank(row.time) else { throw fail("field '\(timeColumn)' is empty: every interaction needs a time") }
        guard let time = TimeParser.parse(timeText) else {
            throw fail("field '\(timeColumn)' has '\(timeText)', not an ISO 8601 time or epoch seconds")
        }
        guard let author = blank(row.author) else {
            throw fail(reader.roles[.author].map { "field '\($0)' is empty: every interaction needs an author" }
                ?? "no author column: name it with --author-column")
        }
        let id = blank(row.id) ?? "\(row.file):\(row.line)"

        var rating: Rating?
        if let stars = row.rating {
            rating = try? Rating(stars: Int(stars.rounded()))
        }
        let kind: InteractionKind
        if let name = blank(row.kind) {
            guard let parsed = InteractionKind(parsing: name) else {
                throw fail(
                    "field '\(reader.roles[.kind] ?? "kind")' has '\(name)', not an interaction kind "
                        + "(follow, unfollow, like, share, comment, reply, mention, direct_message, review, user_post)")
            }
            kind = parsed
        } else {
            kind = rating == nil ? .comment : .review
        }

        let inReplyTo = blank(columns.value(.replyTo, in: row))
        let thread = blank(columns.value(.thread, in: row))
        var followers: Int?
        if let text = blank(columns.value(.followers, in: row)) {
            guard let count = parseCount(text) else {
                throw fail("field '\(columns.name(.followers) ?? "followers")' has '\(text)', not a follower count")
            }
            followers = count
        }
        var answered = false
        if let text = blank(columns.value(.answered, in: row)) {
            guard let flag = parseFlag(text) else {
                throw fail("field '\(columns.name(.answered) ?? "answered")' has '\(text)', not true/false, yes/no or 1/0")
            }
            answered = flag
        }
        do {
            return try Interaction(
                id: id, author: author, kind: kind, time: time, text: row.text.isEmpty ? nil : row.text,
                rating: kind.carriesText ? rating : nil, inReplyTo: inReplyTo, thread: thread, authorFollowers: followers,
                isAnswered: answered)
        } catch {
            throw fail(error.description)
        }
    }

    static func parseCount(_ text: String) -> Int? {
        if let value = Int(text), value >= 0 { return value }
        if let value = Double(text), value >= 0, value.isFinite, value == value.rounded() { return Int(value) }
        return nil
    }

    static func parseFlag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "y", "1", "ja", "j", "answered", "replied": return true
        case "false", "no", "n", "0", "nee", "": return false
        default: return nil
        }
    }
}

/// Where the reply-to, followers, answered and thread columns are in one input.
struct ExtraColumns {
    enum Which: CaseIterable { case replyTo, followers, answered, thread }

    private var names: [Which: String] = [:]
    /// The position of each column in CSV rows (JSON rows are searched by name).
    private var positions: [Which: Int] = [:]

    init(options: InteractionImportOptions, reader: ExportReader) throws {
        let columns = reader.columns
        let normalized = columns.map(ColumnRole.normalized)
        var taken = Set(reader.roles.values)
        let isCSV: Bool
        if case .csv = reader.format { isCSV = true } else { isCSV = false }
        for which in Which.allCases {
            let (column, chosen): (ExtraColumn, String?)
            switch which {
            case .replyTo: (column, chosen) = (.replyTo, options.replyToColumn)
            case .followers: (column, chosen) = (.followers, options.followersColumn)
            case .answered: (column, chosen) = (.answered, options.answeredColumn)
            case .thread: (column, chosen) = (.thread, options.threadColumn)
            }
            if chosen == "none" { continue }
            if let chosen {
                if let index = columns.firstIndex(of: chosen) ?? normalized.firstIndex(of: ColumnRole.normalized(chosen)) {
                    names[which] = columns[index]
                } else if isCSV {
                    throw ValidationError("\(column.option) '\(chosen)' is not a column of \(reader.file) (columns: \(columns.map { "'\($0)'" }.joined(separator: ", ")))")
                } else {
                    names[which] = chosen
                }
            } else if let index = column.commonNames.lazy.compactMap({ name in
                normalized.indices.first { normalized[$0] == name && !taken.contains(columns[$0]) }
            }).first {
                names[which] = columns[index]
            }
            if let name = names[which] {
                taken.insert(name)
                if isCSV, let index = columns.firstIndex(of: name) { positions[which] = index }
            }
        }
    }

    func name(_ which: Which) -> String? { names[which] }

    func value(_ which: Which, in row: Row) -> String? {
        guard let name = names[which] else { return nil }
        if let index = positions[which], index < row.fields.count, row.fields[index].name == name {
            return row.fields[index].value.text
        }
        return row.fields.first { $0.name == name }?.value.text
    }
}

extension OpineError {
    /// The command's error for a reader's error (usage errors become exit 64).
    init(readerError: any Error) throws {
        guard let error = readerError as? BatchError else { throw readerError }
        switch error {
        case .unreadableInput(let path, let reason): self = .unreadableInput(path: path, reason: reason)
        case .malformedInput(let path, let line, let reason): self = .malformedInput(path: path, line: line, reason: reason)
        default: throw ValidationError("\(error)")
        }
    }
}

/// Shared output helpers of `opine queue` and `opine authors`.
enum EngagementOutput {
    /// JSON with ISO 8601 times and sorted keys, one compact object per line.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// `value` encoded as a JSON object with `extra` keys added, as one line.
    static func line(_ value: some Encodable, adding extra: [String: Any]) throws -> String {
        var object = try JSONSerialization.jsonObject(with: try encoder.encode(value)) as? [String: Any] ?? [:]
        object.merge(extra) { _, new in new }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The text shortened to `limit` characters on one line.
    static func excerpt(_ text: String?, limit: Int = 48) -> String {
        guard let text else { return "" }
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    /// "40 min", "5 h 20 min", "2 d 3 h", "now", "-20 min" (overdue).
    static func span(_ timeLeft: TimeInterval) -> String {
        let minutes = Int((abs(timeLeft) / 60).rounded(.down))
        let text: String
        if minutes < 1 { return "now" }
        if minutes < 60 {
            text = "\(minutes) min"
        } else if minutes < 24 * 60 {
            text = minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
        } else {
            let hours = minutes / 60
            text = hours % 24 == 0 ? "\(hours / 24) d" : "\(hours / 24) d \(hours % 24) h"
        }
        return timeLeft < 0 ? "overdue \(text)" : text
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
