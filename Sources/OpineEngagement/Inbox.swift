public import Foundation
public import OpineSentiment

/// A set of interactions, read together: the stance of each, a profile per author, and
/// from those the response queue and the thank-you list.
///
/// Building an inbox checks every interaction (typed ``EngagementError``s name the row or
/// id), pairs each with its text analysis, assesses its stance with ``EngagementRules``,
/// links replies to the interactions they answer, and walks each author's interactions
/// in time order to find their engagement level, overall stance and transitions. Every
/// result is independent of the input order: authors are sorted by name and each
/// author's interactions by time, then id.
///
/// The brand's own accounts (``brandAccounts``) get no profile and no queue items; a
/// reply by one of them marks the interaction it answers as answered.
///
/// ```swift
/// let analyzer = try SentimentAnalyzer()
/// let inbox = try Inbox(interactions, analyzer: analyzer, now: Date(), brandAccounts: ["kpn"])
/// for item in try inbox.responseQueue(limit: 20) { print(item.priority, item.summary) }
/// for advocate in inbox.thankYouList() { print(advocate.author, advocate.summary) }
/// inbox.profile(of: "anna")?.level      // .advocacy
/// ```
public struct Inbox: Sendable {
    /// The interactions, in input order.
    public let interactions: [Interaction]
    /// The reference time: stance weights decay up to it, due times are measured from it.
    public let now: Date
    /// The rules in use.
    public let rules: EngagementRules
    /// The brand's own accounts.
    public let brandAccounts: Set<String>
    /// One profile per author (the brand's accounts excluded), sorted by author.
    public let profiles: [AuthorProfile]

    let signals: [TextSignal?]
    let stances: StanceTable
    /// Answered: flagged so, or a brand account replied to it.
    let answered: [Bool]
    /// A detractor interaction by an author whose standing had turned from advocate.
    let turned: [Bool]
    /// The index of the interaction each one replies to, -1 when none is in the input.
    let parents: [Int]
    let isBrand: [Bool]
    let indexByID: [String: Int]
    let profileIndex: [String: Int]

    /// Reads interactions with their analyses, aligned by index (nil for interactions
    /// without text).
    /// - Throws: ``EngagementError`` for an invalid interaction, a duplicate id, text
    ///   without an analysis, misaligned analyses or invalid rules.
    public init(
        _ interactions: [Interaction], analyses: [Analysis?], now: Date, brandAccounts: Set<String> = [],
        rules: EngagementRules = .init()
    ) throws(EngagementError) {
        guard analyses.count == interactions.count else {
            throw .analysisCountMismatch(interactions: interactions.count, analyses: analyses.count)
        }
        try self.init(
            interactions, signals: analyses.map { $0.map(TextSignal.init) }, now: now, brandAccounts: brandAccounts,
            rules: rules)
    }

    /// Reads interactions with their analyses keyed by interaction id.
    /// - Throws: as ``init(_:analyses:now:brandAccounts:rules:)``.
    public init(
        _ interactions: [Interaction], analysesByID: [String: Analysis], now: Date, brandAccounts: Set<String> = [],
        rules: EngagementRules = .init()
    ) throws(EngagementError) {
        try self.init(
            interactions, signals: interactions.map { analysesByID[$0.id].map(TextSignal.init) }, now: now,
            brandAccounts: brandAccounts, rules: rules)
    }

    /// Reads interactions and analyzes their texts with the analyzer (language identified
    /// per text), on the calling thread.
    /// - Throws: as ``init(_:analyses:now:brandAccounts:rules:)``.
    public init(
        _ interactions: [Interaction], analyzer: SentimentAnalyzer, now: Date, brandAccounts: Set<String> = [],
        rules: EngagementRules = .init()
    ) throws(EngagementError) {
        let signals = interactions.map { interaction -> TextSignal? in
            guard interaction.hasText, let text = interaction.text else { return nil }
            return TextSignal(analyzer.analyze(text))
        }
        try self.init(interactions, signals: signals, now: now, brandAccounts: brandAccounts, rules: rules)
    }

    /// Reads interactions with their text signals, aligned by index (nil for interactions
    /// without text): what a store that keeps signals instead of analyses reads back.
    /// - Throws: as ``init(_:analyses:now:brandAccounts:rules:)``.
    public init(
        _ interactions: [Interaction], signals inputSignals: [TextSignal?], now: Date, brandAccounts: Set<String> = [],
        rules: EngagementRules = .init()
    ) throws(EngagementError) {
        guard inputSignals.count == interactions.count else {
            throw .analysisCountMismatch(interactions: interactions.count, analyses: inputSignals.count)
        }
        try rules.validate()
        let count = interactions.count
        var indexByID = [String: Int](minimumCapacity: count)
        var signals = inputSignals
        var isBrand = [Bool](repeating: false, count: count)
        for (index, interaction) in interactions.enumerated() {
            try interaction.validate(index: index)
            if indexByID.updateValue(index, forKey: interaction.id) != nil { throw .duplicateID(interaction.id) }
            if !interaction.kind.carriesText {
                signals[index] = nil
            } else if signals[index] == nil && interaction.hasText {
                throw .missingAnalysis(id: interaction.id)
            }
            if !brandAccounts.isEmpty && brandAccounts.contains(interaction.author) { isBrand[index] = true }
        }
        var parents = [Int](repeating: -1, count: count)
        var answered = [Bool](repeating: false, count: count)
        var stances = StanceTable(count: count)
        for (index, interaction) in interactions.enumerated() {
            if let target = interaction.inReplyTo, let parent = indexByID[target] { parents[index] = parent }
            if interaction.isAnswered { answered[index] = true }
            if isBrand[index] && parents[index] >= 0 { answered[parents[index]] = true }
            stances[index] = rules.stance(kind: interaction.kind, rating: interaction.rating, signal: signals[index])?.stance
        }

        self.interactions = interactions
        self.now = now
        self.rules = rules
        self.brandAccounts = brandAccounts
        self.signals = signals
        self.stances = stances
        self.answered = answered
        self.parents = parents
        self.isBrand = isBrand
        self.indexByID = indexByID

        var groups: [String: [Int]] = [:]
        for (index, interaction) in interactions.enumerated() where !isBrand[index] {
            groups[interaction.author, default: []].append(index)
        }
        var turned = [Bool](repeating: false, count: count)
        var profiles: [AuthorProfile] = []
        profiles.reserveCapacity(groups.count)
        var profileIndex = [String: Int](minimumCapacity: groups.count)
        let builder = ProfileBuilder(
            interactions: interactions, signals: signals, stances: stances, parents: parents, isBrand: isBrand,
            indexByID: indexByID, rules: rules)
        for author in groups.keys.sorted() {
            let indices = groups[author]!.sorted { a, b in
                (interactions[a].time, interactions[a].id) < (interactions[b].time, interactions[b].id)
            }
            profileIndex[author] = profiles.count
            profiles.append(builder.profile(author: author, indices: indices, now: now, turned: &turned))
        }
        self.turned = turned
        self.profiles = profiles
        self.profileIndex = profileIndex
    }

    /// The profile of an author; nil for unknown authors and the brand's accounts.
    public func profile(of author: String) -> AuthorProfile? {
        profileIndex[author].map { profiles[$0] }
    }

    /// The stance of an interaction by id; nil for unknown ids and kinds without a stance.
    public func stance(of id: String) -> StanceAssessment? {
        indexByID[id].flatMap(assessment(at:))
    }

    /// The stance assessment of the interaction at an index (recomputed: the inbox keeps
    /// only one byte per interaction).
    func assessment(at index: Int) -> StanceAssessment? {
        rules.stance(kind: interactions[index].kind, rating: interactions[index].rating, signal: signals[index])
    }

    /// Whether the interaction (by id) counts as answered: flagged so, or replied to by a
    /// brand account.
    public func isAnswered(_ id: String) -> Bool {
        indexByID[id].map { answered[$0] } ?? false
    }
}

/// Walks one author's interactions in time order.
struct ProfileBuilder {
    let interactions: [Interaction]
    let signals: [TextSignal?]
    let stances: StanceTable
    let parents: [Int]
    let isBrand: [Bool]
    let indexByID: [String: Int]
    let rules: EngagementRules

    struct Slot {
        var reason: EvidenceReason
        var latest: Int
        var counterpart: Int?
        var count: Int
    }

    func profile(author: String, indices: [Int], now: Date, turned: inout [Bool]) -> AuthorProfile {
        var slots = [Slot?](repeating: nil, count: 8)
        var counts = StanceCounts()
        var transitions: [StanceTransition] = []
        var followStatus = FollowStatus.unknown
        var followers: Int?
        var sum = 0.0
        var weight = 0.0
        var last: Date?
        var hasTurned = false
        let halfLife = rules.stanceHalfLife
        let prior = rules.stancePriorWeight

        func decay(to time: Date) {
            if let last {
                let age = time.timeIntervalSince(last)
                if age > 0 {
                    let factor = exp2(-age / halfLife)
                    sum *= factor
                    weight *= factor
                }
            }
            if last.map({ time > $0 }) ?? true { last = time }
        }
        func score() -> Double { weight + prior > 0 ? sum / (weight + prior) : 0 }

        for index in indices {
            let interaction = interactions[index]
            switch interaction.kind {
            case .follow: followStatus = .following
            case .unfollow: followStatus = .unfollowed
            default: break
            }
            if let count = interaction.authorFollowers { followers = count }
            if let found = evidence(index) {
                let (reason, counterpart) = found
                let level = reason.level.rawValue
                let count = (slots[level]?.count ?? 0) + 1
                slots[level] = Slot(reason: reason, latest: index, counterpart: counterpart, count: count)
            }
            guard let stance = stances[index] else { continue }
            decay(to: interaction.time)
            let before = score()
            let standing = rules.overallStance(score: before)
            if standing == .advocate && stance == .detractor {
                transitions.append(
                    StanceTransition(
                        kind: .advocateTurnedDetractor, interactionID: interaction.id, time: interaction.time,
                        scoreBefore: before))
                hasTurned = true
            } else if standing == .detractor && stance == .advocate {
                transitions.append(
                    StanceTransition(
                        kind: .detractorWonBack, interactionID: interaction.id, time: interaction.time, scoreBefore: before))
            }
            switch stance {
            case .detractor: if hasTurned { turned[index] = true }
            case .advocate: hasTurned = false
            case .neutral: break
            }
            sum += stance.sign
            weight += 1
            counts[stance] += 1
        }
        decay(to: now)
        let finalScore = score()

        var evidence: [LevelEvidence] = []
        for level in stride(from: 7, through: 1, by: -1) {
            guard let slot = slots[level] else { continue }
            let interaction = interactions[slot.latest]
            evidence.append(
                LevelEvidence(
                    level: slot.reason.level, reason: slot.reason, interactionID: interaction.id, kind: interaction.kind,
                    time: interaction.time, counterpart: slot.counterpart.map { interactions[$0].author },
                    counterpartKind: slot.counterpart.map { interactions[$0].kind }, count: slot.count))
        }
        let first = interactions[indices.first!].time
        let lastSeen = interactions[indices.last!].time
        return AuthorProfile(
            author: author, level: evidence.first?.level, evidence: evidence, stance: rules.overallStance(score: finalScore),
            stanceScore: finalScore, stanceCounts: counts, transitions: transitions, followStatus: followStatus,
            followers: followers, interactionCount: indices.count, firstSeen: first, lastSeen: lastSeen)
    }

    /// The level evidence one interaction gives, with the interaction it answered when
    /// that matters (levels 6 and 7).
    func evidence(_ index: Int) -> (EvidenceReason, Int?)? {
        let interaction = interactions[index]
        switch interaction.kind {
        case .follow: return (.followed, nil)
        case .unfollow: return nil
        case .like: return (.liked, nil)
        case .share: return (.shared, nil)
        case .comment, .reply, .mention, .userPost, .review, .directMessage: break
        }
        let parent = parents[index]
        if parent >= 0, interaction.kind.isPublicReply, interactions[parent].author != interaction.author, !isBrand[parent] {
            if stances[index] == .advocate && stances[parent] == .detractor {
                return (.defendedBrand, parent)
            }
            if isInBrandThread(index) { return (.repliedToFollower, parent) }
        }
        if (interaction.kind == .mention || interaction.kind == .userPost) && interaction.inReplyTo == nil {
            return (.postedOwnContent, nil)
        }
        let opinion = interaction.rating != nil || (signals[index]?.isOpinion ?? false)
        if interaction.kind == .review && opinion && wordCount(interaction.text ?? "") >= rules.substantiveReviewWords {
            return (.reviewedWithSubstance, nil)
        }
        return (opinion ? .gaveOpinion : .noticed, nil)
    }

    /// Whether a thread is an author's own post: a mention or user post that replies to
    /// nothing, by someone other than the brand.
    func ownsThread(_ index: Int) -> Bool {
        let interaction = interactions[index]
        return (interaction.kind == .mention || interaction.kind == .userPost) && interaction.inReplyTo == nil
            && !isBrand[index]
    }

    /// Whether a reply sits in one of the brand's threads rather than under an author's
    /// own post. The reply's thread id decides when it has one (an author's own post in
    /// the input means their thread; any other id, the brand's); otherwise the reply chain
    /// is followed up to the first interaction with a thread id, or to its root.
    func isInBrandThread(_ index: Int) -> Bool {
        var current = index
        for _ in 0..<256 {
            let interaction = interactions[current]
            if let thread = interaction.thread {
                if let root = indexByID[thread], ownsThread(root) { return false }
                return true
            }
            let parent = parents[current]
            if parent < 0 { return current == index || !ownsThread(current) }
            current = parent
        }
        return true
    }
}

extension InteractionKind {
    /// Kinds that, when they answer another interaction, are a public reply to it.
    var isPublicReply: Bool {
        switch self {
        case .comment, .reply, .mention, .userPost: return true
        default: return false
        }
    }
}

/// One stance per interaction in one byte each: nil, detractor, neutral or advocate.
struct StanceTable: Sendable {
    private var codes: [UInt8]

    init(count: Int) { codes = [UInt8](repeating: 0, count: count) }

    subscript(index: Int) -> Stance? {
        get {
            switch codes[index] {
            case 1: return .detractor
            case 2: return .neutral
            case 3: return .advocate
            default: return nil
            }
        }
        set {
            switch newValue {
            case nil: codes[index] = 0
            case .detractor: codes[index] = 1
            case .neutral: codes[index] = 2
            case .advocate: codes[index] = 3
            }
        }
    }
}
