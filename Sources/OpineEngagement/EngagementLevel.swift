public import Foundation

/// The seven engagement levels, lowest to highest, each implied by what an author does.
///
/// | level | name | evidence (see ``EvidenceReason``) |
/// |---|---|---|
/// | 1 | Attention | follows the account; or comments, replies or messages without an opinion |
/// | 2 | Appreciation | likes (favourites, positive reactions) |
/// | 3 | Sharing | shares the brand's content |
/// | 4 | Opinion | a comment, reply, direct message or review that gives an opinion (a rating, or text the analyzer finds sentiment in) |
/// | 5 | Contribution | own content about the brand (a mention or user post that is not a reply), or a review with substance |
/// | 6 | Animation | a reply to another follower (not the brand, not oneself) in the brand's threads |
/// | 7 | Advocacy | a positive (advocate) reply to another follower's negative (detractor) interaction: defending the brand |
///
/// An author's level is the highest reached; reaching a level does not require the
/// levels below it. Levels measure *depth*, not direction: a detractor who writes a
/// 30-word one-star review is at level 5. Unfollows give no level.
///
/// ```swift
/// EngagementLevel.advocacy.rawValue      // 7
/// EngagementLevel.animation.description  // "level 6 Animation"
/// ```
public enum EngagementLevel: Int, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case attention = 1
    case appreciation
    case sharing
    case opinion
    case contribution
    case animation
    case advocacy

    /// "Attention" ... "Advocacy".
    public var name: String {
        switch self {
        case .attention: return "Attention"
        case .appreciation: return "Appreciation"
        case .sharing: return "Sharing"
        case .opinion: return "Opinion"
        case .contribution: return "Contribution"
        case .animation: return "Animation"
        case .advocacy: return "Advocacy"
        }
    }

    /// "level 7 Advocacy".
    public var description: String { "level \(rawValue) \(name)" }

    public static func < (lhs: EngagementLevel, rhs: EngagementLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What an interaction showed, as evidence for an engagement level.
public enum EvidenceReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Followed the account (level 1).
    case followed
    /// Commented, replied, messaged or reviewed without giving an opinion (level 1).
    case noticed
    /// Liked something (level 2).
    case liked
    /// Shared the brand's content (level 3).
    case shared
    /// Gave an opinion in a comment, reply, message or review (level 4).
    case gaveOpinion
    /// Wrote a review with substance (level 5).
    case reviewedWithSubstance
    /// Posted own content mentioning the brand (level 5).
    case postedOwnContent
    /// Replied to another follower in the brand's thread (level 6).
    case repliedToFollower
    /// Answered another follower's negative interaction positively (level 7).
    case defendedBrand

    /// The level the reason gives.
    public var level: EngagementLevel {
        switch self {
        case .followed, .noticed: return .attention
        case .liked: return .appreciation
        case .shared: return .sharing
        case .gaveOpinion: return .opinion
        case .reviewedWithSubstance, .postedOwnContent: return .contribution
        case .repliedToFollower: return .animation
        case .defendedBrand: return .advocacy
        }
    }
}

/// The interactions that placed an author on one engagement level.
///
/// An ``AuthorProfile`` keeps one per level reached, highest first; the first is the
/// evidence for the author's level.
///
/// ```swift
/// let top = profile.evidence.first!
/// top.level      // .advocacy
/// top.summary    // "defended the brand: a positive reply to bob's negative review (c7)"
/// ```
public struct LevelEvidence: Sendable, Hashable, Codable {
    /// The level.
    public var level: EngagementLevel
    /// The strongest reason at this level in the latest such interaction.
    public var reason: EvidenceReason
    /// The latest interaction that reached this level.
    public var interactionID: String
    /// Its kind.
    public var kind: InteractionKind
    /// Its time.
    public var time: Date
    /// The other author it involved: the follower replied to, or the detractor answered.
    public var counterpart: String?
    /// The kind of the counterpart's interaction.
    public var counterpartKind: InteractionKind?
    /// How many of the author's interactions reached this level.
    public var count: Int

    /// Creates evidence.
    public init(
        level: EngagementLevel, reason: EvidenceReason, interactionID: String, kind: InteractionKind, time: Date,
        counterpart: String? = nil, counterpartKind: InteractionKind? = nil, count: Int = 1
    ) {
        self.level = level
        self.reason = reason
        self.interactionID = interactionID
        self.kind = kind
        self.time = time
        self.counterpart = counterpart
        self.counterpartKind = counterpartKind
        self.count = count
    }

    /// The evidence in words, naming the latest interaction.
    public var summary: String {
        let what: String
        switch reason {
        case .followed: what = "follows the account"
        case .noticed: what = "a \(kind.phrase) without an opinion"
        case .liked: what = "liked"
        case .shared: what = "shared the brand's content"
        case .gaveOpinion: what = "gave an opinion in a \(kind.phrase)"
        case .reviewedWithSubstance: what = "wrote a review with substance"
        case .postedOwnContent: what = "posted own content about the brand (\(kind.phrase))"
        case .repliedToFollower:
            what = "replied to \(counterpart ?? "another follower")'s \(counterpartKind?.phrase ?? "interaction") in the brand's thread"
        case .defendedBrand:
            what = "defended the brand: a positive reply to \(counterpart ?? "a detractor")'s negative \(counterpartKind?.phrase ?? "interaction")"
        }
        let times = count > 1 ? ", \(count) times" : ""
        return "\(what) (\(interactionID)\(times))"
    }
}
