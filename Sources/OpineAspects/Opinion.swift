import OpineSentiment

/// The polarity of one opinion.
public enum OpinionPolarity: String, Sendable, Hashable, Codable, CaseIterable {
    case positive, negative, neutral
}

/// What an opinion is about, as written in the text.
public struct OpinionTarget: Sendable, Hashable, Codable {
    /// The target as written (`Bezorging`, `duck confit`).
    public var text: String
    /// Its UTF-8 byte range in the text.
    public var range: Range<Int>
    /// The normalized term, for counting: the listed term it matched (`waiter` for
    /// `waiters`), else the lower-case words.
    public var term: String
    /// The category of the term (``AspectCategory/other`` when the term is in no list).
    public var category: AspectCategory

    /// A target.
    public init(text: String, range: Range<Int>, term: String, category: AspectCategory) {
        self.text = text
        self.range = range
        self.term = term
        self.category = category
    }
}

/// How a sentiment word was tied to its target.
public enum OpinionLink: String, Sendable, Hashable, Codable {
    /// The word is the target (`kutservice`, `topkwaliteit`).
    case itself
    /// Target, copula, opinion: `the food was great`, `de bezorging was traag`.
    case predicate
    /// Opinion, copula, target, Dutch inversion: `lekker was het eten`.
    case inverted
    /// Opinion right before its target: `great food`, `loved the pizza`, `tevreden over de bezorging`.
    case attribute
    /// The nearest target in the same clause.
    case nearest
    /// A predicate whose subject is a pronoun, tied to the target the pronoun stands for:
    /// `the bagels are fine, but they are overcooked`, `de friet was lekker, maar ze was koud`.
    case pronoun
    /// Shared with a coordinated target: `the food and service were great`.
    case coordinated
    /// No explicit target: the opinion is about the category its word cues, else GENERAL.
    case implicit
    /// No word was tied to the requested target; the polarity is its sentence's.
    case sentence
}

/// One sentiment word of an opinion.
public struct OpinionWord: Sendable, Hashable, Codable {
    /// As written.
    public var text: String
    /// The sentiment lexicon entry it matched (for a context-dependent word, the word).
    public var entry: String
    /// Its UTF-8 byte range.
    public var range: Range<Int>
    /// Its score after the scorer's rules (negation, intensifiers, contrast ...) and the
    /// aspect rules (`context` for a context-dependent word, `excess (too)`).
    public var score: Double
    /// The rules that changed it, by name.
    public var rules: [String]
    /// How it was tied to the target.
    public var link: OpinionLink

    /// A sentiment word of an opinion.
    public init(text: String, entry: String, range: Range<Int>, score: Double, rules: [String], link: OpinionLink) {
        self.text = text
        self.entry = entry
        self.range = range
        self.score = score
        self.rules = rules
        self.link = link
    }

    init(_ item: WordItem, score: Double, link: OpinionLink) {
        self.init(text: item.text, entry: item.entry, range: item.range, score: score, rules: item.rules, link: link)
    }
}

/// An opinion: what it is about, its category and polarity, and the words that gave it.
///
/// ```swift
/// // "the food was great but the waiter was rude"
/// opinions.map { "\($0.category) \($0.polarity) \($0.target?.text ?? "-")" }
/// // ["FOOD positive food", "SERVICE negative waiter"]
/// ```
public struct Opinion: Sendable, Hashable, Codable {
    /// The explicit target; nil for an implicit opinion.
    public var target: OpinionTarget?
    /// The category: the target's, or a cue word's, or GENERAL.
    public var category: AspectCategory
    /// From `score` with the extractor's thresholds (±0.05 by default).
    public var polarity: OpinionPolarity
    /// The sum of the words' scores, normalized to -1 ... 1 as the scorer's compound is.
    public var score: Double
    /// The sentiment words that gave it, in text order.
    public var words: [OpinionWord]
    /// The index of its sentence.
    public var sentence: Int

    /// An opinion.
    public init(target: OpinionTarget?, category: AspectCategory, polarity: OpinionPolarity, score: Double, words: [OpinionWord], sentence: Int) {
        self.target = target
        self.category = category
        self.polarity = polarity
        self.score = score
        self.words = words
        self.sentence = sentence
    }
}
