public import Foundation
public import OpineEngagement
public import OpineSentiment

/// An alert a rule raised: what happened, in words and in fields, with a stable id.
///
/// The id is deterministic, `RULE/INTERACTION-ID`: the same interaction ingested twice,
/// or a stream replayed after a crash, gives the same id, which the store keeps once and
/// webhooks receive as the `Idempotency-Key` header.
///
/// ```swift
/// alert.id        // "angry-customer/r-1042"
/// alert.summary   // "angry-customer: detractor review by @anna (1 star, compound -0.82): \"Third time late...\""
/// ```
public struct Alert: Sendable, Hashable, Codable, Identifiable {
    /// `RULE/INTERACTION-ID` of the interaction that raised it.
    public var id: String
    /// The rule's name.
    public var rule: String
    /// The rule's condition name (`detractor`, `turned_detractor`, `negative_spike`, `unfollow_wave`).
    public var condition: String
    /// When it was raised (wall-clock time).
    public var raisedAt: Date
    /// One line in words.
    public var summary: String
    /// The interaction that raised it.
    public var interaction: AlertedInteraction
    /// For window rules: what the window held when the rule fired.
    public var window: WindowFacts?

    /// An alert.
    public init(
        id: String, rule: String, condition: String, raisedAt: Date, summary: String, interaction: AlertedInteraction,
        window: WindowFacts? = nil
    ) {
        self.id = id
        self.rule = rule
        self.condition = condition
        self.raisedAt = raisedAt
        self.summary = summary
        self.interaction = interaction
        self.window = window
    }
}

/// The interaction behind an alert, with its score.
public struct AlertedInteraction: Sendable, Hashable, Codable {
    /// The interaction's id.
    public var id: String
    /// The interaction's author.
    public var author: String
    /// The interaction's kind.
    public var kind: InteractionKind
    /// When the interaction happened.
    public var time: Date
    /// The text; a longer one is cut to 1,000 characters, the last an ellipsis (`…`).
    public var text: String?
    /// The interaction's star rating, if it has one.
    public var rating: Rating?
    /// The text's compound score, when it has text.
    public var compound: Double?
    /// The text's label, when it has text.
    public var label: SentimentLabel?
    /// The interaction's stance, for kinds that carry one.
    public var stance: Stance?

    /// The alerted view of an interaction.
    public init(_ interaction: Interaction, signal: TextSignal?, stance: Stance?) {
        id = interaction.id
        author = interaction.author
        kind = interaction.kind
        time = interaction.time
        text = interaction.text.map { $0.count > 1_000 ? String($0.prefix(999)) + "…" : $0 }
        rating = interaction.rating
        compound = signal?.compound
        label = signal?.label
        self.stance = stance
    }
}

/// What a window rule saw when it fired.
public struct WindowFacts: Sendable, Hashable, Codable {
    /// The window's start and end (interaction time).
    public var from: Date
    /// The window's end (interaction time).
    public var to: Date
    /// Interactions that matched (detractors for a spike, unfollows for a wave).
    public var matching: Int
    /// All interactions the share is taken of (those with a stance), for a spike.
    public var total: Int?
    /// The ids of the matching interactions, oldest first (at most 50).
    public var interactionIDs: [String]

    /// Window facts.
    public init(from: Date, to: Date, matching: Int, total: Int?, interactionIDs: [String]) {
        self.from = from
        self.to = to
        self.matching = matching
        self.total = total
        self.interactionIDs = interactionIDs
    }
}
