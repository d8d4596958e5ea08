/// The costs and bonuses that tie a sentiment word to a target, with their defaults.
///
/// Each sentiment word goes to the candidate target with the lowest cost:
/// `distance × words between + the boundaries crossed − the pattern's bonus`, and to no
/// target (an implicit opinion) when every cost exceeds ``maximumCost``. The defaults were
/// chosen on the SemEval-2016 restaurant `train` files (English and Dutch), never on the
/// `test` files.
public struct AttributionParameters: Sendable, Hashable, Codable {
    /// Cost per word between the sentiment word and the target.
    public var distance = 1.0
    /// Cost of crossing a comma.
    public var comma = 4.0
    /// Cost of crossing `;`, `:`, a dash, a bracket or an ellipsis.
    public var strongBreak = 12.0
    /// Cost of crossing a contrast word (`but`, `maar`, `although`, `hoewel`).
    public var contrast = 12.0
    /// Cost of crossing a contrast word when the clause after it has no subject of its own
    /// (`the decor was nice but a bit dark`, `bediening traag maar vriendelijk`).
    public var ellipticalContrast = 2.0
    /// Cost of crossing a coordinator (`and`, `or`, `en`, `of`).
    public var conjunction = 2.0
    /// Cost of crossing a subordinator (`because`, `which`, `omdat`, `die`).
    public var subordinator = 3.0
    /// Bonus for target, copula, opinion: `the food was great`, `de bezorging was traag`.
    public var predicateBonus = 4.0
    /// Bonus for opinion, copula, target: `lekker was het eten`.
    public var invertedBonus = 3.0
    /// Bonus for an opinion right before its target: `great food`, `loved the pizza`.
    public var attributeBonus = 2.0
    /// Extra cost for a target after the opinion word (without a pattern).
    public var targetAfter = 0.0
    /// Above this cost a sentiment word has no target.
    public var maximumCost = 12.0
    /// Whether targets coordinated with a linked target share its opinion.
    public var coordination = true
    /// Whether a predicate whose subject is a pronoun (`but they are overcooked`, `maar ze
    /// was koud`) goes to the target the pronoun stands for: the nearest candidate before it
    /// in its sentence, else the previous sentence's last one.
    public var pronounSubjects = true
    /// For ``OpinionExtractor/opinion(toward:in:analysis:)``: when no word is tied to the
    /// requested target, take the sentence's polarity.
    public var sentenceFallback = true
    /// For ``OpinionExtractor/opinion(toward:in:analysis:context:)-(Range<Int>,_,_,_)``: when the sentence
    /// fallback finds a neutral sentence, take the polarity of the whole text, then of the
    /// text around it (a review, for one of its sentences): a sentence without sentiment
    /// words is read in the tone of the text it is part of.
    public var contextFallback = true
    /// How much lower the surrounding text's compound is taken when it speaks for a
    /// sentence without sentiment words. Such sentences in a review are mostly factual
    /// reports, and reviewers report facts mainly to complain (`Circa 30 minuten vanaf
    /// bestelling.`, `The waitress brought the bill before we had ordered dessert.`), while
    /// satisfied reviewers say so in words; so the sentence is read as positive only when
    /// its review is clearly positive (mean compound ≥ 0.05 + bias), and negative from a
    /// mildly positive review down (≤ -0.05 + bias). Chosen on the train files (0.1-0.2
    /// all help both languages; 0 is the plain review tone).
    public var contextBias = 0.15
    /// For ``OpinionExtractor/opinion(toward:in:analysis:)``: when no word is tied to the
    /// requested target, first take the sentence's words that are tied to no target. Off by
    /// default: those words already make the sentence's compound, which the fallback reads
    /// with the text around it (on the train files, on: EN 0.862, NL 0.869; off: 0.864, 0.869).
    public var untiedFallback = false
    /// For ``OpinionExtractor/opinion(toward:in:analysis:context:)-(Range<Int>,_,_,_)`` and the
    /// category variant: when the words tied to the target have valence but cancel out or are
    /// too weak to reach a polarity (`I definitely wouldn't go back`, `Terrible would be a
    /// compliment`), they leave the opinion undecided, and the sentence read with its
    /// surroundings decides, as when no word is tied. Words that are neutral by themselves
    /// (`the food was ok`, see ``WordClass/lukewarm``) still make a neutral opinion.
    public var undecidedFallback = true
    /// For ``OpinionExtractor/opinion(toward:in:analysis:context:)-(Range<Int>,_,_,_)`` and the
    /// category variant: leave out the words in the scope of a hedge, an irrealis trigger
    /// that weakens without reversing (`if you want good Thai, ...`, `it would be nice`,
    /// `als je graag goed eet`): they are what might be, not what the writer says the target
    /// is, so the target is read as if they were not there. A counterfactual that reverses
    /// its words (`could have been better`) is an assertion and stays. The list of
    /// ``OpinionExtractor/opinions(in:analysis:)`` keeps every word.
    public var skipsHedgedWords = true

    /// The defaults.
    public init() {}

    /// The parameters by name, for `opine aspects eval --set name=value`.
    public mutating func set(_ name: String, _ value: Double) -> Bool {
        switch name {
        case "distance": distance = value
        case "comma": comma = value
        case "strongBreak": strongBreak = value
        case "contrast": contrast = value
        case "ellipticalContrast": ellipticalContrast = value
        case "conjunction": conjunction = value
        case "subordinator": subordinator = value
        case "predicateBonus": predicateBonus = value
        case "invertedBonus": invertedBonus = value
        case "attributeBonus": attributeBonus = value
        case "targetAfter": targetAfter = value
        case "maximumCost": maximumCost = value
        case "coordination": coordination = value != 0
        case "pronounSubjects": pronounSubjects = value != 0
        case "sentenceFallback": sentenceFallback = value != 0
        case "untiedFallback": untiedFallback = value != 0
        case "contextFallback": contextFallback = value != 0
        case "contextBias": contextBias = value
        case "undecidedFallback": undecidedFallback = value != 0
        case "skipsHedgedWords": skipsHedgedWords = value != 0
        default: return false
        }
        return true
    }

    /// The names ``set(_:_:)`` accepts.
    public static let names = [
        "distance", "comma", "strongBreak", "contrast", "ellipticalContrast", "conjunction", "subordinator", "predicateBonus", "invertedBonus",
        "attributeBonus", "targetAfter", "maximumCost", "coordination", "pronounSubjects", "sentenceFallback", "untiedFallback", "contextFallback", "contextBias",
        "undecidedFallback", "skipsHedgedWords",
    ]
}
