import Foundation
import OpineEngagement
import Testing

/// Each engagement level is reached by the right evidence and not by less. Every
/// scenario runs in the brand's thread `post1` unless it says otherwise; `brand` is the
/// brand's account.
struct EngagementLevelTests {
    func level(of author: String, in feed: Feed) throws -> EngagementLevel? {
        try feed.inbox().profile(of: author)?.level
    }

    // MARK: 1 Attention

    @Test func followingIsAttention() throws {
        var feed = Feed()
        try feed.add("f1", by: "ann", .follow)
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        #expect(profile.level == .attention)
        #expect(profile.evidence.first?.reason == .followed)
        #expect(profile.followStatus == .following)
    }

    @Test func aCommentWithoutAnOpinionIsOnlyAttention() throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, text: "Just got my order", compound: 0, thread: "post1")
        #expect(try level(of: "ann", in: feed) == .attention)
        #expect(try feed.inbox().profile(of: "ann")?.evidence.first?.reason == .noticed)
    }

    @Test func anUnfollowGivesNoLevel() throws {
        var feed = Feed()
        try feed.add("u1", by: "ann", .unfollow)
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        #expect(profile.level == nil)
        #expect(profile.followStatus == .unfollowed)

        try feed.add("f1", by: "bob", .follow, at: at(minutes: -10))
        try feed.add("u2", by: "bob", .unfollow, at: at(minutes: -5))
        #expect(try feed.inbox().profile(of: "bob")?.followStatus == .unfollowed)
        #expect(try feed.inbox().profile(of: "bob")?.level == .attention)
    }

    // MARK: 2 Appreciation, 3 Sharing

    @Test func likingIsAppreciationNotSharing() throws {
        var feed = Feed()
        try feed.add("f1", by: "ann", .follow)
        try feed.add("l1", by: "ann", .like, thread: "post1")
        #expect(try level(of: "ann", in: feed) == .appreciation)
    }

    @Test func sharingIsSharingNotOpinion() throws {
        var feed = Feed()
        try feed.add("l1", by: "ann", .like, thread: "post1")
        try feed.add("s1", by: "ann", .share, thread: "post1")
        #expect(try level(of: "ann", in: feed) == .sharing)
    }

    @Test func textOnALikeOrShareIsNotAnOpinion() throws {
        var feed = Feed()
        try feed.add("s1", by: "ann", .share, text: "Love this brand so much", thread: "post1")
        #expect(try level(of: "ann", in: feed) == .sharing)
    }

    // MARK: 4 Opinion

    @Test(arguments: [0.6, -0.6, 0.1])
    func aCommentWithAnOpinionIsOpinion(compound: Double) throws {
        var feed = Feed()
        try feed.add("s1", by: "ann", .share, thread: "post1")
        try feed.add("c1", by: "ann", .comment, compound: compound, thread: "post1")
        #expect(try level(of: "ann", in: feed) == .opinion)
    }

    @Test func aMixedCommentIsAnOpinion() throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, compound: 0, mixed: true, thread: "post1")
        #expect(try level(of: "ann", in: feed) == .opinion)
    }

    @Test func aBareRatingIsAnOpinion() throws {
        var feed = Feed()
        try feed.add("r1", by: "ann", .review, rating: try Rating(stars: 2))
        #expect(try level(of: "ann", in: feed) == .opinion)
    }

    @Test func aShortReviewIsOpinionNotContribution() throws {
        var feed = Feed()
        try feed.add("r1", by: "ann", .review, text: "Great shoes, fast delivery, would buy again.", compound: 0.8,
            rating: try Rating(stars: 5))
        #expect(try level(of: "ann", in: feed) == .opinion)
    }

    // MARK: 5 Contribution

    static let longReview = """
        I ordered the walking shoes in March and have worn them every day since. The sole is still \
        fine, the fit is true to size, and support answered my sizing question within the hour.
        """

    @Test func aReviewWithSubstanceIsContribution() throws {
        var feed = Feed()
        try feed.add("r1", by: "ann", .review, text: Self.longReview, compound: 0.7, rating: try Rating(stars: 5))
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        #expect(profile.level == .contribution)
        #expect(profile.evidence.first?.reason == .reviewedWithSubstance)
    }

    @Test func aLongReviewWithoutAnOpinionIsNotContribution() throws {
        var feed = Feed()
        try feed.add("r1", by: "ann", .review, text: Self.longReview, compound: 0)
        #expect(try level(of: "ann", in: feed) == .attention)
    }

    @Test func aReviewOneWordShortOfSubstanceIsOpinion() throws {
        var rules = EngagementRules()
        rules.substantiveReviewWords = 6
        var feed = Feed()
        try feed.add("r1", by: "ann", .review, text: "one two three four five", compound: 0.6)
        try feed.add("r2", by: "bob", .review, text: "one two three four five six", compound: 0.6)
        let inbox = try feed.inbox(rules: rules)
        #expect(inbox.profile(of: "ann")?.level == .opinion)
        #expect(inbox.profile(of: "bob")?.level == .contribution)
    }

    @Test(arguments: [InteractionKind.mention, .userPost])
    func ownContentAboutTheBrandIsContribution(kind: InteractionKind) throws {
        var feed = Feed()
        try feed.add("p1", by: "ann", kind, text: "Picnic with my new @brand bag", compound: 0)
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        #expect(profile.level == .contribution)
        #expect(profile.evidence.first?.reason == .postedOwnContent)
    }

    @Test func aMentionInAReplyIsNotOwnContent() throws {
        var feed = Feed()
        try feed.add("c1", by: "brand", .userPost, text: "New collection!", thread: "post1")
        try feed.add("m1", by: "ann", .mention, compound: 0.5, replyTo: "c1", thread: "post1")
        #expect(try level(of: "ann", in: feed) == .opinion)
    }

    // MARK: 6 Animation

    @Test func replyingToAnotherFollowerInTheBrandsThreadIsAnimation() throws {
        var feed = Feed()
        try feed.add("c1", by: "bob", .comment, text: "Which size do you wear?", thread: "post1")
        try feed.add("c2", by: "ann", .reply, text: "I'm a 38, fits well", compound: 0.1, replyTo: "c1", thread: "post1")
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        #expect(profile.level == .animation)
        let evidence = try #require(profile.evidence.first)
        #expect(evidence.reason == .repliedToFollower)
        #expect(evidence.counterpart == "bob")
        #expect(evidence.interactionID == "c2")
    }

    @Test func replyingWithoutAThreadIdFollowsTheChainToTheBrandsPost() throws {
        var feed = Feed()
        try feed.add("c1", by: "bob", .comment, compound: -0.1)
        try feed.add("c2", by: "ann", .comment, compound: 0, replyTo: "c1")
        #expect(try level(of: "ann", in: feed) == .animation)
    }

    @Test func replyingToTheBrandIsNotAnimation() throws {
        var feed = Feed()
        try feed.add("b1", by: "brand", .userPost, text: "What do you think of our new app?", thread: "post1")
        try feed.add("c1", by: "ann", .reply, compound: 0.6, replyTo: "b1", thread: "post1")
        #expect(try level(of: "ann", in: feed) == .opinion)
    }

    @Test func replyingToOneselfIsNotAnimation() throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, compound: -0.5, thread: "post1")
        try feed.add("c2", by: "ann", .reply, compound: -0.5, replyTo: "c1", thread: "post1")
        #expect(try level(of: "ann", in: feed) == .opinion)
    }

    @Test func replyingUnderAFollowersOwnPostIsNotAnimation() throws {
        // bob's own post about the brand is bob's thread, not the brand's.
        var feed = Feed()
        try feed.add("p1", by: "bob", .userPost, text: "My new @brand phone", compound: 0.2)
        try feed.add("c1", by: "ann", .reply, compound: 0.1, replyTo: "p1", thread: "p1")
        try feed.add("c2", by: "cid", .reply, compound: 0.1, replyTo: "c1")  // no thread id: the chain leads to p1
        #expect(try level(of: "ann", in: feed) == .opinion)
        #expect(try level(of: "cid", in: feed) == .opinion)
        #expect(try level(of: "bob", in: feed) == .contribution)
    }

    @Test func aReplyToAnInteractionOutsideTheInputIsNotAnimation() throws {
        var feed = Feed()
        try feed.add("c2", by: "ann", .reply, compound: 0.1, replyTo: "unknown", thread: "post1")
        #expect(try level(of: "ann", in: feed) == .opinion)
    }

    @Test func aDirectMessageIsNeverAnimation() throws {
        var feed = Feed()
        try feed.add("c1", by: "bob", .comment, compound: -0.6, thread: "post1")
        try feed.add("d1", by: "ann", .directMessage, compound: 0.6, replyTo: "c1")
        #expect(try level(of: "ann", in: feed) == .opinion)
    }

    // MARK: 7 Advocacy

    @Test func anAdvocateDefendingTheBrandAgainstADetractorIsAdvocacy() throws {
        var feed = Feed()
        try feed.add(
            "c1", by: "bob", .comment, at: at(minutes: -30), text: "Worst service ever, never again", compound: -0.8,
            thread: "post1")
        try feed.add(
            "c2", by: "ann", .reply, at: at(minutes: -10), text: "Not my experience, they fixed my phone in a day. Great team!",
            compound: 0.7, replyTo: "c1", thread: "post1")
        let inbox = try feed.inbox()
        let ann = try #require(inbox.profile(of: "ann"))
        #expect(ann.level == .advocacy)
        let evidence = try #require(ann.evidence.first)
        #expect(evidence.reason == .defendedBrand)
        #expect(evidence.counterpart == "bob")
        #expect(evidence.counterpartKind == .comment)
        #expect(evidence.summary == "defended the brand: a positive reply to bob's negative comment (c2)")
        #expect(ann.stance == .advocate)
        #expect(inbox.profile(of: "bob")?.stance == .detractor)
    }

    @Test func defendingAgainstANegativeReviewAnywhereIsAdvocacy() throws {
        // Under bob's own post (not the brand's thread) a defence still counts.
        var feed = Feed()
        try feed.add("p1", by: "bob", .userPost, text: "Never buying @brand again", compound: -0.6)
        try feed.add("c1", by: "ann", .reply, compound: 0.5, replyTo: "p1", thread: "p1")
        #expect(try level(of: "ann", in: feed) == .advocacy)
    }

    @Test func aPositiveReplyToANeutralCommentIsAnimationNotAdvocacy() throws {
        var feed = Feed()
        try feed.add("c1", by: "bob", .comment, text: "Is the blue one in stock?", compound: 0, thread: "post1")
        try feed.add("c2", by: "ann", .reply, compound: 0.8, replyTo: "c1", thread: "post1")
        #expect(try level(of: "ann", in: feed) == .animation)
    }

    @Test func agreeingWithADetractorIsAnimationNotAdvocacy() throws {
        var feed = Feed()
        try feed.add("c1", by: "bob", .comment, compound: -0.8, thread: "post1")
        try feed.add("c2", by: "ann", .reply, text: "Same here, awful", compound: -0.6, replyTo: "c1", thread: "post1")
        #expect(try level(of: "ann", in: feed) == .animation)
    }

    @Test func aMildlyPositiveReplyIsNotADefence() throws {
        // 0.3 is below the advocate threshold (0.35): not positive enough to count as defending.
        var feed = Feed()
        try feed.add("c1", by: "bob", .comment, compound: -0.8, thread: "post1")
        try feed.add("c2", by: "ann", .reply, compound: 0.3, replyTo: "c1", thread: "post1")
        #expect(try level(of: "ann", in: feed) == .animation)
    }

    @Test func retractingOnesOwnComplaintIsNotAdvocacy() throws {
        var feed = Feed()
        try feed.add("c1", by: "ann", .comment, compound: -0.8, thread: "post1")
        try feed.add("c2", by: "ann", .reply, compound: 0.8, replyTo: "c1", thread: "post1")
        #expect(try level(of: "ann", in: feed) == .opinion)
    }

    @Test func answeringTheBrandsOwnNegativePostIsNotAdvocacy() throws {
        var feed = Feed()
        try feed.add("b1", by: "brand", .userPost, compound: -0.5, thread: "post1")
        try feed.add("c1", by: "ann", .reply, compound: 0.8, replyTo: "b1", thread: "post1")
        #expect(try level(of: "ann", in: feed) == .opinion)
    }

    // MARK: The profile

    @Test func theHighestLevelWinsAndEveryLevelKeepsItsEvidence() throws {
        var feed = Feed()
        try feed.add("f1", by: "ann", .follow, at: at(days: -9))
        try feed.add("l1", by: "ann", .like, at: at(days: -8), thread: "post1")
        try feed.add("l2", by: "ann", .like, at: at(days: -7), thread: "post2")
        try feed.add("s1", by: "ann", .share, at: at(days: -6), thread: "post1")
        try feed.add("c1", by: "ann", .comment, at: at(days: -5), compound: 0.5, thread: "post1")
        let profile = try #require(try feed.inbox().profile(of: "ann"))
        #expect(profile.level == .opinion)
        #expect(profile.evidence.map(\.level) == [.opinion, .sharing, .appreciation, .attention])
        let likes = try #require(profile.evidence.first { $0.level == .appreciation })
        #expect(likes.count == 2)
        #expect(likes.interactionID == "l2")
        #expect(profile.interactionCount == 5)
        #expect(profile.firstSeen == at(days: -9))
    }

    @Test func theBrandsAccountsGetNoProfile() throws {
        var feed = Feed()
        try feed.add("b1", by: "brand", .userPost, compound: 0.5)
        try feed.add("c1", by: "ann", .comment, compound: 0.5, replyTo: "b1")
        let inbox = try feed.inbox()
        #expect(inbox.profile(of: "brand") == nil)
        #expect(inbox.profiles.map(\.author) == ["ann"])
    }

    @Test func theLatestKnownFollowerCountIsKept() throws {
        var feed = Feed()
        try feed.add("c2", by: "ann", .comment, at: at(days: -1), compound: 0.5, followers: 1_300)
        try feed.add("c1", by: "ann", .comment, at: at(days: -3), compound: 0.5, followers: 900)
        try feed.add("l1", by: "ann", .like, at: at(days: 0))
        #expect(try feed.inbox().profile(of: "ann")?.followers == 1_300)
    }
}
