public import OpineText

/// The overall sentiment of a text.
public enum SentimentLabel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Compound ≥ ``SentimentThresholds/positive`` and not mixed.
    case positive
    /// Compound ≤ ``SentimentThresholds/negative`` and not mixed.
    case negative
    /// Little or no sentiment.
    case neutral
    /// Strong positive and strong negative parts that largely cancel out.
    case mixed
}

/// The thresholds that turn scores into a ``SentimentLabel``.
///
/// A text is *mixed* when both its positive and negative shares reach ``mixedShare`` and
/// its compound is weaker than ``mixedCompound``; otherwise *positive* from a compound of
/// ``positive``, *negative* from ``negative``, else *neutral*. The ±0.05 compound
/// thresholds are VADER's, so labels compare with VADER's.
public struct SentimentThresholds: Sendable, Hashable, Codable {
    public var positive = 0.05
    public var negative = -0.05
    public var mixedShare = 0.2
    public var mixedCompound = 0.5

    /// The default thresholds.
    public init() {}

    /// The label for the given scores.
    public func label(compound: Double, positive positiveShare: Double, negative negativeShare: Double) -> SentimentLabel {
        if positiveShare >= mixedShare && negativeShare >= mixedShare && abs(compound) < mixedCompound {
            return .mixed
        }
        if compound >= positive { return .positive }
        if compound <= negative { return .negative }
        return .neutral
    }
}

/// A rule that changed a term's score, and by how much.
public struct RuleEffect: Sendable, Hashable, Codable {
    /// The rules of the scorer.
    public enum Rule: String, Sendable, Hashable, Codable {
        /// A negator in scope flipped and weakened the score (`not good`, `niet leuk`).
        case negation
        /// A negated negative became mildly positive (`not bad`, `niet slecht`).
        case litotes
        /// An intensifier strengthened it (`very`, `echt`, `super`).
        case intensifier
        /// A downtoner weakened it (`kind of`, `best`, `een beetje`).
        case downtoner
        /// An excess, a complaint: Dutch `te` (too) before a positive adjective (`te
        /// makkelijk`, `te zacht`; `niet te pikant` is then a litotes), and English `too X
        /// to/for ...` with a positive X (`too easy to hit accidentally`, `too generous for
        /// a part-time job`).
        case excess
        /// Written in capitals among lower-case text.
        case allCaps
        /// An elongated word (`goooood`).
        case elongation
        /// In the clause before `but` / `maar`: weighs less.
        case beforeContrast
        /// In the clause after `but` / `maar`: weighs more.
        case afterContrast
        /// In a clause introduced by `although` / `hoewel`: weighs less.
        case concession
        /// Ironic: thanks for something bad (`thanks for ruining my week`), or praise that
        /// only introduces or answers a complaint (`Great, another delay.`, `Super, weer te
        /// laat`, `Forgot my phone at home. Great.`); reversed as a negation.
        case irony
        /// In an unreal or wished-for statement (`would have been great`, `had leuk kunnen zijn`).
        case irrealis
        /// In a question.
        case question
        /// Strengthened by exclamation marks in its sentence.
        case exclamation
    }

    /// The rule.
    public var rule: Rule
    /// The word that triggered it, when one did (`not`, `maar`, `zou`).
    public var trigger: String?
    /// The score before the rule.
    public var before: Double
    /// The score after the rule.
    public var after: Double

    /// Creates a rule effect.
    public init(rule: Rule, trigger: String? = nil, before: Double, after: Double) {
        self.rule = rule
        self.trigger = trigger
        self.before = before
        self.after = after
    }
}

/// How a term was found in the lexicon.
public enum MatchKind: String, Sendable, Hashable, Codable {
    /// The normalized form is a lexicon entry.
    case exact
    /// A multi-word expression (`waste of money`, `voor geen meter`).
    case phrase
    /// One reading of an elongated word (`greeeat` as `great`).
    case elongation
    /// An inflected form of an entry: through its Snowball stem (`disappointing` via
    /// `disappoint`) or, in Dutch, an inflection Snowball does not reduce (`lekkerste`,
    /// `probleempje`, `weigert` via `weigeren`).
    case stem
    /// A Dutch compound or intensifying prefix split into known parts (`superslecht`).
    case compound
    /// A word inside a hashtag.
    case hashtag
    /// An emoji.
    case emoji
    /// An ASCII emoticon.
    case emoticon
    /// A negator that reverses no sentiment term, a weak negative cue of its own (English).
    case negation
    /// A `why` in a question, a weak negative cue of its own (English).
    case question

    /// Whether the term is a rule word scored as a cue to the text's tone (``negation``,
    /// ``question``), not an opinion word about a target.
    public var isCue: Bool { self == .negation || self == .question }
}

/// One term that carried sentiment, with the rules that shaped its score.
public struct Contribution: Sendable, Hashable, Codable {
    /// The term as written in the text.
    public var text: String
    /// The lexicon entry it matched.
    public var entry: String
    /// How it matched.
    public var match: MatchKind
    /// UTF-8 byte range in the text.
    public var range: Range<Int>
    /// The index of its sentence.
    public var sentence: Int
    /// The lexicon valence (-4 ... 4).
    public var valence: Double
    /// The final score after every rule.
    public var score: Double
    /// The rules that changed the valence, in the order applied.
    public var rules: [RuleEffect]

    /// Creates a contribution.
    public init(
        text: String, entry: String, match: MatchKind, range: Range<Int>, sentence: Int, valence: Double, score: Double,
        rules: [RuleEffect]
    ) {
        self.text = text
        self.entry = entry
        self.match = match
        self.range = range
        self.sentence = sentence
        self.valence = valence
        self.score = score
        self.rules = rules
    }
}

/// The sentiment of one sentence.
public struct SentenceSentiment: Sendable, Hashable, Codable {
    /// UTF-8 byte range of the sentence in the text.
    public var range: Range<Int>
    /// The sentence's compound score in [-1, 1].
    public var compound: Double

    /// Creates a sentence score.
    public init(range: Range<Int>, compound: Double) {
        self.range = range
        self.compound = compound
    }
}

/// The sentiment of a text and the reasons for it.
///
/// ```swift
/// let analysis = try SentimentAnalyzer().analyze("Wat een top service, echt een aanrader!")
/// analysis.label        // .positive
/// analysis.compound     // 0.9...
/// analysis.contributions.map(\.entry)   // ["top", "aanrader"]
/// ```
public struct Analysis: Sendable, Hashable, Codable {
    /// The overall label.
    public var label: SentimentLabel
    /// Normalized sum of all scores, in [-1, 1].
    public var compound: Double
    /// Share of the text's sentiment-bearing weight that is positive (0 ... 1);
    /// ``positive`` + ``negative`` + ``neutral`` is 1.
    public var positive: Double
    /// Share that is negative.
    public var negative: Double
    /// Share that is neutral.
    public var neutral: Double
    /// How opinionated the text is, from 0 (factual) to 1 (every word an opinion).
    public var subjectivity: Double
    /// The language the text was scored as.
    public var language: Language
    /// Confidence of the language identification (1 when the language was given).
    public var languageConfidence: Double
    /// Per-sentence scores.
    public var sentences: [SentenceSentiment]
    /// The terms that carried sentiment, in text order.
    public var contributions: [Contribution]

    /// Creates an analysis.
    public init(
        label: SentimentLabel, compound: Double, positive: Double, negative: Double, neutral: Double,
        subjectivity: Double, language: Language, languageConfidence: Double, sentences: [SentenceSentiment],
        contributions: [Contribution]
    ) {
        self.label = label
        self.compound = compound
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.subjectivity = subjectivity
        self.language = language
        self.languageConfidence = languageConfidence
        self.sentences = sentences
        self.contributions = contributions
    }
}
