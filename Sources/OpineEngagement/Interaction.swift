public import Foundation

/// What an author did: the kinds of interaction a brand receives.
///
/// The raw values (`follow`, `direct_message`, `user_post`, ...) are the names used in
/// JSON; ``init(parsing:)`` also accepts the names exports use (`dm`, `retweet`, `tag`).
///
/// ```swift
/// InteractionKind(parsing: "Retweet")   // .share
/// InteractionKind.review.carriesText    // true
/// ```
public enum InteractionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Started following the account.
    case follow
    /// Stopped following the account.
    case unfollow
    /// A like, favourite or positive reaction.
    case like
    /// A share, retweet or repost of the brand's content.
    case share
    /// A comment under the brand's content.
    case comment
    /// A reply to another interaction (see ``Interaction/inReplyTo``).
    case reply
    /// A tag or mention of the brand in the author's own post.
    case mention
    /// A private message to the brand.
    case directMessage = "direct_message"
    /// A review, with or without a rating.
    case review
    /// The author's own post about the brand (user-generated content).
    case userPost = "user_post"

    /// Parses a kind name as exports write it, case-insensitively: the raw values and
    /// common synonyms (`dm`, `message`, `retweet`, `repost`, `favourite`, `reaction`,
    /// `tag`, `post`, `ugc`, `rating`, `answer`; Dutch `reactie`, `bericht`, `recensie`,
    /// `volgen`, `delen`). Nil when the name is unknown.
    public init?(parsing name: String) {
        let key = name.lowercased().filter { $0.isLetter }
        switch key {
        case "follow", "follows", "followed", "volg", "volgen", "volger": self = .follow
        case "unfollow", "unfollows", "unfollowed", "ontvolgen", "ontvolgd": self = .unfollow
        case "like", "likes", "liked", "favourite", "favorite", "fav", "favourited", "favorited", "reaction", "heart", "vindikleuk":
            self = .like
        case "share", "shares", "shared", "retweet", "rt", "repost", "reblog", "delen", "gedeeld": self = .share
        case "comment", "comments", "reactie", "opmerking": self = .comment
        case "reply", "replies", "answer", "antwoord": self = .reply
        case "mention", "mentions", "tag", "tagged", "vermelding": self = .mention
        case "directmessage", "dm", "message", "privatemessage", "pm", "bericht", "privebericht": self = .directMessage
        case "review", "reviews", "rating", "recensie", "beoordeling": self = .review
        case "userpost", "post", "ugc", "usergeneratedcontent", "owncontent": self = .userPost
        default: return nil
        }
    }

    /// Whether the kind carries words (and may carry a rating): comments, replies,
    /// mentions, direct messages, reviews and user posts. Follows, unfollows, likes and
    /// shares carry none; their text, if any, is ignored.
    public var carriesText: Bool {
        switch self {
        case .follow, .unfollow, .like, .share: return false
        case .comment, .reply, .mention, .directMessage, .review, .userPost: return true
        }
    }

    /// Words for the kind in reasons ("direct message", "user post").
    public var phrase: String {
        switch self {
        case .directMessage: return "direct message"
        case .userPost: return "user post"
        default: return rawValue
        }
    }
}

/// A star rating (1-5) or a 0-10 score, validated on creation.
///
/// ```swift
/// let rating = try Rating(stars: 2)     // "2 stars"
/// let nps = try Rating(score: 9)        // "score 9/10"
/// try Rating(stars: 0)                  // throws EngagementError.ratingOutOfRange
/// ```
public struct Rating: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The scale of a rating.
    public enum Scale: String, Sendable, Hashable, Codable {
        /// One to five stars.
        case stars
        /// A 0-10 score, read like a Net Promoter Score answer.
        case score

        /// The values the scale allows.
        public var range: ClosedRange<Int> { self == .stars ? 1...5 : 0...10 }
    }

    /// The scale.
    public let scale: Scale
    /// The value, within ``Scale/range``.
    public let value: Int

    /// A rating on the given scale.
    /// - Throws: ``EngagementError/ratingOutOfRange(value:scale:)``.
    public init(_ value: Int, on scale: Scale) throws(EngagementError) {
        guard scale.range.contains(value) else { throw .ratingOutOfRange(value: value, scale: scale) }
        self.scale = scale
        self.value = value
    }

    /// A star rating, 1 to 5.
    public init(stars: Int) throws(EngagementError) { try self.init(stars, on: .stars) }

    /// A 0-10 score.
    public init(score: Int) throws(EngagementError) { try self.init(score, on: .score) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let scale = try container.decode(Scale.self, forKey: .scale)
        let value = try container.decode(Int.self, forKey: .value)
        do {
            try self.init(value, on: scale)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: error.description)
        }
    }

    /// "1 star", "4 stars", "score 3/10".
    public var description: String {
        switch scale {
        case .stars: return value == 1 ? "1 star" : "\(value) stars"
        case .score: return "score \(value)/10"
        }
    }

    /// How negative the rating is, from 0 to 1, for the response queue: stars
    /// `(4 - stars) / 3` (1 star 1, 2 stars 0.67, 3 stars 0.33, 4-5 stars 0), scores
    /// `(7 - score) / 7` (0 gives 1, 6 gives 0.14, 7-10 give 0).
    public var negativity: Double {
        switch scale {
        case .stars: return max(0, Double(4 - value) / 3)
        case .score: return max(0, Double(7 - value) / 7)
        }
    }
}

/// One thing an author did to or about the brand.
///
/// Create it with the throwing initializer, which checks the invariants (non-empty id and
/// author, a rating only on kinds that carry words, a non-negative follower count, not a
/// reply to itself). `Codable`: decoding checks the same invariants.
///
/// ```swift
/// let review = try Interaction(
///     id: "r1", author: "anna", kind: .review, time: Date(timeIntervalSince1970: 1_700_000_000),
///     text: "Third time my order is late.", rating: try Rating(stars: 1), authorFollowers: 12_000)
/// ```
public struct Interaction: Sendable, Hashable, Codable, Identifiable {
    /// A unique id within the input.
    public var id: String
    /// Who did it (a handle or account id, compared exactly).
    public var author: String
    /// What they did.
    public var kind: InteractionKind
    /// When.
    public var time: Date
    /// The words, for the kinds that carry them.
    public var text: String?
    /// A star rating or 0-10 score.
    public var rating: Rating?
    /// The id of the interaction this one answers.
    public var inReplyTo: String?
    /// The id of the thread or post it belongs to (the brand's post a comment sits under,
    /// or the author's own post that a reply sits under).
    public var thread: String?
    /// The author's follower count when the interaction was made.
    public var authorFollowers: Int?
    /// Whether the brand has answered it.
    public var isAnswered: Bool

    /// Creates an interaction and checks it.
    /// - Throws: ``EngagementError`` when the id or author is empty, the follower count is
    ///   negative, a follow/unfollow/like/share carries a rating, or it replies to itself.
    public init(
        id: String, author: String, kind: InteractionKind, time: Date, text: String? = nil, rating: Rating? = nil,
        inReplyTo: String? = nil, thread: String? = nil, authorFollowers: Int? = nil, isAnswered: Bool = false
    ) throws(EngagementError) {
        self.id = id
        self.author = author
        self.kind = kind
        self.time = time
        self.text = text
        self.rating = rating
        self.inReplyTo = inReplyTo
        self.thread = thread
        self.authorFollowers = authorFollowers
        self.isAnswered = isAnswered
        try validate()
    }

    /// Checks the invariants (the properties are mutable, so ``Inbox`` checks again).
    public func validate(index: Int? = nil) throws(EngagementError) {
        guard !id.isEmpty else { throw .emptyID(index: index) }
        guard !author.isEmpty else { throw .emptyAuthor(id: id) }
        if let authorFollowers, authorFollowers < 0 { throw .negativeFollowerCount(id: id, count: authorFollowers) }
        if rating != nil && !kind.carriesText { throw .ratingNotAllowed(id: id, kind: kind) }
        if inReplyTo == id { throw .repliesToItself(id: id) }
    }

    /// Whether the interaction has words to analyze: a kind that carries text, with text
    /// that is not blank.
    public var hasText: Bool {
        guard kind.carriesText, let text else { return false }
        return text.unicodeScalars.contains { !$0.properties.isWhitespace }
    }

    enum CodingKeys: String, CodingKey {
        case id, author, kind, time, text, rating, inReplyTo, thread, authorFollowers, isAnswered = "answered"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        author = try container.decode(String.self, forKey: .author)
        kind = try container.decode(InteractionKind.self, forKey: .kind)
        time = try container.decode(Date.self, forKey: .time)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        rating = try container.decodeIfPresent(Rating.self, forKey: .rating)
        inReplyTo = try container.decodeIfPresent(String.self, forKey: .inReplyTo)
        thread = try container.decodeIfPresent(String.self, forKey: .thread)
        authorFollowers = try container.decodeIfPresent(Int.self, forKey: .authorFollowers)
        isAnswered = try container.decodeIfPresent(Bool.self, forKey: .isAnswered) ?? false
        do {
            try validate()
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }
}
