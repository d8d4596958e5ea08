public import Foundation

/// How engaging a post or account is: (likes + comments) / followers × 100, with its band.
///
/// Bands: ``Band/low`` below 1 %, ``Band/averageToGood`` from 1 % to 3.5 % (both ends
/// included), ``Band/high`` above 3.5 %. The band is decided in exact integer arithmetic,
/// so 35 interactions over 1,000 followers is exactly 3.5 % (average to good), not the
/// 3.5000000000000004 % that floating point computes.
///
/// ```swift
/// let rate = try EngagementRate(likes: 30, comments: 6, followers: 1_000)
/// rate.percent   // 3.6
/// rate.band      // .high
/// let post = try EngagementRate(post: "p1", in: interactions, followers: 12_000)
/// ```
public struct EngagementRate: Sendable, Hashable, Codable {
    /// The engagement bands.
    public enum Band: String, Sendable, Hashable, Codable, CaseIterable {
        /// Below 1 %.
        case low
        /// From 1 % to 3.5 %.
        case averageToGood = "average-to-good"
        /// Above 3.5 %.
        case high
    }

    /// Likes counted.
    public let likes: Int
    /// Comments counted.
    public let comments: Int
    /// Followers of the account.
    public let followers: Int

    /// A rate from counts.
    /// - Throws: ``EngagementError/invalidCount(name:value:expected:)`` for a negative count
    ///   or no followers.
    public init(likes: Int, comments: Int, followers: Int) throws(EngagementError) {
        guard likes >= 0 else { throw .invalidCount(name: "likes", value: likes, expected: "0 or more") }
        guard comments >= 0 else { throw .invalidCount(name: "comments", value: comments, expected: "0 or more") }
        guard followers > 0 else { throw .invalidCount(name: "followers", value: followers, expected: "more than 0") }
        self.likes = likes
        self.comments = comments
        self.followers = followers
    }

    /// The rate of one post: the likes of the post itself (`inReplyTo` the post, or in its
    /// thread and answering nothing) and every comment and reply in its thread
    /// (`thread` or `inReplyTo` the post).
    public init(post: String, in interactions: [Interaction], followers: Int) throws(EngagementError) {
        var likes = 0
        var comments = 0
        for interaction in interactions {
            switch interaction.kind {
            case .like:
                if interaction.inReplyTo == post || (interaction.thread == post && interaction.inReplyTo == nil) { likes += 1 }
            case .comment, .reply:
                if interaction.thread == post || interaction.inReplyTo == post { comments += 1 }
            default: break
            }
        }
        try self.init(likes: likes, comments: comments, followers: followers)
    }

    /// The rate of an account: all likes and all comments and replies, optionally only
    /// those within a period.
    public init(account interactions: [Interaction], followers: Int, during period: DateInterval? = nil) throws(EngagementError) {
        var likes = 0
        var comments = 0
        for interaction in interactions where period?.contains(interaction.time) ?? true {
            switch interaction.kind {
            case .like: likes += 1
            case .comment, .reply: comments += 1
            default: break
            }
        }
        try self.init(likes: likes, comments: comments, followers: followers)
    }

    /// Likes plus comments.
    public var interactions: Int { likes.addingReportingOverflow(comments).overflow ? Int.max : likes + comments }

    /// The rate in percent.
    public var percent: Double { (Double(likes) + Double(comments)) / Double(followers) * 100 }

    /// The band, decided exactly: low when 100 × interactions < followers, high when
    /// 200 × interactions > 7 × followers.
    public var band: Band {
        let total = UInt64(likes) + UInt64(comments)  // both are non-negative Ints: no overflow
        let count = UInt64(followers)
        if compare(total, 100, count, 1) < 0 { return .low }
        if compare(total, 200, count, 7) > 0 { return .high }
        return .averageToGood
    }

    /// Compares a × b with c × d exactly.
    private func compare(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> Int {
        let left = a.multipliedFullWidth(by: b)
        let right = c.multipliedFullWidth(by: d)
        if left.high != right.high { return left.high < right.high ? -1 : 1 }
        if left.low != right.low { return left.low < right.low ? -1 : 1 }
        return 0
    }
}
