public import Foundation

/// Whether an author follows the account, from their last follow or unfollow.
public enum FollowStatus: String, Sendable, Hashable, Codable {
    /// Their last follow event was a follow.
    case following
    /// Their last follow event was an unfollow.
    case unfollowed
    /// No follow or unfollow in the input.
    case unknown
}

/// A change in where an author stands: an interaction against their standing so far.
///
/// The *standing* before an interaction is the author's overall stance computed from
/// their earlier interactions only, at the interaction's time (same half-life and prior
/// as ``EngagementRules``). An advocate standing followed by a detractor interaction is
/// ``Kind/advocateTurnedDetractor``; a detractor standing followed by an advocate
/// interaction is ``Kind/detractorWonBack``.
public struct StanceTransition: Sendable, Hashable, Codable {
    /// The kind of change.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An advocate wrote something negative: news, and urgent.
        case advocateTurnedDetractor = "advocate-turned-detractor"
        /// A detractor wrote something positive.
        case detractorWonBack = "detractor-won-back"
    }

    /// The kind of change.
    public var kind: Kind
    /// The interaction that broke with the standing.
    public var interactionID: String
    /// Its time.
    public var time: Date
    /// The stance score just before it.
    public var scoreBefore: Double

    /// Creates a transition.
    public init(kind: Kind, interactionID: String, time: Date, scoreBefore: Double) {
        self.kind = kind
        self.interactionID = interactionID
        self.time = time
        self.scoreBefore = scoreBefore
    }
}

/// How many of an author's interactions had each stance.
public struct StanceCounts: Sendable, Hashable, Codable {
    /// Number of advocate interactions.
    public var advocate = 0
    /// Number of neutral interactions.
    public var neutral = 0
    /// Number of detractor interactions.
    public var detractor = 0

    /// No interactions.
    public init() {}

    subscript(stance: Stance) -> Int {
        get { stance == .advocate ? advocate : stance == .neutral ? neutral : detractor }
        set {
            switch stance {
            case .advocate: advocate = newValue
            case .neutral: neutral = newValue
            case .detractor: detractor = newValue
            }
        }
    }
}

/// One author as the brand sees them: engagement level and its evidence, overall stance,
/// transitions, reach.
///
/// Profiles come from an ``Inbox``; the brand's own accounts get none.
///
/// ```swift
/// let inbox = try Inbox(interactions, analyses: analyses, now: now)
/// let anna = inbox.profile(of: "anna")!
/// anna.level                  // .advocacy
/// anna.evidence.first?.summary
/// anna.stance                 // .advocate
/// anna.hasTurnedDetractor     // false
/// ```
public struct AuthorProfile: Sendable, Hashable, Codable {
    /// The author.
    public var author: String
    /// The highest engagement level reached; nil when nothing placed them on one (only unfollows).
    public var level: EngagementLevel?
    /// One entry per level reached, highest first: the first placed the author on ``level``.
    public var evidence: [LevelEvidence]
    /// The overall stance, recent interactions weighing more.
    public var stance: Stance
    /// The stance score in (-1, 1) behind ``stance`` (see ``EngagementRules``).
    public var stanceScore: Double
    /// Stance counts over all the author's interactions.
    public var stanceCounts: StanceCounts
    /// Changes of standing, oldest first.
    public var transitions: [StanceTransition]
    /// Follow status from the last follow or unfollow.
    public var followStatus: FollowStatus
    /// The latest known follower count.
    public var followers: Int?
    /// How many interactions the author made.
    public var interactionCount: Int
    /// The first interaction's time.
    public var firstSeen: Date
    /// The last interaction's time.
    public var lastSeen: Date

    /// Whether the author's latest transition is an advocate turning detractor.
    public var hasTurnedDetractor: Bool { transitions.last?.kind == .advocateTurnedDetractor }

    /// Creates a profile.
    public init(
        author: String, level: EngagementLevel?, evidence: [LevelEvidence], stance: Stance, stanceScore: Double,
        stanceCounts: StanceCounts, transitions: [StanceTransition], followStatus: FollowStatus, followers: Int?,
        interactionCount: Int, firstSeen: Date, lastSeen: Date
    ) {
        self.author = author
        self.level = level
        self.evidence = evidence
        self.stance = stance
        self.stanceScore = stanceScore
        self.stanceCounts = stanceCounts
        self.transitions = transitions
        self.followStatus = followStatus
        self.followers = followers
        self.interactionCount = interactionCount
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }
}
