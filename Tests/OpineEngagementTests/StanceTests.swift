import Foundation
import OpineEngagement
import OpineSentiment
import Testing

/// The stance of one interaction: the rating rules of the issue, the NPS mapping, and the
/// text thresholds, each at its boundary.
struct StanceTests {
    let rules = EngagementRules()

    func stance(stars: Int? = nil, score: Int? = nil, compound: Double? = nil, mixed: Bool = false) throws -> Stance? {
        let rating = try stars.map { try Rating(stars: $0) } ?? score.map { try Rating(score: $0) }
        return rules.stance(kind: .review, rating: rating, analysis: compound.map { analysis($0, mixed: mixed) })?.stance
    }

    @Test func oneAndTwoStarsAreDetractorsWhateverTheWords() throws {
        for stars in [1, 2] {
            #expect(try stance(stars: stars) == .detractor)
            #expect(try stance(stars: stars, compound: 0.95) == .detractor)
            #expect(try stance(stars: stars, compound: -0.9) == .detractor)
        }
    }

    @Test func threeStarsAreNeutralUnlessTheTextIsNegative() throws {
        #expect(try stance(stars: 3) == .neutral)
        #expect(try stance(stars: 3, compound: 0.9) == .neutral)
        #expect(try stance(stars: 3, compound: -0.24) == .neutral)
        #expect(try stance(stars: 3, compound: -0.25) == .detractor)
    }

    @Test func fourStarsNeedPositiveTextToBeAnAdvocate() throws {
        #expect(try stance(stars: 4) == .neutral)
        #expect(try stance(stars: 4, compound: 0.34) == .neutral)
        #expect(try stance(stars: 4, compound: 0.35) == .advocate)
        #expect(try stance(stars: 4, compound: -0.8) == .neutral)
    }

    @Test func fiveStarsAreAdvocatesUnlessTheTextContradicts() throws {
        #expect(try stance(stars: 5, compound: 0.8) == .advocate)
        #expect(try stance(stars: 5) == .advocate)
        #expect(try stance(stars: 5, compound: 0.1) == .advocate)
        #expect(try stance(stars: 5, compound: -0.6) == .neutral)
    }

    @Test(arguments: [
        (0, Stance.detractor), (6, .detractor), (7, .neutral), (8, .neutral), (9, .advocate), (10, .advocate),
    ])
    func scoresMapLikeNPS(score: Int, expected: Stance) throws {
        #expect(try stance(score: score) == expected)
        // The words do not move an NPS answer.
        #expect(try stance(score: score, compound: 0.9) == expected)
        #expect(try stance(score: score, compound: -0.9) == expected)
    }

    @Test func textAloneUsesTheDocumentedThresholds() throws {
        #expect(try stance(compound: 0.35) == .advocate)
        #expect(try stance(compound: 0.3499) == .neutral)
        #expect(try stance(compound: -0.25) == .detractor)
        #expect(try stance(compound: -0.2499) == .neutral)
        #expect(try stance(compound: 0) == .neutral)
        // A mixed text (strong praise and strong blame) is neither.
        #expect(try stance(compound: -0.4, mixed: true) == .neutral)
        #expect(try stance() == .neutral)
    }

    @Test func thresholdsAreConfigurable() throws {
        var strict = EngagementRules()
        strict.advocateCompound = 0.6
        #expect(strict.stance(kind: .comment, rating: nil, analysis: analysis(0.5))?.stance == .neutral)
        #expect(rules.stance(kind: .comment, rating: nil, analysis: analysis(0.5))?.stance == .advocate)
    }

    @Test func followsLikesAndSharesCarryNoStance() {
        for kind in [InteractionKind.follow, .unfollow, .like, .share] {
            #expect(rules.stance(kind: kind, rating: nil, analysis: analysis(0.9)) == nil)
        }
    }

    @Test func assessmentsSayWhatDecided() throws {
        let oneStar = rules.stance(kind: .review, rating: try Rating(stars: 1), analysis: analysis(0.9))
        #expect(oneStar?.basis == .rating)
        #expect(oneStar?.description == "1 star")
        let text = rules.stance(kind: .comment, rating: nil, analysis: analysis(-0.62))
        #expect(text?.description == "text compound -0.62")
        let three = rules.stance(kind: .review, rating: try Rating(stars: 3), analysis: analysis(-0.5))
        #expect(three?.description == "3 stars, text compound -0.50")
    }

    // MARK: Invalid input

    @Test(arguments: [0, 6, -1, 100])
    func starsOutsideOneToFiveThrow(stars: Int) {
        #expect(throws: EngagementError.ratingOutOfRange(value: stars, scale: .stars)) { try Rating(stars: stars) }
    }

    @Test(arguments: [-1, 11])
    func scoresOutsideZeroToTenThrow(score: Int) {
        #expect(throws: EngagementError.ratingOutOfRange(value: score, scale: .score)) { try Rating(score: score) }
    }

    @Test func scaleEndsAreAccepted() throws {
        #expect(try Rating(stars: 1).value == 1)
        #expect(try Rating(stars: 5).value == 5)
        #expect(try Rating(score: 0).value == 0)
        #expect(try Rating(score: 10).value == 10)
    }

    @Test func decodingChecksTheRating() throws {
        let good = try JSONDecoder().decode(Rating.self, from: Data(#"{"scale":"stars","value":4}"#.utf8))
        #expect(good == (try Rating(stars: 4)))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Rating.self, from: Data(#"{"scale":"stars","value":7}"#.utf8))
        }
    }

    @Test func invalidInteractionsThrowTypedErrors() {
        #expect(throws: EngagementError.ratingNotAllowed(id: "l1", kind: .like)) {
            try Interaction(id: "l1", author: "a", kind: .like, time: now, rating: try Rating(stars: 5))
        }
        #expect(throws: EngagementError.negativeFollowerCount(id: "c1", count: -3)) {
            try Interaction(id: "c1", author: "a", kind: .comment, time: now, authorFollowers: -3)
        }
        #expect(throws: EngagementError.repliesToItself(id: "c1")) {
            try Interaction(id: "c1", author: "a", kind: .reply, time: now, inReplyTo: "c1")
        }
        #expect(throws: EngagementError.emptyAuthor(id: "c1")) {
            try Interaction(id: "c1", author: "", kind: .comment, time: now)
        }
        #expect(throws: EngagementError.emptyID(index: nil)) {
            try Interaction(id: "", author: "a", kind: .comment, time: now)
        }
    }

    @Test func inboxRejectsBadInputNamingTheRow() throws {
        var feed = Feed()
        try feed.add("c1", by: "a", .comment, compound: 0.5)
        try feed.add("c1", by: "b", .comment, compound: 0.5)
        #expect(throws: EngagementError.duplicateID("c1")) { try feed.inbox() }

        var missing = Feed()
        try missing.add("c1", by: "a", .comment, text: "hello")
        missing.analyses = [:]
        #expect(throws: EngagementError.missingAnalysis(id: "c1")) { try missing.inbox() }

        #expect(throws: EngagementError.analysisCountMismatch(interactions: 1, analyses: 0)) {
            try Inbox(missing.interactions, analyses: [], now: now)
        }

        var mutated = missing.interactions
        mutated[0].id = ""
        #expect(throws: EngagementError.emptyID(index: 0)) { try Inbox(mutated, analyses: [nil], now: now) }

        var rules = EngagementRules()
        rules.stanceHalfLife = 0
        #expect(throws: EngagementError.self) { try Feed().inbox(rules: rules) }
    }

    @Test func blankTextNeedsNoAnalysis() throws {
        let blank = try Interaction(id: "c1", author: "a", kind: .comment, time: now, text: "  \n")
        let inbox = try Inbox([blank], analyses: [nil], now: now)
        #expect(inbox.stance(of: "c1")?.basis == .nothing)
    }

    @Test func interactionsRoundTripThroughJSON() throws {
        let review = try Interaction(
            id: "r1", author: "anna", kind: .review, time: now, text: "Broken.", rating: try Rating(stars: 1),
            inReplyTo: nil, thread: "p1", authorFollowers: 12_000, isAnswered: true)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(Interaction.self, from: encoder.encode(review)) == review)
        let json = #"{"id":"x","author":"b","kind":"like","time":"2025-06-15T12:00:00Z","rating":{"scale":"stars","value":5}}"#
        #expect(throws: DecodingError.self) { try decoder.decode(Interaction.self, from: Data(json.utf8)) }
    }

    @Test func kindNamesFromExportsParse() {
        #expect(InteractionKind(parsing: "DM") == .directMessage)
        #expect(InteractionKind(parsing: "Retweet") == .share)
        #expect(InteractionKind(parsing: "tag") == .mention)
        #expect(InteractionKind(parsing: "direct_message") == .directMessage)
        #expect(InteractionKind(parsing: "user post") == .userPost)
        #expect(InteractionKind(parsing: "reactie") == .comment)
        #expect(InteractionKind(parsing: "poke") == nil)
    }
}
