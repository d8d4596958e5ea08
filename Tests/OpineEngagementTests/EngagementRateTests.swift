import Foundation
import OpineEngagement
import Testing

/// (likes + comments) / followers × 100: low below 1 %, average to good from 1 % to
/// 3.5 %, high above 3.5 %.
struct EngagementRateTests {
    @Test(arguments: [
        (9, 1_000, EngagementRate.Band.low),
        (10, 1_000, .averageToGood),  // exactly 1 %
        (35, 1_000, .averageToGood),  // exactly 3.5 %, which floating point makes 3.5000000000000004
        (36, 1_000, .high),
        (999, 100_000, .low),  // 0.999 %
        (3_500, 100_000, .averageToGood),
        (3_501, 100_000, .high),  // 3.501 %
        (0, 1, .low),
        (7, 200, .averageToGood),  // 3.5 % again
    ])
    func bandsAtTheirBoundaries(interactions: Int, followers: Int, band: EngagementRate.Band) throws {
        let rate = try EngagementRate(likes: interactions / 2, comments: interactions - interactions / 2, followers: followers)
        #expect(rate.band == band)
    }

    @Test func percentIsLikesPlusCommentsOverFollowers() throws {
        let rate = try EngagementRate(likes: 30, comments: 6, followers: 1_000)
        #expect(abs(rate.percent - 3.6) < 1e-12)
        #expect(rate.interactions == 36)
    }

    @Test func hugeCountsDoNotOverflow() throws {
        let rate = try EngagementRate(likes: Int.max, comments: Int.max, followers: Int.max)
        #expect(rate.band == .high)  // 200 %
    }

    @Test func invalidCountsThrow() {
        #expect(throws: EngagementError.invalidCount(name: "followers", value: 0, expected: "more than 0")) {
            try EngagementRate(likes: 1, comments: 1, followers: 0)
        }
        #expect(throws: EngagementError.invalidCount(name: "likes", value: -1, expected: "0 or more")) {
            try EngagementRate(likes: -1, comments: 1, followers: 10)
        }
    }

    @Test func aPostsRateCountsItsOwnLikesAndEveryCommentInItsThread() throws {
        var feed = Feed()
        try feed.add("l1", by: "a", .like, replyTo: "p1")
        try feed.add("l2", by: "b", .like, thread: "p1")
        try feed.add("l3", by: "c", .like, replyTo: "c1", thread: "p1")  // a like of a comment, not of the post
        try feed.add("l4", by: "d", .like, thread: "p2")
        try feed.add("c1", by: "e", .comment, compound: 0.5, thread: "p1")
        try feed.add("c2", by: "f", .reply, compound: 0.5, replyTo: "c1", thread: "p1")
        try feed.add("c3", by: "g", .comment, compound: 0.5, replyTo: "p1")
        try feed.add("s1", by: "h", .share, thread: "p1")
        try feed.add("m1", by: "i", .mention, compound: 0.5, thread: "p1")
        let rate = try EngagementRate(post: "p1", in: feed.interactions, followers: 100)
        #expect(rate.likes == 2)
        #expect(rate.comments == 3)
        #expect(rate.band == .high)
    }

    @Test func anAccountsRateCanBeLimitedToAPeriod() throws {
        var feed = Feed()
        try feed.add("l1", by: "a", .like, at: at(days: -40))
        try feed.add("l2", by: "b", .like, at: at(days: -10))
        try feed.add("c1", by: "c", .comment, at: at(days: -5), compound: 0.2)
        try feed.add("f1", by: "d", .follow, at: at(days: -5))
        let all = try EngagementRate(account: feed.interactions, followers: 200)
        #expect(all.likes + all.comments == 3)
        #expect(all.band == .averageToGood)  // 1.5 %
        let month = try EngagementRate(
            account: feed.interactions, followers: 200, during: DateInterval(start: at(days: -30), end: now))
        #expect(month.likes + month.comments == 2)
        #expect(month.band == .averageToGood)  // 1 %
    }
}
