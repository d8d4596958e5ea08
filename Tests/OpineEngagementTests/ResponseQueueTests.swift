import Foundation
import OpineEngagement
import OpineSentiment
import OpineText
import Testing

/// The response queue: which interactions need an answer, in which order, by when, and
/// why; the thank-you list; determinism.
struct ResponseQueueTests {
    /// A morning's inbox at `now`. Followers are given per interaction.
    static func morningInbox() throws -> Feed {
        var feed = Feed()
        // A: a public one-star review from an account with 12k followers, 20 minutes old.
        try feed.add(
            "A", by: "dave", .review, at: at(minutes: -20), text: "Package arrived broken, third time.",
            compound: -0.6, rating: try Rating(stars: 1), followers: 12_000)
        // B: a private question with no sentiment, 10 minutes old.
        try feed.add(
            "B", by: "erin", .directMessage, at: at(minutes: -10), text: "Where is my refund?", compound: 0,
            followers: 150)
        // C: a complaint from fay, who praised the brand twice this week (answered then).
        try feed.add("fay1", by: "fay", .comment, at: at(days: -5), compound: 0.8, thread: "post0", answered: true)
        try feed.add("fay2", by: "fay", .comment, at: at(days: -3), compound: 0.8, thread: "post0", answered: true)
        try feed.add(
            "C", by: "fay", .comment, at: at(minutes: -30), text: "Your support is useless", compound: -0.7,
            thread: "post1", followers: 300)
        // D: the same complaint with the same reach, a minute older (so due a minute
        // sooner), from gus, who had said nothing before.
        try feed.add(
            "D", by: "gus", .comment, at: at(minutes: -31), text: "Your support is useless", compound: -0.7,
            thread: "post1", followers: 300)
        // E: a neutral question under the brand's post, two hours old.
        try feed.add(
            "E", by: "hal", .comment, at: at(minutes: -120), text: "Do you ship to Belgium?", compound: 0,
            thread: "post1", followers: 50)
        // F: the same kind of question in ivy's own post mentioning the brand.
        try feed.add(
            "F", by: "ivy", .mention, at: at(minutes: -120), text: "@brand is the store in Utrecht open on Sunday",
            compound: 0, followers: 50)
        // L: a lukewarm three-star review, three hours old.
        try feed.add(
            "L", by: "otto", .review, at: at(minutes: -180), text: "It does the job.", compound: 0,
            rating: try Rating(stars: 3), followers: 200)
        // Positive interactions that ask nothing: to thank, not to answer.
        try feed.add("G", by: "jo", .comment, at: at(minutes: -60), text: "Love the new app!", compound: 0.8,
            thread: "post1", followers: 100)
        try feed.add("H", by: "kim", .review, at: at(minutes: -90), text: "Perfect.", compound: 0.6,
            rating: try Rating(stars: 5), followers: 2_000)
        // nina defends the brand against gus's complaint.
        try feed.add(
            "K", by: "nina", .reply, at: at(minutes: -15), text: "Not my experience, they sorted my bill in a day!",
            compound: 0.7, replyTo: "D", thread: "post1", followers: 80)
        // Answered already: flagged, or replied to by the brand.
        try feed.add("I", by: "lee", .comment, at: at(minutes: -40), compound: -0.9, thread: "post1", answered: true)
        try feed.add("J", by: "max", .comment, at: at(minutes: -50), compound: -0.9, thread: "post1")
        try feed.add("J-answer", by: "brand", .reply, at: at(minutes: -45), compound: 0.3, replyTo: "J", thread: "post1")
        // Nothing to do: a neutral post that asks nothing, a like, a follow.
        try feed.add("N", by: "pia", .userPost, at: at(minutes: -70), text: "At the @brand store today", compound: 0)
        try feed.add("P", by: "quin", .like, at: at(minutes: -5), thread: "post1")
        try feed.add("Q", by: "rob", .follow, at: at(minutes: -5))
        return feed
    }

    @Test func theMorningInboxIsAnsweredInTheRightOrder() throws {
        let queue = try Self.morningInbox().inbox().responseQueue()
        // A: public, as negative as a review gets (1 star), a review (the heaviest kind),
        //    12k followers, due within the hour.
        // C before D: the same complaint, and D is due a minute sooner, but fay was an
        //    advocate a few days ago; an advocate turning detractor is news.
        // D before B: a public complaint due in 30 minutes comes before a private,
        //    neutral question due in 50.
        // B: a direct message with a question: one-hour target, so it leads everything
        //    with a 24-hour target.
        // L: a lukewarm public review (3 stars) before questions in comments and mentions
        //    (review before comment before mention).
        // E before F: the same question with the same reach; a comment outranks a mention,
        //    even though ivy's own post puts her on level 5.
        // Not in the queue: positive G, H, K (thanked instead), answered I and J, the
        //    brand's own reply, neutral N, like P, follow Q.
        #expect(queue.map(\.interactionID) == ["A", "C", "D", "B", "L", "E", "F"])
        let priorities = queue.map(\.priority)
        #expect(priorities == priorities.sorted(by: >))
    }

    @Test func dueTimesFollowTheResponseTargets() throws {
        let queue = try Self.morningInbox().inbox().responseQueue()
        let byID = Dictionary(uniqueKeysWithValues: queue.map { ($0.interactionID, $0) })
        // One hour for negative reviews, complaints and direct messages.
        #expect(byID["A"]?.dueBy == at(minutes: 40))
        #expect(byID["C"]?.dueBy == at(minutes: 30))
        #expect(byID["B"]?.dueBy == at(minutes: 50))
        #expect(byID["B"]?.responseTarget == 3600)
        // Twenty-four hours for the rest.
        #expect(byID["E"]?.dueBy == at(minutes: -120 + 24 * 60))
        #expect(byID["L"]?.responseTarget == TimeInterval(24 * 3600))
        #expect(byID["L"]?.timeLeft == TimeInterval(21 * 3600))
    }

    @Test func reasonsSayWhyInWords() throws {
        let queue = try Self.morningInbox().inbox().responseQueue()
        let byID = Dictionary(uniqueKeysWithValues: queue.map { ($0.interactionID, $0) })
        #expect(byID["A"]?.summary == "negative review, 1 star, detractor with 12k followers, due in 40 min")
        #expect(byID["C"]?.summary == "negative comment, advocate turned detractor with 300 followers, due in 30 min")
        #expect(byID["C"]?.advocateTurnedDetractor == true)
        #expect(byID["D"]?.advocateTurnedDetractor == false)
        #expect(byID["B"]?.summary == "neutral direct message, asks a question, 150 followers, due in 50 min")
        #expect(byID["F"]?.summary == "neutral mention, asks a question, 50 followers, level 5 Contribution, due in 22 h")
        #expect(byID["L"]?.summary == "neutral review, 3 stars, 200 followers, due in 21 h")
    }

    @Test func theBreakdownAddsUpToThePriority() throws {
        let queue = try Self.morningInbox().inbox().responseQueue()
        for item in queue { #expect(abs(item.breakdown.total - item.priority) < 1e-12) }
        let a = try #require(queue.first)
        #expect(a.breakdown.negativity == 30)  // 1 star: the rating is more negative than the text (-0.6)
        #expect(a.breakdown.complaint == 15)
        #expect(a.breakdown.kind == 20)
        #expect(a.breakdown.level == 4)
        #expect(abs(a.breakdown.reach - 3 * log10(12_001)) < 1e-12)
        #expect(abs(a.breakdown.urgency - 20 * (1 - 2_400.0 / 86_400)) < 1e-12)
    }

    @Test func answeredItemsDropOut() throws {
        var feed = try Self.morningInbox()
        let inbox = try feed.inbox()
        #expect(inbox.isAnswered("I"))
        #expect(inbox.isAnswered("J"))  // the brand replied
        #expect(!inbox.isAnswered("A"))
        // Answering A takes it out and nothing else changes.
        let index = try #require(feed.interactions.firstIndex { $0.id == "A" })
        feed.interactions[index].isAnswered = true
        #expect(try feed.inbox().responseQueue().map(\.interactionID) == ["C", "D", "B", "L", "E", "F"])
        // Without the brand account known, its reply is just another comment: J is back.
        let unknownBrand = try Self.morningInbox().inbox(brand: []).responseQueue().map(\.interactionID)
        #expect(unknownBrand.contains("J"))
    }

    @Test func advocatesGetTheirOwnListToThank() throws {
        let inbox = try Self.morningInbox().inbox()
        let thanks = inbox.thankYouList()
        // nina defended the brand (level 7) and leads; kim (level 4, 2,000 followers)
        // before jo (level 4, 100 followers). fay's praise was answered already.
        #expect(thanks.map(\.author) == ["nina", "kim", "jo"])
        #expect(thanks.first?.defendedBrand == true)
        #expect(thanks.first?.summary == "defended the brand against a detractor, positive reply, advocate with 80 followers, level 7 Advocacy")
        let queued = Set(try inbox.responseQueue().map(\.interactionID))
        #expect(queued.isDisjoint(with: thanks.map(\.interactionID)))
        #expect(inbox.disposition(at: inbox.interactions.firstIndex { $0.id == "N" }!) == .noReplyNeeded)
        #expect(inbox.disposition(at: inbox.interactions.firstIndex { $0.id == "P" }!) == .notAMessage)
        #expect(inbox.disposition(at: inbox.interactions.firstIndex { $0.id == "J-answer" }!) == .ownAccount)
    }

    @Test func aPositiveQuestionIsAnsweredNotThanked() throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, text: "Love it! Does it come in blue?", compound: 0.7)
        let inbox = try feed.inbox()
        #expect(try inbox.responseQueue().map(\.interactionID) == ["c1"])
        #expect(inbox.thankYouList().isEmpty)
    }

    @Test func theThankYouListHasOneEntryPerAuthor() throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, at: at(minutes: -30), compound: 0.7)
        try feed.add("c2", by: "ann", .comment, at: at(minutes: -10), compound: 0.8)
        let thanks = try feed.inbox().thankYouList()
        #expect(thanks.count == 1)
        #expect(thanks.first?.interactionID == "c2")
        #expect(thanks.first?.unansweredCount == 2)
    }

    @Test func repliesBetweenFollowersNeedAnAnswerOnlyWhenNegative() throws {
        var feed = Feed()
        try feed.add("c1", by: "bob", .comment, at: at(minutes: -30), text: "Which size?", compound: 0, answered: true)
        try feed.add("c2", by: "ann", .reply, at: at(minutes: -20), text: "Do you mean the shoes?", replyTo: "c1")
        try feed.add("c3", by: "cid", .reply, at: at(minutes: -10), compound: -0.6, replyTo: "c1")
        #expect(try feed.inbox().responseQueue().map(\.interactionID) == ["c3"])
    }

    @Test func aQuestionLiftsANeutralCommentIntoTheQueue() throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, text: "Nice weather today")
        try feed.add("c2", by: "bob", .comment, text: "Waar blijft mijn pakket")
        let queue = try feed.inbox().responseQueue()
        #expect(queue.map(\.interactionID) == ["c2"])
        #expect(queue.first?.question == .interrogative("waar blijft"))
    }

    @Test func anOverdueItemKeepsFullUrgency() throws {
        var feed = Feed()
        try feed.add("d1", by: "ann", .directMessage, at: at(minutes: -90), text: "Hello")
        let item = try #require(try feed.inbox().responseQueue().first)
        #expect(item.timeLeft == -1_800)
        #expect(item.breakdown.urgency == 20)
        #expect(item.summary.hasSuffix("overdue by 30 min"))
    }

    // MARK: Weights

    @Test func weightsAreConfigurable() throws {
        var weights = QueueWeights()
        weights.kinds.mention = 100
        let queue = try Self.morningInbox().inbox().responseQueue(weights: weights)
        #expect(queue.first?.interactionID == "F")

        var fast = QueueWeights()
        fast.complaintTarget = 15 * 60
        let item = try #require(try Self.morningInbox().inbox().responseQueue(weights: fast).first { $0.interactionID == "A" })
        #expect(item.dueBy == at(minutes: -5))
    }

    @Test func weightsRoundTripAndPartialJSONKeepsDefaults() throws {
        var weights = QueueWeights()
        weights.question = 3
        weights.kinds.review = 7
        let data = try JSONEncoder().encode(weights)
        #expect(try JSONDecoder().decode(QueueWeights.self, from: data) == weights)

        let partial = try JSONDecoder().decode(QueueWeights.self, from: Data(#"{"question": 40, "kinds": {"mention": 1}}"#.utf8))
        var expected = QueueWeights()
        expected.question = 40
        expected.kinds.mention = 1
        #expect(partial == expected)

        let rules = try JSONDecoder().decode(EngagementRules.self, from: Data(#"{"stanceHalfLife": 86400}"#.utf8))
        #expect(rules.stanceHalfLife == 86_400)
        #expect(rules.advocateCompound == EngagementRules().advocateCompound)
    }

    @Test func invalidWeightsThrow() throws {
        var weights = QueueWeights()
        weights.standardTarget = 0
        #expect(throws: EngagementError.invalidParameter(name: "standardTarget", value: 0, expected: "more than 0 seconds")) {
            try Self.morningInbox().inbox().responseQueue(weights: weights)
        }
        var nan = QueueWeights()
        nan.negativity = .nan
        #expect(throws: EngagementError.self) { try Self.morningInbox().inbox().responseQueue(weights: nan) }
    }

    @Test func aLimitKeepsTheTop() throws {
        let inbox = try Self.morningInbox().inbox()
        #expect(try inbox.responseQueue(limit: 3).map(\.interactionID) == ["A", "C", "D"])
        #expect(try inbox.responseQueue(limit: 0).isEmpty)
    }

    // MARK: Determinism

    @Test func tiesAreBrokenByTimeThenID() throws {
        var feed = Feed()
        // Overdue one-hour items all get full urgency: equal priorities.
        try feed.add("z", by: "u1", .comment, at: at(minutes: -180), compound: -0.5)
        try feed.add("b", by: "u2", .comment, at: at(minutes: -120), compound: -0.5)
        try feed.add("a", by: "u3", .comment, at: at(minutes: -120), compound: -0.5)
        let queue = try feed.inbox().responseQueue()
        #expect(Set(queue.map(\.priority)).count == 1)
        #expect(queue.map(\.interactionID) == ["z", "a", "b"])
    }

    @Test func theInputOrderDoesNotMatter() throws {
        let feed = try Self.morningInbox()
        let reference = try feed.inbox()
        var generator = SeededGenerator(state: 42)
        for _ in 0..<20 {
            var shuffled = feed
            shuffled.interactions.shuffle(using: &generator)
            let inbox = try shuffled.inbox()
            #expect(try inbox.responseQueue() == reference.responseQueue())
            #expect(inbox.profiles == reference.profiles)
            #expect(inbox.thankYouList() == reference.thankYouList())
        }
    }

    @Test func theStaticBuilderMatchesTheInbox() throws {
        let feed = try Self.morningInbox()
        let aligned = feed.interactions.map { feed.analyses[$0.id] }
        let built = try ResponseQueue.build(from: feed.interactions, analyses: aligned, now: now, brandAccounts: ["brand"])
        #expect(built == (try feed.inbox().responseQueue()))
        let profiles = try AuthorProfiles.build(from: feed.interactions, analyses: aligned, now: now, brandAccounts: ["brand"])
        #expect(profiles == (try feed.inbox().profiles))
        #expect(profiles.map(\.author) == profiles.map(\.author).sorted())
    }

    @Test func queueItemsEncodeToJSON() throws {
        let queue = try Self.morningInbox().inbox().responseQueue(limit: 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(queue), as: UTF8.self)
        #expect(json.contains(#""interactionID":"A""#))
        #expect(try JSONDecoder().decode([QueueItem].self, from: Data(json.utf8)) == queue)
    }
}

/// The whole path with a real (small) analyzer: texts scored, stances, levels, queue.
struct AnalyzerIntegrationTests {
    static func analyzer() throws -> SentimentAnalyzer {
        let english = """
            great\t3
            terrible\t-3
            love\t3
            broken\t-2
            not\tnegator\t1
            """
        let dutch = """
            top\t2.5
            slecht\t-2
            niet\tnegator\t1
            """
        return SentimentAnalyzer(
            lexicons: LexiconSet(
                english: try Lexicon(language: .english, files: [try LexiconFile(parsing: Data(english.utf8), path: "en.tsv")]),
                dutch: try Lexicon(language: .dutch, files: [try LexiconFile(parsing: Data(dutch.utf8), path: "nl.tsv")])))
    }

    @Test func aDefenceScoredByTheAnalyzerIsAdvocacy() throws {
        let interactions = [
            try Interaction(id: "c1", author: "bob", kind: .comment, time: at(minutes: -30),
                text: "Terrible service, my phone is still broken", thread: "post1", authorFollowers: 5_000),
            try Interaction(id: "c2", author: "ann", kind: .reply, time: at(minutes: -20),
                text: "Really? They were great with me, love this shop", inReplyTo: "c1", thread: "post1"),
            try Interaction(id: "c3", author: "cor", kind: .comment, time: at(minutes: -10),
                text: "Echt top service", thread: "post1"),
        ]
        let inbox = try Inbox(interactions, analyzer: try Self.analyzer(), now: now)
        #expect(inbox.stance(of: "c1")?.stance == .detractor)
        #expect(inbox.profile(of: "ann")?.level == .advocacy)
        #expect(inbox.profile(of: "cor")?.stance == .advocate)
        #expect(try inbox.responseQueue().map(\.interactionID) == ["c1"])
        #expect(inbox.thankYouList().map(\.author) == ["ann", "cor"])
    }
}
