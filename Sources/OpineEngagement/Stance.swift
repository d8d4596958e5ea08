public import Foundation
public import OpineSentiment

/// Where an author or an interaction stands towards the brand.
public enum Stance: String, Sendable, Hashable, Codable, CaseIterable {
    /// Speaks against the brand.
    case detractor
    /// Neither.
    case neutral
    /// Speaks for the brand.
    case advocate

    /// -1, 0 or +1: the value one interaction adds to an author's stance score.
    public var sign: Double {
        switch self {
        case .detractor: return -1
        case .neutral: return 0
        case .advocate: return 1
        }
    }
}

/// The stance of one interaction and what decided it.
///
/// ```swift
/// let rules = EngagementRules()
/// let assessment = rules.stance(kind: .review, rating: try Rating(stars: 1), analysis: nil)
/// assessment?.stance        // .detractor
/// assessment?.description   // "1 star"
/// ```
public struct StanceAssessment: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What decided the stance.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// The rating alone (1-2 stars, any 0-10 score, 5 stars without negative text).
        case rating
        /// The rating read together with the text (3 or 4 stars, 5 stars with negative text).
        case ratingAndText
        /// The text alone (no rating).
        case text
        /// Nothing: no rating and no words; the stance is neutral.
        case nothing
    }

    /// The stance.
    public var stance: Stance
    /// What decided it.
    public var basis: Basis
    /// The rating, if the interaction had one.
    public var rating: Rating?
    /// The text's compound score, if it had text.
    public var compound: Double?

    /// Creates an assessment.
    public init(stance: Stance, basis: Basis, rating: Rating? = nil, compound: Double? = nil) {
        self.stance = stance
        self.basis = basis
        self.rating = rating
        self.compound = compound
    }

    /// "1 star", "5 stars, negative text", "text compound -0.62", "no rating or text".
    public var description: String {
        let text = compound.map { "text compound \(formatCompound($0))" }
        switch basis {
        case .rating: return rating?.description ?? "rating"
        case .ratingAndText: return [rating?.description, text].compactMap { $0 }.joined(separator: ", ")
        case .text: return text ?? "text"
        case .nothing: return "no rating or text"
        }
    }
}

/// Every threshold that turns scores into stances, engagement evidence and an author's
/// overall stance, in one place. `Codable`; a partial JSON object keeps the defaults for
/// the keys it leaves out.
///
/// ## Stance of one interaction
///
/// The text is *positive* when its compound is at least ``advocateCompound`` (0.35) and
/// *negative* when at most ``detractorCompound`` (-0.25), unless the analysis labels it
/// mixed (then it is neither). The negative threshold is nearer zero than the positive
/// one on purpose: complaints are often worded mildly ("a bit disappointed"), and missing
/// a detractor costs more than missing an advocate.
///
/// | rating | text | stance |
/// |---|---|---|
/// | 1 or 2 stars | anything | detractor |
/// | 3 stars | negative | detractor |
/// | 3 stars | none, neutral or positive | neutral |
/// | 4 stars | positive | advocate |
/// | 4 stars | none, neutral or negative | neutral |
/// | 5 stars | none, neutral or positive | advocate |
/// | 5 stars | negative | neutral (the signals conflict) |
/// | score 0-6 | anything | detractor (like NPS) |
/// | score 7-8 | anything | neutral (NPS passive) |
/// | score 9-10 | anything | advocate (NPS promoter) |
/// | none | positive / negative / other | advocate / detractor / neutral |
///
/// Follows, unfollows, likes and shares carry no stance (they count for the engagement
/// level only).
///
/// ## An author's overall stance
///
/// Each interaction with a stance adds its ``Stance/sign`` (+1, 0, -1) with a weight that
/// halves every ``stanceHalfLife`` (30 days) of age; a neutral pseudo-observation of
/// weight ``stancePriorWeight`` (1) at the reference time is added to the weights. The
/// score `Σ wᵢ·sᵢ / (Σ wᵢ + prior)` lies in (-1, 1): advocate from ``overallAdvocate``
/// (0.25), detractor from ``overallDetractor`` (-0.25). The prior makes old opinions fade:
/// one positive comment today scores 0.5, thirty days ago 0.33, sixty days ago 0.2
/// (neutral again); four positive comments sixty days ago still score 0.5.
///
/// ## Engagement evidence
///
/// A review is "with substance" (level 5, Contribution) when it gives an opinion and has
/// at least ``substantiveReviewWords`` (20) words.
///
/// ```swift
/// var rules = EngagementRules()
/// rules.stanceHalfLife = 14 * 86_400     // opinions fade faster
/// let data = try JSONEncoder().encode(rules)
/// ```
public struct EngagementRules: Sendable, Hashable, Codable {
    /// Text compound from which the text counts as positive (advocate).
    public var advocateCompound = 0.35
    /// Text compound up to which the text counts as negative (detractor).
    public var detractorCompound = -0.25
    /// Age at which an interaction weighs half in the author's overall stance, in seconds.
    public var stanceHalfLife: TimeInterval = 30 * 86_400
    /// Weight of the neutral pseudo-observation at the reference time.
    public var stancePriorWeight = 1.0
    /// Overall score from which an author is an advocate.
    public var overallAdvocate = 0.25
    /// Overall score up to which an author is a detractor.
    public var overallDetractor = -0.25
    /// Words a review needs to count as "with substance" (level 5).
    public var substantiveReviewWords = 20

    /// The default rules.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = EngagementRules()
        advocateCompound = try container.decodeIfPresent(Double.self, forKey: .advocateCompound) ?? defaults.advocateCompound
        detractorCompound = try container.decodeIfPresent(Double.self, forKey: .detractorCompound) ?? defaults.detractorCompound
        stanceHalfLife = try container.decodeIfPresent(Double.self, forKey: .stanceHalfLife) ?? defaults.stanceHalfLife
        stancePriorWeight = try container.decodeIfPresent(Double.self, forKey: .stancePriorWeight) ?? defaults.stancePriorWeight
        overallAdvocate = try container.decodeIfPresent(Double.self, forKey: .overallAdvocate) ?? defaults.overallAdvocate
        overallDetractor = try container.decodeIfPresent(Double.self, forKey: .overallDetractor) ?? defaults.overallDetractor
        substantiveReviewWords =
            try container.decodeIfPresent(Int.self, forKey: .substantiveReviewWords) ?? defaults.substantiveReviewWords
    }

    /// Checks that every threshold is usable.
    /// - Throws: ``EngagementError/invalidParameter(name:value:expected:)``.
    public func validate() throws(EngagementError) {
        func check(_ name: String, _ value: Double, _ expected: String, _ ok: (Double) -> Bool) throws(EngagementError) {
            guard value.isFinite, ok(value) else { throw .invalidParameter(name: name, value: value, expected: expected) }
        }
        try check("advocateCompound", advocateCompound, "in (0, 1]") { $0 > 0 && $0 <= 1 }
        try check("detractorCompound", detractorCompound, "in [-1, 0)") { $0 < 0 && $0 >= -1 }
        try check("stanceHalfLife", stanceHalfLife, "more than 0 seconds") { $0 > 0 }
        try check("stancePriorWeight", stancePriorWeight, "0 or more") { $0 >= 0 }
        try check("overallAdvocate", overallAdvocate, "in (0, 1)") { $0 > 0 && $0 < 1 }
        try check("overallDetractor", overallDetractor, "in (-1, 0)") { $0 < 0 && $0 > -1 }
        try check("substantiveReviewWords", Double(substantiveReviewWords), "1 or more") { $0 >= 1 }
    }

    /// The stance of an interaction of the given kind, rating and text analysis; nil for
    /// the kinds that carry no stance (follow, unfollow, like, share). See the table above.
    public func stance(kind: InteractionKind, rating: Rating?, analysis: Analysis?) -> StanceAssessment? {
        stance(kind: kind, rating: rating, signal: analysis.map(TextSignal.init))
    }

    /// The tone of a text under these rules.
    enum Tone { case positive, negative, other }

    func tone(_ signal: TextSignal) -> Tone {
        if signal.label == .mixed { return .other }
        if signal.compound >= advocateCompound { return .positive }
        if signal.compound <= detractorCompound { return .negative }
        return .other
    }

    /// The stance of an interaction from its text signal instead of the full analysis.
    public func stance(kind: InteractionKind, rating: Rating?, signal: TextSignal?) -> StanceAssessment? {
        guard kind.carriesText else { return nil }
        let compound = signal?.compound
        let tone = signal.map(tone) ?? .other
        guard let rating else {
            guard signal != nil else { return StanceAssessment(stance: .neutral, basis: .nothing) }
            let stance: Stance = tone == .positive ? .advocate : tone == .negative ? .detractor : .neutral
            return StanceAssessment(stance: stance, basis: .text, compound: compound)
        }
        func result(_ stance: Stance, _ basis: StanceAssessment.Basis) -> StanceAssessment {
            StanceAssessment(stance: stance, basis: basis, rating: rating, compound: compound)
        }
        switch (rating.scale, rating.value) {
        case (.score, 0...6): return result(.detractor, .rating)
        case (.score, 7...8): return result(.neutral, .rating)
        case (.score, _): return result(.advocate, .rating)
        case (.stars, 1...2): return result(.detractor, .rating)
        case (.stars, 3): return tone == .negative ? result(.detractor, .ratingAndText) : result(.neutral, .ratingAndText)
        case (.stars, 4): return tone == .positive ? result(.advocate, .ratingAndText) : result(.neutral, .ratingAndText)
        default: return tone == .negative ? result(.neutral, .ratingAndText) : result(.advocate, .rating)
        }
    }

    /// The overall stance for a stance score.
    public func overallStance(score: Double) -> Stance {
        if score >= overallAdvocate { return .advocate }
        if score <= overallDetractor { return .detractor }
        return .neutral
    }
}

/// What the engagement rules need from an ``Analysis``: a few numbers instead of the
/// whole explanation, so a large inbox stays small in memory (and can be stored and
/// read back without the explanation).
///
/// ```swift
/// let signal = TextSignal(analyzer.analyze("Never again."))
/// let stored = TextSignal(compound: signal.compound, label: signal.label)
/// ```
public struct TextSignal: Sendable, Hashable, Codable {
    /// The text's compound score in [-1, 1].
    public var compound: Double
    /// The text's label.
    public var label: SentimentLabel

    /// The signal of an analysis.
    public init(_ analysis: Analysis) {
        compound = analysis.compound
        label = analysis.label
    }

    /// A signal from its two numbers, as stored.
    public init(compound: Double, label: SentimentLabel) {
        self.compound = compound
        self.label = label
    }

    /// Whether the text gives an opinion: the analyzer found sentiment (any label but neutral).
    var isOpinion: Bool { label != .neutral }
}

func formatCompound(_ value: Double) -> String {
    let hundredths = Int((abs(value) * 100).rounded())
    let sign = value < 0 && hundredths > 0 ? "-" : ""
    let fraction = hundredths % 100
    return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
