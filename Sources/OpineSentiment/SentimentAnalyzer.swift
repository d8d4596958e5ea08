public import Foundation
public import OpineText

/// Scores the sentiment of English and Dutch text with lexicons and rules, and explains
/// every score.
///
/// The text is tokenized, its language identified (unless given), each word matched in
/// the language's lexicon (multi-word expressions first, then the exact form, an
/// elongated word's readings, the Snowball stem and, for Dutch, compounds), and the rules
/// applied: negation with its scope and litotes, intensifiers and downtoners, capitals,
/// elongation, contrast, concession, irony, irrealis, questions and exclamation marks. The
/// analyzer is an immutable value: share it between threads freely.
///
/// ```swift
/// let analyzer = try SentimentAnalyzer()
/// let analysis = analyzer.analyze("Het eten was lekker, maar de bediening was traag")
/// analysis.label                            // .negative
/// analysis.contributions.map(\.entry)       // ["lekker", "traag"]
/// ```
public struct SentimentAnalyzer: Sendable {
    /// The lexicons in use.
    public let lexicons: LexiconSet
    /// The rule constants.
    public var parameters: ScoringParameters
    /// The label thresholds.
    public var thresholds: SentimentThresholds

    private let tokenizer = Tokenizer()
    private let identifier = LanguageIdentifier()

    /// Creates an analyzer over the given lexicons.
    public init(lexicons: LexiconSet, parameters: ScoringParameters = .init(), thresholds: SentimentThresholds = .init()) {
        self.lexicons = lexicons
        self.parameters = parameters
        self.thresholds = thresholds
    }

    /// Creates an analyzer over the built-in lexicons and the user's override files.
    /// - Throws: ``LexiconError`` when a lexicon is missing or malformed.
    public init(overrides: [URL] = []) throws {
        self.init(lexicons: try LexiconSet.builtIn(overrides: overrides))
    }

    /// Analyzes a text, in the given language or the identified one.
    public func analyze(_ text: String, language: Language? = nil) -> Analysis {
        analyze(tokenizer.tokenize(text), language: language)
    }

    /// Analyzes a tokenized text, in the given language or the identified one.
    ///
    /// When the language is uncertain (undetermined, or identified with a confidence
    /// below ``languageCertainty``, as happens with two-word posts such as `Sweet!!!`),
    /// the text is scored as English and as Dutch, and the reading that finds more
    /// sentiment terms wins; on a tie, the identified language.
    public func analyze(_ text: TokenizedText, language: Language? = nil) -> Analysis {
        if let language, language != .undetermined {
            return SentenceScorer.scored(text, lexicon: lexicons[language], parameters: parameters)
                .analysis(thresholds: thresholds, language: language, confidence: 1)
        }
        let guess = identifier.identify(text)
        if guess.language != .undetermined && guess.confidence >= Self.languageCertainty {
            return SentenceScorer.scored(text, lexicon: lexicons[guess.language], parameters: parameters)
                .analysis(thresholds: thresholds, language: guess.language, confidence: guess.confidence)
        }
        let english = SentenceScorer.scored(text, lexicon: lexicons.english, parameters: parameters)
        let dutch = SentenceScorer.scored(text, lexicon: lexicons.dutch, parameters: parameters)
        let preferDutch = dutch.termCount > english.termCount || (dutch.termCount == english.termCount && guess.language == .dutch)
        let best = preferDutch ? dutch : english
        let language: Language = guess.language == .undetermined ? .undetermined : best.language
        let confidence = language == guess.language || language == .undetermined ? guess.confidence : 1 - guess.confidence
        return best.analysis(thresholds: thresholds, language: language, confidence: confidence)
    }

    /// The language confidence below which a text is scored in both languages.
    public static let languageCertainty = 0.95
}
