import Foundation
import OpineEngagement
import OpineSentiment
import OpineText

/// The reference time of every scenario.
let now = Date(timeIntervalSince1970: 1_750_000_000)

/// `minutes` before (negative) or after `now`.
func at(minutes: Double) -> Date { now.addingTimeInterval(minutes * 60) }
func at(days: Double) -> Date { now.addingTimeInterval(days * 86_400) }

/// An analysis with the given compound, labelled as the analyzer would label it; `mixed`
/// gives strong positive and negative shares (the analyzer's "mixed" label).
func analysis(_ compound: Double, mixed: Bool = false, language: Language = .english) -> Analysis {
    let positive = mixed ? 0.4 : max(0, compound)
    let negative = mixed ? 0.4 : max(0, -compound)
    return Analysis(
        label: SentimentThresholds().label(compound: compound, positive: positive, negative: negative),
        compound: compound, positive: positive, negative: negative, neutral: max(0, 1 - positive - negative),
        subjectivity: abs(compound), language: language, languageConfidence: 1, sentences: [], contributions: [])
}

/// A hand-built inbox: interactions with the compound their text would score.
struct Feed {
    var interactions: [Interaction] = []
    var analyses: [String: Analysis] = [:]

    /// Adds an interaction. A `compound` without `text` gets a placeholder text; a `text`
    /// without `compound` scores 0 (no opinion).
    mutating func add(
        _ id: String, by author: String, _ kind: InteractionKind, at time: Date = now, text: String? = nil,
        compound: Double? = nil, mixed: Bool = false, rating: Rating? = nil, replyTo: String? = nil,
        thread: String? = nil, followers: Int? = nil, answered: Bool = false
    ) throws {
        let text = text ?? (compound != nil ? "(text of \(id))" : nil)
        interactions.append(
            try Interaction(
                id: id, author: author, kind: kind, time: time, text: text, rating: rating, inReplyTo: replyTo,
                thread: thread, authorFollowers: followers, isAnswered: answered))
        if text != nil && kind.carriesText { analyses[id] = analysis(compound ?? 0, mixed: mixed) }
    }

    func inbox(now reference: Date = now, brand: Set<String> = ["brand"], rules: EngagementRules = .init()) throws
        -> Inbox
    {
        try Inbox(interactions, analysesByID: analyses, now: reference, brandAccounts: brand, rules: rules)
    }
}

/// A deterministic generator for shuffles (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
