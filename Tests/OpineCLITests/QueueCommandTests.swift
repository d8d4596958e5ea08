import Foundation
import Testing

/// End-to-end checks of `opine queue` and `opine authors` on the built binary, on a
/// hand-made inbox whose right order follows from the engagement rules.
final class QueueCommandTests {
    typealias Result = OpineRunner.Result

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("opine-queue-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func opine(_ arguments: [String], input: String? = nil) throws -> Result {
        try OpineRunner.run(arguments, input: input ?? "")
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    static let now = "2024-05-01T12:00:00Z"

    /// The inbox at 12:00 on 1 May 2024. Lines: header 1, r1 2, d1 3, ... (one row per line).
    static let inbox = """
        id,author,kind,time,text,rating,in_reply_to,followers,answered
        r1,dave,review,2024-05-01T11:30:00Z,Third time my order is late. Terrible service.,1,,12000,false
        d1,erin,dm,2024-05-01T11:00:00Z,Can you tell me when my package arrives?,,,150,
        c1,fay,comment,2024-05-01T09:00:00Z,Where is my refund?,,,40,
        m1,gus,mention,2024-05-01T10:00:00Z,I am really disappointed with this brand,,,300,
        a1,hal,comment,2024-05-01T11:50:00Z,Worst service ever. Horrible.,,,50,true
        c2,jo,comment,2024-05-01T08:00:00Z,Is the shop open on Sunday?,,,20,
        b1,brand,reply,2024-05-01T08:30:00Z,Yes from 12 to 5!,,c2,90000,
        v1,ivy,reply,2024-05-01T11:45:00Z,"Not my experience at all, they are great and always helpful!",,r1,800,
        f1,kim,follow,1714550400,,,,10,
        l1,lee,like,1714550400,,,,10,

        """

    func queue(_ extra: [String] = []) throws -> [[String: Any]] {
        let path = try write("inbox.csv", Self.inbox)
        let result = try opine(["queue", path, "--now", Self.now, "--brand", "brand", "--json"] + extra)
        #expect(result.status == 0, "\(result.error)")
        return try jsonLines(result.output)
    }

    @Test func topItemsComeInTheOrderTheRulesImply() throws {
        let items = try queue()
        // 1. r1: a 1-star review is a detractor whatever the words: full negativity (30),
        //    complaint (15), review (20), 12k followers (3 x log10 12001 = 12.2), and its
        //    1-hour target leaves 30 minutes (urgency 19.6): about 100, far ahead.
        // 2. m1: negative text makes a detractor mention: complaint (15) + negativity
        //    (30 x 0.55) + mention (5) + level 5 (own post about the brand) + 300 followers
        //    (7.4), and overdue (target 1 hour from 10:00): full urgency 20, about 69.
        // 3. d1: a neutral direct message, but a question (12), the top kind (20) and the
        //    1-hour target of direct messages, due at 12:00 now (urgency 20): about 60 —
        //    below m1 because it lacks the 15 complaint points and the negativity.
        // 4. c1: a question in a comment (10 + 12) with 21 hours left (urgency 2.5): last.
        // Not queued: a1 (answered), c2 (the brand account replied with b1), b1 (the
        // brand's own), v1 (a positive reply between followers: to thank, not to answer),
        // f1 and l1 (not messages).
        #expect(items.map { $0["interactionID"] as? String } == ["r1", "m1", "d1", "c1"])
        #expect(items.map { $0["rank"] as? Int } == [1, 2, 3, 4])
        let priorities = items.compactMap { $0["priority"] as? Double }
        #expect(priorities == priorities.sorted(by: >))
        #expect((items.first?["summary"] as? String)?.hasPrefix("negative review, 1 star, detractor with 12k followers") == true)
    }

    @Test func topLimitsTheItems() throws {
        let items = try queue(["--top", "2"])
        #expect(items.map { $0["interactionID"] as? String } == ["r1", "m1"])
    }

    @Test func answeredAndBrandAnsweredItemsAreAbsent() throws {
        let path = try write("inbox.csv", Self.inbox)
        let table = try opine(["queue", path, "--now", Self.now, "--brand", "brand"])
        #expect(table.status == 0)
        // a1 is flagged answered; c2 was answered by the brand's reply b1.
        #expect(!table.output.contains("Worst service ever"))
        #expect(!table.output.contains("open on Sunday"))
        #expect(table.output.contains("Terrible service"))
        // Without --brand, b1 is an ordinary follower's reply and c2 needs an answer.
        let unbranded = try jsonLines(try opine(["queue", path, "--now", Self.now, "--json"]).output)
        #expect(unbranded.contains { $0["interactionID"] as? String == "c2" })
        #expect(!unbranded.contains { $0["interactionID"] as? String == "a1" })
    }

    @Test func nowMakesTheOutputReproducible() throws {
        let path = try write("inbox.csv", Self.inbox)
        let first = try opine(["queue", path, "--now", Self.now, "--brand", "brand"])
        let second = try opine(["queue", path, "--now", Self.now, "--brand", "brand"])
        #expect(first.status == 0)
        #expect(first.output == second.output)
        #expect(first.output.contains("30 min"))  // r1: due 12:30, seen from 12:00
        // Another clock moves the due times: an hour later r1 is overdue.
        let later = try opine(["queue", path, "--now", "2024-05-01T13:00:00Z", "--brand", "brand", "--json"])
        let items = try jsonLines(later.output)
        let r1 = try #require(items.first { $0["interactionID"] as? String == "r1" })
        #expect(r1["timeLeft"] as? Double == -1800)
    }

    @Test func advocatesListsTheDefender() throws {
        let items = try queue(["--advocates"])
        // ivy answered dave's 1-star review positively: she defended the brand.
        #expect(items.map { $0["author"] as? String } == ["ivy"])
        #expect(items.first?["defendedBrand"] as? Bool == true)
    }

    @Test func aBadTimeExits65NamingFileLineAndField() throws {
        let path = try write("bad.csv", """
            id,author,kind,time,text
            x1,ann,comment,2024-05-01T10:00:00Z,Fine
            x2,bob,comment,yesterday,Where is my order?

            """)
        let result = try opine(["queue", path, "--now", Self.now])
        #expect(result.status == 65)
        #expect(result.error.contains("bad.csv:3"))
        #expect(result.error.contains("'time'"))
        #expect(result.error.contains("yesterday"))
        #expect(result.output.isEmpty)
        // --on-error skip leaves the row out and goes on.
        let skipped = try opine(["queue", path, "--now", Self.now, "--on-error", "skip", "--json"])
        #expect(skipped.status == 0)
        #expect(skipped.error.contains("skipped 1"))
    }

    @Test func epochSecondsAndISOTimesAgree() throws {
        // 1714557600 is 2024-05-01T10:00:00Z.
        let iso = try write("iso.csv", "id,author,kind,time,text\nq,ann,comment,2024-05-01T12:00:00+02:00,Where is my refund?\n")
        let epoch = try write("epoch.csv", "id,author,kind,time,text\nq,ann,comment,1714557600,Where is my refund?\n")
        let a = try jsonLines(try opine(["queue", iso, "--now", Self.now, "--json"]).output)
        let b = try jsonLines(try opine(["queue", epoch, "--now", Self.now, "--json"]).output)
        #expect(a.first?["time"] as? String == "2024-05-01T10:00:00Z")
        #expect(b.first?["time"] as? String == "2024-05-01T10:00:00Z")
    }

    @Test func authorsJSONGivesLevels() throws {
        let path = try write("inbox.csv", Self.inbox)
        let result = try opine(["authors", path, "--now", Self.now, "--brand", "brand", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let profiles = try jsonLines(result.output)
        var levels: [String: Int] = [:]
        for profile in profiles {
            if let author = profile["author"] as? String { levels[author] = profile["level"] as? Int }
        }
        // follow 1, like 2, opinion in a review 4, a mention is own content 5, defending the
        // brand 7; the brand's account has no profile.
        #expect(levels["kim"] == 1)
        #expect(levels["lee"] == 2)
        #expect(levels["dave"] == 4)
        #expect(levels["gus"] == 5)
        #expect(levels["ivy"] == 7)
        #expect(levels["brand"] == nil)
        #expect(profiles.map { $0["author"] as? String } == profiles.map { $0["author"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") })
        let ivy = try #require(profiles.first { $0["author"] as? String == "ivy" })
        #expect(ivy["stance"] as? String == "advocate")
        #expect(ivy["levelName"] as? String == "Advocacy")
    }

    @Test func helpShowsExamples() throws {
        for command in ["queue", "authors"] {
            let result = try opine([command, "--help"])
            #expect(result.status == 0)
            #expect(result.output.contains("Examples:"))
            #expect(result.output.contains("opine \(command) inbox.csv"))
            #expect(result.output.contains("--now"))
        }
    }
}
