/// The constants of the scoring rules, with their defaults and where they come from.
///
/// VADER's published constants are the starting point (Hutto & Gilbert 2014); the others
/// were set on the development corpora (`train` files and the VADER sets), never on the
/// `test` files.
public struct ScoringParameters: Sendable, Hashable, Codable {
    /// Factor on a negated positive term (VADER's N_SCALAR): `not good` ≈ -0.74 × good.
    public var negation = -0.74
    /// Factor on a negated negative term, the litotes: `not bad` is mildly positive.
    public var litotes = -0.35
    /// The score of a negator that reverses no sentiment term (`it doesn't play
    /// DivX`, `they still didn't ship it`, `dat krijg je hier niet`): negation alone leans negative (Potts 2010).
    /// Half of VADER's bare `no` (-1.2): a weak cue, which one clear sentiment word
    /// outweighs. 0 switches it off.
    public var danglingNegation = -0.6
    /// The score of an English `why` in a question, before the question weight: `why`
    /// questions in reviews and opinion text are mostly rhetorical complaints (`why would
    /// anyone buy this?`, `why is it so hard to ...`; 54 of the 58 texts with one in the
    /// English development sets are negative). As weak a cue as ``danglingNegation``; 0
    /// switches it off.
    public var rhetoricalWhy = -0.6
    /// How many words before a term a negator reaches.
    public var negationWindow = 3
    /// Added to the magnitude of a term written in capitals among lower-case text (VADER).
    public var allCapsBoost = 0.733
    /// Added to the magnitude of an elongated term (`goooood`).
    public var elongationBoost = 0.3
    /// How many words before a term an intensifier or downtoner reaches.
    public var intensifierWindow = 2
    /// Weight of the clause before `but`/`maar` (VADER: 0.5; the clause after: 1.5).
    public var beforeContrast = 0.5
    /// Weight of terms in a question sentence.
    public var question = 0.6
    /// Added to a sentence's magnitude per `!`, at most four (VADER: 0.292).
    public var exclamation = 0.292
    /// The compound's normalization constant, s / sqrt(s² + alpha) (VADER: 15).
    public var alpha = 15.0
    /// How the compound grows with the number of scored terms: the sum of a text's term
    /// scores is divided by `count ^ evidenceExponent` before normalization. With 0.5 the
    /// compound follows sqrt(n) × the mean term score, as a confidence-weighted mean does:
    /// more terms make a text surer, not n times as strong. (VADER sums, exponent 0, which
    /// lets ten mildly positive words outscore one `terrible`; human ratings of a text are
    /// judgements of its overall tone, not of its word count.) One term is unchanged.
    public var evidenceExponent = 0.5
    /// How much the share of neutral words tempers the text's compound: it is multiplied
    /// by subjectivity ^ subjectivityExponent (subjectivity = the positive plus negative
    /// share, as in VADER's pos/neg/neu). A long, factual text with one warm word reads as
    /// barely positive to people; a short one made of that word reads as positive. Never
    /// changes the sign. Set on the VADER sets (r); 0 switches it off.
    public var subjectivityExponent = 0.25
    /// Factor on a comparative wished for under a modal (`could be friendlier`, `het mag
    /// wel wat gezelliger`): it says the thing falls short, so the sign turns, at the
    /// strength of the lexicon's counterfactuals (`could have`, `had kunnen`: -0.5).
    public var comparativeWish = -0.5
    /// Boost of a Dutch intensifying prefix (`super`, `mega`, `kei`) on the rest of the word.
    public var prefixBoost = 0.3
    /// The matching steps in use (``MatchSteps/standard`` by default). Switching steps off
    /// measures what each one gains (`opine eval --without stems`).
    public var steps: MatchSteps = .standard

    /// The default parameters.
    public init() {}
}

/// The lexicon matching steps beyond the exact normalized form.
public struct MatchSteps: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Multi-word expressions and idioms, matched before single words.
    public static let phrases = MatchSteps(rawValue: 1 << 0)
    /// The readings of elongated words (`greeeat` as `great`).
    public static let elongation = MatchSteps(rawValue: 1 << 1)
    /// The Snowball stem index, for Dutch, whose lexicons list lemmas, with the Dutch
    /// inflections Snowball does not reduce (comparatives, diminutives, verb forms).
    public static let stems = MatchSteps(rawValue: 1 << 2)
    /// The Snowball stem index for English too. Off by default: VADER's lexicon already
    /// lists inflected forms, and stem matching lowered accuracy on every English
    /// development corpus (see the README).
    public static let englishStems = MatchSteps(rawValue: 1 << 4)
    /// Dutch compounds and intensifying prefixes.
    public static let compounds = MatchSteps(rawValue: 1 << 3)
    /// The default steps: all but ``englishStems``.
    public static let standard: MatchSteps = [.phrases, .elongation, .stems, .compounds]

    /// The steps by name, as the command line spells them.
    public static let names: [String: MatchSteps] = [
        "phrases": .phrases, "elongation": .elongation, "stems": .stems, "compounds": .compounds,
        "english-stems": .englishStems,
    ]
}
