public import Foundation
public import OpineSentiment

/// Kind weights of the response queue: reviews and direct messages before comments and
/// replies before mentions and user posts.
public struct KindWeights: Sendable, Hashable, Codable {
    /// Priority points for a review (default 20).
    public var review = 20.0
    /// Priority points for a direct message (default 20).
    public var directMessage = 20.0
    /// Priority points for a comment (default 10).
    public var comment = 10.0
    /// Priority points for a reply (default 10).
    public var reply = 10.0
    /// Priority points for a mention (default 5).
    public var mention = 5.0
    /// Priority points for a user post (default 5).
    public var userPost = 5.0

    /// The default kind weights.
    public init() {}

    /// The weight of a kind (0 for kinds that never enter the queue).
    public subscript(kind: InteractionKind) -> Double {
        switch kind {
        case .review: return review
        case .directMessage: return directMessage
        case .comment: return comment
        case .reply: return reply
        case .mention: return mention
        case .userPost: return userPost
        case .follow, .unfollow, .like, .share: return 0
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = KindWeights()
        review = try container.decodeIfPresent(Double.self, forKey: .review) ?? defaults.review
        directMessage = try container.decodeIfPresent(Double.self, forKey: .directMessage) ?? defaults.directMessage
        comment = try container.decodeIfPresent(Double.self, forKey: .comment) ?? defaults.comment
        reply = try container.decodeIfPresent(Double.self, forKey: .reply) ?? defaults.reply
        mention = try container.decodeIfPresent(Double.self, forKey: .mention) ?? defaults.mention
        userPost = try container.decodeIfPresent(Double.self, forKey: .userPost) ?? defaults.userPost
    }
}

/// The weights and response targets of the response queue. `Codable`; a partial JSON
/// object keeps the defaults for the keys it leaves out.
///
/// An item's priority is the sum of these parts (each shown in ``PriorityBreakdown``):
///
/// | part | default | value |
/// |---|---|---|
/// | ``negativity`` | 30 | × how negative, 0-1: the larger of the text's `-compound` and the rating's ``Rating/negativity`` |
/// | ``complaint`` | 15 | if the interaction is a detractor (a complaint, a negative review) |
/// | ``kinds`` | review 20, direct message 20, comment 10, reply 10, mention 5, user post 5 | by kind |
/// | ``question`` | 12 | if it asks a question or for a reply (``QuestionDetector``) |
/// | ``perLevel`` | 1 | × the author's engagement level (1-7) |
/// | ``perFollowerDecade`` | 3 | × log10(1 + followers): 100 followers 6, 12k 12.2, 1M 18 |
/// | ``advocateTurnedDetractor`` | 15 | if the author's standing turned from advocate to detractor |
/// | ``urgency`` | 20 | × (1 - time left / ``urgencyHorizon``), time left clamped to [0, horizon]; overdue items get the full 20 |
///
/// The response target is ``complaintTarget`` (1 hour) for direct messages and detractor
/// interactions (complaints, negative reviews) and ``standardTarget`` (24 hours) for the
/// rest; due by = time + target. With the default 24-hour horizon, every 1-hour item
/// gets at least 19.2 of the 20 urgency points: answered first, as customers expect.
///
/// ```swift
/// var weights = QueueWeights()
/// weights.kinds.mention = 0          // mentions only by their other parts
/// weights.complaintTarget = 30 * 60  // a stricter service level
/// let queue = try inbox.responseQueue(weights: weights)
/// ```
public struct QueueWeights: Sendable, Hashable, Codable {
    /// Points at full negativity, scaled by how negative the item is, 0...1 (default 30).
    public var negativity = 30.0
    /// Points for a detractor interaction (default 15).
    public var complaint = 15.0
    /// Points by interaction kind.
    public var kinds = KindWeights()
    /// Points for an item that asks a question or for a reply (default 12).
    public var question = 12.0
    /// Points per engagement level of the author, 1-7 (default 1).
    public var perLevel = 1.0
    /// Points per factor of ten in the author's followers, × log10(1 + followers) (default 3).
    public var perFollowerDecade = 3.0
    /// Points when the author's standing turned from advocate to detractor (default 15).
    public var advocateTurnedDetractor = 15.0
    /// Points for an item due now or overdue, scaled down linearly over ``urgencyHorizon`` (default 20).
    public var urgency = 20.0
    /// Time left at which urgency starts to count, in seconds.
    public var urgencyHorizon: TimeInterval = 24 * 3600
    /// Response target for direct messages, complaints and negative reviews, in seconds.
    public var complaintTarget: TimeInterval = 3600
    /// Response target for everything else, in seconds.
    public var standardTarget: TimeInterval = 24 * 3600

    /// The default weights.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = QueueWeights()
        func value(_ key: CodingKeys, _ fallback: Double) throws -> Double {
            try container.decodeIfPresent(Double.self, forKey: key) ?? fallback
        }
        negativity = try value(.negativity, defaults.negativity)
        complaint = try value(.complaint, defaults.complaint)
        kinds = try container.decodeIfPresent(KindWeights.self, forKey: .kinds) ?? defaults.kinds
        question = try value(.question, defaults.question)
        perLevel = try value(.perLevel, defaults.perLevel)
        perFollowerDecade = try value(.perFollowerDecade, defaults.perFollowerDecade)
        advocateTurnedDetractor = try value(.advocateTurnedDetractor, defaults.advocateTurnedDetractor)
        urgency = try value(.urgency, defaults.urgency)
        urgencyHorizon = try value(.urgencyHorizon, defaults.urgencyHorizon)
        complaintTarget = try value(.complaintTarget, defaults.complaintTarget)
        standardTarget = try value(.standardTarget, defaults.standardTarget)
    }

    /// Checks that every weight is finite and every time span positive.
    /// - Throws: ``EngagementError/invalidParameter(name:value:expected:)``.
    public func validate() throws(EngagementError) {
        let weights: [(String, Double)] = [
            ("negativity", negativity), ("complaint", complaint), ("kinds.review", kinds.review),
            ("kinds.directMessage", kinds.directMessage), ("kinds.comment", kinds.comment), ("kinds.reply", kinds.reply),
            ("kinds.mention", kinds.mention), ("kinds.userPost", kinds.userPost), ("question", question),
            ("perLevel", perLevel), ("perFollowerDecade", perFollowerDecade),
            ("advocateTurnedDetractor", advocateTurnedDetractor), ("urgency", urgency),
        ]
        for (name, value) in weights where !value.isFinite {
            throw .invalidParameter(name: name, value: value, expected: "a finite number")
        }
        let spans = [("urgencyHorizon", urgencyHorizon), ("complaintTarget", complaintTarget), ("standardTarget", standardTarget)]
        for (name, value) in spans where !(value.isFinite && value > 0) {
            throw .invalidParameter(name: name, value: value, expected: "more than 0 seconds")
        }
    }
}

/// The parts of a queue item's priority (they sum to ``QueueItem/priority``).
public struct PriorityBreakdown: Sendable, Hashable, Codable {
    /// Points for how negative the item is.
    public var negativity = 0.0
    /// Points for a detractor interaction.
    public var complaint = 0.0
    /// Points for the interaction kind.
    public var kind = 0.0
    /// Points for asking a question or for a reply.
    public var question = 0.0
    /// Points for the author's engagement level.
    public var level = 0.0
    /// Points for the author's follower count.
    public var reach = 0.0
    /// Points for an author who turned from advocate to detractor.
    public var advocateTurnedDetractor = 0.0
    /// Points for how close the item is to its due time.
    public var urgency = 0.0

    /// All zero.
    public init() {}

    /// The sum of the parts.
    public var total: Double {
        negativity + complaint + kind + question + level + reach + advocateTurnedDetractor + urgency
    }
}

/// One interaction that needs an answer, with why and by when.
///
/// ```swift
/// let item = try inbox.responseQueue().first!
/// item.summary   // "negative review, 1 star, detractor with 12k followers, due in 40 min"
/// item.dueBy     // time + 1 hour
/// ```
public struct QueueItem: Sendable, Hashable, Codable {
    /// The interaction.
    public var interactionID: String
    /// The interaction's author.
    public var author: String
    /// The interaction's kind.
    public var kind: InteractionKind
    /// When the interaction happened.
    public var time: Date
    /// Its priority: higher is more urgent (the sum of ``breakdown``).
    public var priority: Double
    /// When the answer is due.
    public var dueBy: Date
    /// The response target that set ``dueBy``, in seconds.
    public var responseTarget: TimeInterval
    /// Time left until ``dueBy`` from the inbox's `now`, in seconds; negative when overdue.
    public var timeLeft: TimeInterval
    /// The interaction's stance and what decided it.
    public var stance: StanceAssessment
    /// What showed that it asks something, if it does.
    public var question: QuestionDetector.Cue?
    /// The author's engagement level.
    public var authorLevel: EngagementLevel?
    /// The author's overall stance.
    public var authorStance: Stance
    /// The author's follower count (the interaction's, else the latest known).
    public var authorFollowers: Int?
    /// Whether this is a detractor interaction by an author whose standing turned from advocate.
    public var advocateTurnedDetractor: Bool
    /// The parts of the priority.
    public var breakdown: PriorityBreakdown
    /// The reasons in words, most telling first.
    public var reasons: [String]

    /// The reasons joined: "negative review, 1 star, detractor with 12k followers, due in 40 min".
    public var summary: String { reasons.joined(separator: ", ") }
}

/// An author worth thanking, with the positive interaction to answer.
public struct ThankYouItem: Sendable, Hashable, Codable {
    /// The author to thank.
    public var author: String
    /// The latest unanswered positive interaction.
    public var interactionID: String
    /// The kind of that interaction.
    public var kind: InteractionKind
    /// When that interaction happened.
    public var time: Date
    /// How many unanswered positive interactions the author has.
    public var unansweredCount: Int
    /// Whether one of them defends the brand against a detractor.
    public var defendedBrand: Bool
    /// The author's engagement level, if known.
    public var authorLevel: EngagementLevel?
    /// The author's follower count, if known.
    public var authorFollowers: Int?
    /// The reasons in words.
    public var reasons: [String]

    /// The reasons joined.
    public var summary: String { reasons.joined(separator: ", ") }
}

extension Inbox {
    /// What the brand should do with one interaction.
    public enum Disposition: String, Sendable, Hashable, Codable {
        /// Answer it: it is in the response queue.
        case answer
        /// Thank the author: a positive interaction that asks nothing.
        case thank
        /// Already answered (flagged, or a brand account replied).
        case answered
        /// Nothing to do: a neutral comment, mention or post that asks nothing, or a
        /// non-negative reply between followers.
        case noReplyNeeded
        /// Not a message: a follow, unfollow, like or share.
        case notAMessage
        /// Written by one of the brand's accounts.
        case ownAccount
    }

    /// What to do with the interaction at an input index.
    ///
    /// Questions are looked for with both languages' openings (``QuestionDetector``):
    /// language identification is least sure on the short texts questions tend to be.
    ///
    /// An unanswered message (comment, reply, mention, direct message, review, user post)
    /// by someone other than the brand needs an answer when it is a direct message, a
    /// detractor interaction, a question or request, or a review that is not positive.
    /// A reply to another follower needs one only when it is a detractor (public
    /// negativity in the brand's space); its questions are for that follower. Positive
    /// interactions that need no answer go to the thank-you list.
    public func disposition(at index: Int) -> Disposition {
        disposition(at: index, cue: questionCue(at: index))
    }

    func disposition(at index: Int, cue: QuestionDetector.Cue?) -> Disposition {
        let interaction = interactions[index]
        if isBrand[index] { return .ownAccount }
        guard interaction.kind.carriesText, let stance = stances[index] else { return .notAMessage }
        if answered[index] { return .answered }
        let parent = parents[index]
        if parent >= 0 && interaction.kind.isPublicReply && interactions[parent].author != interaction.author
            && !isBrand[parent]
        {
            switch stance {
            case .detractor: return .answer
            case .advocate: return .thank
            case .neutral: return .noReplyNeeded
            }
        }
        if interaction.kind == .directMessage || stance == .detractor || cue != nil { return .answer }
        if stance == .advocate { return .thank }
        return interaction.kind == .review ? .answer : .noReplyNeeded
    }

    func questionCue(at index: Int) -> QuestionDetector.Cue? {
        guard interactions[index].hasText, let text = interactions[index].text else { return nil }
        // Both languages' openings: language identification is least sure on the short
        // texts questions tend to be, and the two languages' cue words barely overlap.
        return QuestionDetector().cue(in: text)
    }

    /// The interactions that need an answer, most urgent first.
    ///
    /// Ordered by priority (highest first), then time (oldest first), then id, so the
    /// same inbox, weights and `now` give the same queue on every run whatever the input
    /// order. Answered interactions are left out. See ``QueueWeights`` for the priority
    /// and due-by rules, and ``disposition(at:)`` for which interactions need an answer.
    ///
    /// - Parameters:
    ///   - weights: the priority weights and response targets.
    ///   - limit: keep only the first `limit` items (the rest are ranked but not built).
    /// - Throws: ``EngagementError/invalidParameter(name:value:expected:)`` for invalid weights.
    public func responseQueue(weights: QueueWeights = .init(), limit: Int? = nil) throws(EngagementError) -> [QueueItem] {
        try weights.validate()
        var ranked: [(priority: Double, index: Int, cue: QuestionDetector.Cue?, breakdown: PriorityBreakdown)] = []
        for index in interactions.indices {
            guard interactions[index].kind.carriesText, !isBrand[index], !answered[index] else { continue }
            let cue = questionCue(at: index)
            guard disposition(at: index, cue: cue) == .answer else { continue }
            let breakdown = self.breakdown(at: index, cue: cue, weights: weights)
            ranked.append((breakdown.total, index, cue, breakdown))
        }
        ranked.sort { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            let x = interactions[a.index]
            let y = interactions[b.index]
            if x.time != y.time { return x.time < y.time }
            return x.id < y.id
        }
        let kept = limit.map { ranked.prefix(max(0, $0)) } ?? ranked[...]
        return kept.map { item(at: $0.index, cue: $0.cue, breakdown: $0.breakdown, weights: weights) }
    }

    func target(at index: Int, weights: QueueWeights) -> TimeInterval {
        let interaction = interactions[index]
        return interaction.kind == .directMessage || stances[index] == .detractor
            ? weights.complaintTarget : weights.standardTarget
    }

    func followers(at index: Int) -> Int? {
        interactions[index].authorFollowers ?? profileIndex[interactions[index].author].flatMap { profiles[$0].followers }
    }

    func breakdown(at index: Int, cue: QuestionDetector.Cue?, weights: QueueWeights) -> PriorityBreakdown {
        let interaction = interactions[index]
        let profile = profileIndex[interaction.author].map { profiles[$0] }
        var parts = PriorityBreakdown()
        let textNegativity = signals[index].map { max(0, -$0.compound) } ?? 0
        parts.negativity = weights.negativity * max(textNegativity, interaction.rating?.negativity ?? 0)
        if stances[index] == .detractor { parts.complaint = weights.complaint }
        parts.kind = weights.kinds[interaction.kind]
        if cue != nil { parts.question = weights.question }
        parts.level = weights.perLevel * Double(profile?.level?.rawValue ?? 0)
        if let followers = followers(at: index) { parts.reach = weights.perFollowerDecade * log10(1 + Double(followers)) }
        if turned[index] { parts.advocateTurnedDetractor = weights.advocateTurnedDetractor }
        let due = interaction.time.addingTimeInterval(target(at: index, weights: weights))
        let left = min(max(due.timeIntervalSince(now), 0), weights.urgencyHorizon)
        parts.urgency = weights.urgency * (1 - left / weights.urgencyHorizon)
        return parts
    }

    func item(at index: Int, cue: QuestionDetector.Cue?, breakdown: PriorityBreakdown, weights: QueueWeights) -> QueueItem {
        let interaction = interactions[index]
        let assessment = assessment(at: index)!
        let profile = profileIndex[interaction.author].map { profiles[$0] }
        let target = target(at: index, weights: weights)
        let dueBy = interaction.time.addingTimeInterval(target)
        let timeLeft = dueBy.timeIntervalSince(now)
        let followers = followers(at: index)

        var reasons: [String] = []
        let tone: String
        switch assessment.stance {
        case .detractor: tone = "negative"
        case .advocate: tone = "positive"
        case .neutral: tone = "neutral"
        }
        reasons.append("\(tone) \(interaction.kind.phrase)")
        if let rating = interaction.rating { reasons.append(rating.description) }
        switch cue {
        case .request: reasons.append("asks for a reply")
        case .questionMark, .interrogative: reasons.append("asks a question")
        case nil: break
        }
        var who: String
        if turned[index] {
            who = "advocate turned detractor"
        } else {
            switch profile?.stance ?? .neutral {
            case .detractor: who = "detractor"
            case .advocate: who = "advocate"
            case .neutral: who = ""
            }
        }
        if let followers {
            who += who.isEmpty ? "\(formatCount(followers)) followers" : " with \(formatCount(followers)) followers"
        }
        if !who.isEmpty { reasons.append(who) }
        if let level = profile?.level, level >= .contribution { reasons.append(level.description) }
        reasons.append(formatDue(timeLeft))

        return QueueItem(
            interactionID: interaction.id, author: interaction.author, kind: interaction.kind, time: interaction.time,
            priority: breakdown.total, dueBy: dueBy, responseTarget: target, timeLeft: timeLeft, stance: assessment,
            question: cue, authorLevel: profile?.level, authorStance: profile?.stance ?? .neutral,
            authorFollowers: followers, advocateTurnedDetractor: turned[index], breakdown: breakdown, reasons: reasons)
    }

    /// The authors worth thanking: one entry per author with an unanswered positive
    /// interaction that asks nothing (``Disposition/thank``).
    ///
    /// Ordered by engagement level (highest first, so defenders of the brand lead), then
    /// follower count (highest first, unknown as 0), then the time of the interaction to
    /// answer (oldest first), then author.
    public func thankYouList(limit: Int? = nil) -> [ThankYouItem] {
        var latest: [String: (index: Int, count: Int, defended: Bool)] = [:]
        for index in interactions.indices {
            guard interactions[index].kind.carriesText, !isBrand[index], !answered[index],
                stances[index] == .advocate
            else { continue }
            let cue = questionCue(at: index)
            guard disposition(at: index, cue: cue) == .thank else { continue }
            let author = interactions[index].author
            let parent = parents[index]
            let defended = parent >= 0 && stances[parent] == .detractor && interactions[parent].author != author
            if let entry = latest[author] {
                let current = interactions[entry.index]
                let candidate = interactions[index]
                let newer = (candidate.time, candidate.id) > (current.time, current.id)
                latest[author] = (newer ? index : entry.index, entry.count + 1, entry.defended || defended)
            } else {
                latest[author] = (index, 1, defended)
            }
        }
        var items: [ThankYouItem] = latest.map { author, entry in
            let interaction = interactions[entry.index]
            let profile = profileIndex[author].map { profiles[$0] }
            let followers = followers(at: entry.index)
            var reasons: [String] = []
            if entry.defended { reasons.append("defended the brand against a detractor") }
            reasons.append("positive \(interaction.kind.phrase)")
            if let rating = interaction.rating { reasons.append(rating.description) }
            var who = profile?.stance == .advocate ? "advocate" : ""
            if let followers {
                who += who.isEmpty ? "\(formatCount(followers)) followers" : " with \(formatCount(followers)) followers"
            }
            if !who.isEmpty { reasons.append(who) }
            if let level = profile?.level { reasons.append(level.description) }
            if entry.count > 1 { reasons.append("\(entry.count) unanswered positive messages") }
            return ThankYouItem(
                author: author, interactionID: interaction.id, kind: interaction.kind, time: interaction.time,
                unansweredCount: entry.count, defendedBrand: entry.defended, authorLevel: profile?.level,
                authorFollowers: followers, reasons: reasons)
        }
        items.sort { a, b in
            let levelA = a.authorLevel?.rawValue ?? 0
            let levelB = b.authorLevel?.rawValue ?? 0
            if levelA != levelB { return levelA > levelB }
            let followersA = a.authorFollowers ?? 0
            let followersB = b.authorFollowers ?? 0
            if followersA != followersB { return followersA > followersB }
            if a.time != b.time { return a.time < b.time }
            return a.author < b.author
        }
        if let limit { return Array(items.prefix(max(0, limit))) }
        return items
    }
}

/// Builds the response queue in one call, for a thin command-line tool.
///
/// ```swift
/// let queue = try ResponseQueue.build(from: interactions, analyses: analyses, now: now, brandAccounts: ["kpn"])
/// for item in queue.prefix(10) { print(item.interactionID, item.summary) }
/// ```
public enum ResponseQueue {
    /// The response queue of the interactions, analyses aligned by index (nil for no text).
    /// See ``Inbox/responseQueue(weights:limit:)``.
    public static func build(
        from interactions: [Interaction], analyses: [Analysis?], now: Date, weights: QueueWeights = .init(),
        brandAccounts: Set<String> = [], rules: EngagementRules = .init(), limit: Int? = nil
    ) throws(EngagementError) -> [QueueItem] {
        try Inbox(interactions, analyses: analyses, now: now, brandAccounts: brandAccounts, rules: rules)
            .responseQueue(weights: weights, limit: limit)
    }

    /// The response queue of the interactions, analyses keyed by interaction id.
    public static func build(
        from interactions: [Interaction], analysesByID: [String: Analysis], now: Date, weights: QueueWeights = .init(),
        brandAccounts: Set<String> = [], rules: EngagementRules = .init(), limit: Int? = nil
    ) throws(EngagementError) -> [QueueItem] {
        try Inbox(interactions, analysesByID: analysesByID, now: now, brandAccounts: brandAccounts, rules: rules)
            .responseQueue(weights: weights, limit: limit)
    }
}

/// Builds author profiles in one call, for a thin command-line tool.
///
/// ```swift
/// let profiles = try AuthorProfiles.build(from: interactions, analyses: analyses, now: now)
/// for profile in profiles { print(profile.author, profile.level?.description ?? "-", profile.stance) }
/// ```
public enum AuthorProfiles {
    /// One profile per author, sorted by author, analyses aligned by index.
    /// See ``Inbox``.
    public static func build(
        from interactions: [Interaction], analyses: [Analysis?], now: Date, brandAccounts: Set<String> = [],
        rules: EngagementRules = .init()
    ) throws(EngagementError) -> [AuthorProfile] {
        try Inbox(interactions, analyses: analyses, now: now, brandAccounts: brandAccounts, rules: rules).profiles
    }
}

/// "950", "1.2k", "12k", "3.4M": a follower count for reasons, locale-free.
func formatCount(_ count: Int) -> String {
    func scaled(_ value: Int, _ unit: Int, _ suffix: String) -> String {
        let tenth = unit / 10
        let tenths = value / tenth + (value % tenth >= tenth / 2 ? 1 : 0)
        if tenths >= 100 { return "\(value / unit + (value % unit >= unit / 2 ? 1 : 0))\(suffix)" }
        return tenths % 10 == 0 ? "\(tenths / 10)\(suffix)" : "\(tenths / 10).\(tenths % 10)\(suffix)"
    }
    if count < 1000 { return "\(count)" }
    if count < 999_500 { return scaled(count, 1000, "k") }
    return scaled(count, 1_000_000, "M")
}

/// "due in 40 min", "due in 5 h 20 min", "due in 2 d 3 h", "due now", "overdue by 20 min".
func formatDue(_ timeLeft: TimeInterval) -> String {
    func span(_ seconds: Double) -> String {
        let minutes = Int(seconds / 60)
        if minutes < 60 { return "\(minutes) min" }
        let hours = minutes / 60
        if hours < 24 { return minutes % 60 == 0 ? "\(hours) h" : "\(hours) h \(minutes % 60) min" }
        return hours % 24 == 0 ? "\(hours / 24) d" : "\(hours / 24) d \(hours % 24) h"
    }
    if timeLeft >= 60 { return "due in \(span(timeLeft))" }
    if timeLeft > 0 { return "due in under a minute" }
    if timeLeft > -60 { return "due now" }
    return "overdue by \(span(-timeLeft))"
}
