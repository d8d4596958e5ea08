import Foundation
import OpineEngagement
import Testing

/// An author's overall stance (recent interactions weigh more, 30-day half-life, a
/// neutral prior of weight 1) and the transitions between advocate and detractor.
struct AuthorStanceTests {
    @Test func aRecentComplaintOutweighsOldPraise() throws {
        var feed = Feed()
        for (index, days) in [-120.0, -121, -122].enumerated() {
            try feed.add("old\(index)", by: "ann", .comment, at: at(days: days), compound: 0.8)
        }
        try feed.add("new", by: "ann", .comment, at: at(days: 0), compound: -0.8)
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        // Weights: 2^-4 ≈ 0.06 for each old comment, 1 for the new one.
        #expect(profile.stance == .detractor)
        #expect(profile.stanceScore < -0.3)
        #expect(profile.stanceCounts == { var c = StanceCounts(); c.advocate = 3; c.detractor = 1; return c }())

        // The same four interactions on one day: three against one, an advocate.
        var sameDay = Feed()
        for index in 0..<3 { try sameDay.add("old\(index)", by: "ann", .comment, compound: 0.8) }
        try sameDay.add("new", by: "ann", .comment, compound: -0.8)
        #expect(try sameDay.inbox().profile(of: "ann")?.stance == .advocate)
    }

    @Test(arguments: [(0.0, 0.5), (-30.0, 1.0 / 3), (-60.0, 0.2)])
    func oneOpinionFadesWithTheHalfLife(days: Double, expected: Double) throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, at: at(days: days), compound: 0.8)
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        #expect(abs(profile.stanceScore - expected) < 1e-9)
        #expect(profile.stance == (expected >= 0.25 ? .advocate : .neutral))
    }

    @Test func fourOldOpinionsStillCount() throws {
        var feed = Feed()
        for index in 0..<4 { try feed.add("c\(index)", by: "ann", .comment, at: at(days: -60), compound: 0.8) }
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        #expect(abs(profile.stanceScore - 0.5) < 1e-9)
        #expect(profile.stance == .advocate)
    }

    @Test func theHalfLifeIsConfigurable() throws {
        var rules = EngagementRules()
        rules.stanceHalfLife = 7 * 86_400
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, at: at(days: -30), compound: 0.8)
        #expect(try feed.inbox().profile(of: "ann")?.stance == .advocate)
        #expect(try feed.inbox(rules: rules).profile(of: "ann")?.stance == .neutral)
    }

    @Test func anAdvocateTurningDetractorIsATransition() throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, at: at(days: -5), compound: 0.8)
        try feed.add("c2", by: "ann", .comment, at: at(days: -3), compound: 0.6)
        try feed.add("r1", by: "ann", .review, at: at(minutes: -30), compound: -0.7, rating: try Rating(stars: 1))
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        #expect(profile.transitions.map(\.kind) == [.advocateTurnedDetractor])
        #expect(profile.transitions.first?.interactionID == "r1")
        #expect((profile.transitions.first?.scoreBefore ?? 0) >= 0.25)
        #expect(profile.hasTurnedDetractor)
    }

    @Test func aNeutralAuthorsComplaintIsNoTransition() throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, at: at(days: -5), text: "When do you open?", compound: 0)
        try feed.add("c2", by: "ann", .comment, at: at(days: -1), compound: -0.7)
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        #expect(profile.transitions.isEmpty)
        #expect(!profile.hasTurnedDetractor)
    }

    @Test func praiseLongFadedIsNoStandingToTurnFrom() throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, at: at(days: -365), compound: 0.9)
        try feed.add("c2", by: "ann", .comment, at: at(days: 0), compound: -0.7)
        #expect(try feed.inbox().profile(of: "ann")?.transitions.isEmpty == true)
    }

    @Test func aDetractorWonBackIsATransition() throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, at: at(days: -2), compound: -0.8)
        try feed.add("c2", by: "ann", .comment, at: at(days: -1), compound: 0.8)
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        #expect(profile.transitions.map(\.kind) == [.detractorWonBack])
        #expect(!profile.hasTurnedDetractor)
    }

    @Test func likesDoNotMoveTheStance() throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, compound: -0.8)
        for index in 0..<10 { try feed.add("l\(index)", by: "ann", .like) }
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        #expect(profile.stance == .detractor)
        #expect(abs(profile.stanceScore + 0.5) < 1e-9)
    }
}
