public import OpineSentiment

/// Whether the author of a comment speaks for or against the brand, as `opine batch`
/// decides it from the sentiment of the text and, when the row has one, its star rating.
///
/// The rule, in order:
/// 1. a rating of 2 stars or fewer: ``detractor``;
/// 2. a rating of 4 stars or more with text that is not negative (its label is not
///    ``SentimentLabel/negative``): ``advocate``;
/// 3. otherwise (3 stars, no rating, or a high rating over negative text) the text alone:
///    compound ≥ ``advocateCompound`` ``advocate``, compound ≤ ``detractorCompound``
///    ``detractor``, else ``neutral``.
///
/// The text thresholds sit well past the ±0.05 that makes a label: a mildly positive
/// comment is not yet advocacy, and a clearly negative one already needs an answer.
public enum BatchStance: String, Sendable, Hashable, CaseIterable, Codable {
    case advocate
    case neutral
    case detractor

    /// The compound from which the text alone makes an advocate.
    public static let advocateCompound = 0.5
    /// The compound up to which the text alone makes a detractor.
    public static let detractorCompound = -0.3

    /// The stance of a text with the given `compound` and `label`, and a star `rating`
    /// from 1 to 5 if there is one.
    public init(compound: Double, label: SentimentLabel, rating: Double?) {
        if let rating, rating <= 2 {
            self = .detractor
        } else if let rating, rating >= 4, label != .negative {
            self = .advocate
        } else if compound >= Self.advocateCompound {
            self = .advocate
        } else if compound <= Self.detractorCompound {
            self = .detractor
        } else {
            self = .neutral
        }
    }

    /// The stance of an analysed text with a star `rating` if there is one.
    public init(_ analysis: Analysis, rating: Double?) {
        self.init(compound: analysis.compound, label: analysis.label, rating: rating)
    }
}
