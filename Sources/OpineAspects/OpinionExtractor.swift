public import Foundation
public import OpineSentiment
public import OpineText

/// Finds the opinions in a scored text: for each sentiment word of the ``Analysis``, its
/// target (an explicit aspect term or noun phrase in the same sentence), the target's
/// category, and the polarity and score of what was said about it.
///
/// Without a parser, attribution uses what the surface gives: clause boundaries
/// (punctuation, contrast words, coordinators, subordinators), the nearest target in the
/// clause, copula patterns (`the food was great`, Dutch inversion `lekker was het eten`),
/// attributive and object patterns (`great food`, `loved the pizza`, `tevreden over de
/// bezorging`), and coordination (`the food and service were great`). Terms and
/// categories come from `Lexicons/aspects` (Snowball stems and Dutch compounds included).
/// The extractor is an immutable value: share it between threads freely.
///
/// ```swift
/// let analyzer = try SentimentAnalyzer()
/// let extractor = try OpinionExtractor()
/// let text = Tokenizer().tokenize("De bezorging was traag maar het product is top")
/// let opinions = extractor.opinions(in: text, analysis: analyzer.analyze(text))
/// opinions.map { "\($0.category) \($0.polarity)" }   // ["DELIVERY negative", "PRODUCT positive"]
/// ```
public struct OpinionExtractor: Sendable {
    /// The categories.
    public let taxonomy: AspectTaxonomy
    /// The term lists and word classes of both languages.
    public let lexicons: AspectLexiconSet
    /// The attribution costs.
    public var parameters: AttributionParameters
    /// The normalization constant of an opinion's score, s / sqrt(s² + alpha), as the
    /// scorer's compound (VADER: 15).
    public var alpha = ScoringParameters().alpha
    /// The polarity thresholds on the normalized score (the scorer's ±0.05).
    public var thresholds = SentimentThresholds()

    /// Creates an extractor from loaded data.
    public init(taxonomy: AspectTaxonomy, lexicons: AspectLexiconSet, parameters: AttributionParameters = .init()) {
        self.taxonomy = taxonomy
        self.lexicons = lexicons
        self.parameters = parameters
    }

    /// Loads the built-in taxonomy and term lists (found like the sentiment lexicons:
    /// `$OPINE_LEXICONS`, an installation's `share/opine/Lexicons`, or a checkout's
    /// `Lexicons`) and the user's term files, which add to or override them.
    public init(additionalTerms: [URL] = [], parameters: AttributionParameters = .init()) throws(AspectDataError) {
        try self.init(lexiconsFolder: AspectDataLocator.builtInFolder(), additionalTerms: additionalTerms, parameters: parameters)
    }

    /// Loads the taxonomy and term lists from a `Lexicons` folder (its `aspects/` subfolder).
    public init(lexiconsFolder: URL, additionalTerms: [URL] = [], parameters: AttributionParameters = .init()) throws(AspectDataError) {
        let taxonomy = try AspectTaxonomy(contentsOf: lexiconsFolder.appendingPathComponent("aspects"))
        let lexicons = try AspectLexiconSet.load(from: lexiconsFolder, taxonomy: taxonomy, additionalTerms: additionalTerms)
        self.init(taxonomy: taxonomy, lexicons: lexicons, parameters: parameters)
    }

    /// Tokenizes, scores and extracts in one call.
    public func opinions(in text: String, analyzer: SentimentAnalyzer, language: Language? = nil) -> (analysis: Analysis, opinions: [Opinion]) {
        let tokenized = Tokenizer().tokenize(text)
        let analysis = analyzer.analyze(tokenized, language: language)
        return (analysis, opinions(in: tokenized, analysis: analysis))
    }

    /// The opinions of a text, in text order: one per target and category for the words
    /// tied to a target, and one per sentence and category for the words without one.
    /// - Parameters:
    ///   - text: the tokenized text the analysis was made from.
    ///   - analysis: its analysis.
    public func opinions(in text: TokenizedText, analysis: Analysis) -> [Opinion] {
        opinions(in: text, analysis: analysis, skippingHedged: false)
    }

    /// The opinions of a text; with `skippingHedged`, without the words a hedge weakens
    /// (``AttributionParameters/skipsHedgedWords``).
    private func opinions(in text: TokenizedText, analysis: Analysis, skippingHedged: Bool) -> [Opinion] {
        let view = TextView(text: text, analysis: analysis, lexicons: lexiconChain(analysis.language), parameters: parameters)
        return buildOpinions(view, resolve(view, link(view, skippingHedged: skippingHedged)))
    }

    /// The candidate targets of a text (explicit terms and noun phrases), whether or not an
    /// opinion is tied to them.
    public func targets(in text: TokenizedText, analysis: Analysis) -> [OpinionTarget] {
        let view = TextView(text: text, analysis: analysis, lexicons: lexiconChain(analysis.language), parameters: parameters)
        return view.candidates.filter { !$0.isAttribute }.map(view.target)
    }

    /// The opinion about a given target span (for example a gold annotation): the words
    /// tied to it when it is added as a candidate target; when none is, and
    /// ``AttributionParameters/sentenceFallback`` is on, its sentence's polarity, and when
    /// that is neutral (``AttributionParameters/contextFallback``), the text's, then `context`'s.
    /// - Parameter context: the compound of the text around this one when `text` is a piece
    ///   of a larger text (the rest of a review, for a review's sentence); nil when none.
    public func opinion(toward range: Range<Int>, in text: TokenizedText, analysis: Analysis, context: Double? = nil) -> Opinion {
        var view = TextView(text: text, analysis: analysis, lexicons: lexiconChain(analysis.language), parameters: parameters)
        guard let forced = view.forceCandidate(range) else {
            return fallback(target: nil, category: .general, sentence: sentenceIndex(of: range.lowerBound, in: analysis), analysis: analysis, context: context)
        }
        let candidate = view.candidates[forced]
        let target = view.target(candidate)
        let all = resolve(view, link(view, skippingHedged: parameters.skipsHedgedWords))
        let resolved = all.filter { $0.link.candidate == forced }
        let words = resolved.map { OpinionWord(view.items[$0.link.item], score: $0.score, link: $0.link.link) }
        if words.isEmpty && parameters.untiedFallback {
            // No word is tied to the target: the sentence's words that are tied to no target
            // speak for it before the sentence as a whole does.
            let untied = all.filter { $0.link.candidate == nil && view.units[view.items[$0.link.item].first].sentence == candidate.sentence }
            if !untied.isEmpty {
                let words = untied.map { OpinionWord(view.items[$0.link.item], score: $0.score, link: .sentence) }
                return makeOpinion(target: target, category: candidate.category, words: words, sentence: candidate.sentence)
            }
        }
        guard !words.isEmpty else {
            return fallback(target: target, category: candidate.category, sentence: candidate.sentence, analysis: analysis, context: context)
        }
        return decided(makeOpinion(target: target, category: candidate.category, words: words, sentence: candidate.sentence)) {
            fallback(target: target, category: candidate.category, sentence: candidate.sentence, analysis: analysis, context: context)
        }
    }

    /// The opinion about a category with no explicit target (for example a gold
    /// annotation with target NULL): the opinions of that category; else the implicit
    /// GENERAL ones; else (with ``AttributionParameters/sentenceFallback``) the text's
    /// polarity, and when that is neutral (``AttributionParameters/contextFallback``) `context`'s.
    /// - Parameter context: the compound of the text around this one, as for ``opinion(toward:in:analysis:context:)-(Range<Int>,_,_,_)``.
    public func opinion(toward category: AspectCategory, in text: TokenizedText, analysis: Analysis, context: Double? = nil) -> Opinion {
        let all = opinions(in: text, analysis: analysis, skippingHedged: parameters.skipsHedgedWords)
        var chosen = all.filter { $0.category == category }
        if chosen.isEmpty { chosen = all.filter { $0.target == nil && $0.category == .general } }
        guard !chosen.isEmpty else { return fallback(target: nil, category: category, sentence: nil, analysis: analysis, context: context) }
        let words = chosen.flatMap(\.words).sorted { $0.range.lowerBound < $1.range.lowerBound }
        return decided(makeOpinion(target: nil, category: category, words: words, sentence: chosen[0].sentence)) {
            fallback(target: nil, category: category, sentence: nil, analysis: analysis, context: context)
        }
    }

    /// The opinion its words make, unless they leave it undecided
    /// (``AttributionParameters/undecidedFallback``: some have valence, but together they
    /// reach no polarity); then the polarity `fallback` gives, with the words and sentence kept.
    private func decided(_ opinion: Opinion, else fallback: () -> Opinion) -> Opinion {
        guard parameters.undecidedFallback, opinion.polarity == .neutral, opinion.words.contains(where: { $0.score != 0 }) else { return opinion }
        var decided = fallback()
        (decided.words, decided.sentence) = (opinion.words, opinion.sentence)
        return decided
    }

    /// The opinion about what a reader names: a category by its id (`DELIVERY`, `food`;
    /// any case), or else a word or phrase of the text, matched on normalized token forms
    /// at its first occurrence (`levertijd`, `Battery life`). Nil when the text does not
    /// mention it: no such word or phrase, or no opinion and no target of the category.
    ///
    /// When no word is tied to it, its sentence decides, and a sentence without sentiment
    /// takes the tone of the whole text (``fallbackCompound(sentence:text:context:)``):
    /// in `Great little place. We had the salmon.` the salmon is positive.
    ///
    /// ```swift
    /// let tokens = Tokenizer().tokenize("The food was great but the waiter was rude")
    /// let analysis = analyzer.analyze(tokens)
    /// extractor.opinion(about: "waiter", in: tokens, analysis: analysis)?.polarity   // .negative
    /// extractor.opinion(about: "FOOD", in: tokens, analysis: analysis)?.polarity     // .positive
    /// ```
    public func opinion(about query: String, in text: TokenizedText, analysis: Analysis) -> Opinion? {
        let id = query.trimmingCharacters(in: .whitespaces).uppercased()
        if let entry = taxonomy.entries.first(where: { $0.category.rawValue == id }) {
            let mentioned =
                opinions(in: text, analysis: analysis).contains { $0.category == entry.category }
                || targets(in: text, analysis: analysis).contains { $0.category == entry.category }
            return mentioned ? opinion(toward: entry.category, in: text, analysis: analysis) : nil
        }
        let wanted = Tokenizer().tokenize(query).tokens.map(\.form)
        let tokens = text.tokens
        guard !wanted.isEmpty, tokens.count >= wanted.count else { return nil }
        for start in 0...(tokens.count - wanted.count) where wanted.indices.allSatisfy({ tokens[start + $0].form == wanted[$0] }) {
            let range = tokens[start].range.lowerBound..<tokens[start + wanted.count - 1].range.upperBound
            return opinion(toward: range, in: text, analysis: analysis)
        }
        return nil
    }

    /// The tone a sentence without sentiment words takes from the text around it, whose
    /// compound is `surrounding`: that compound lowered by ``AttributionParameters/contextBias``
    /// (a factual sentence in a mildly positive review is still more often a complaint).
    public func contextTone(_ surrounding: Double) -> Double {
        max(-1, surrounding - parameters.contextBias)
    }

    /// The compound of a target no word is tied to, from its sentence's compound, the whole
    /// text's (`text`, when the text has several sentences) and that of the text around it
    /// (`context`, the rest of a review), with ``AttributionParameters/contextFallback``:
    /// - A sentence with no sentiment of its own (`Circa 30 minuten vanaf bestelling.`, `We
    ///   waited an hour.`) is read in the tone of its surroundings: the text's, then the
    ///   context's, through ``contextTone(_:)``, the first that is not neutral.
    /// - A sentence with sentiment that no word ties to the target speaks mostly about other
    ///   targets (`Decor is nice though service can be spotty`), so the surroundings are
    ///   equal evidence: the sentence's compound plus the context's tone, clamped to ±1;
    ///   when the two cancel out, the context's tone (the sentence's words are about others).
    /// Without `contextFallback`, or without surroundings, the sentence's compound.
    public func fallbackCompound(sentence: Double, text: Double?, context: Double?) -> Double {
        guard parameters.contextFallback else { return sentence }
        if polarity(of: sentence) == .neutral {
            for surrounding in [text, context] {
                if let surrounding = surrounding.map(contextTone), polarity(of: surrounding) != .neutral { return surrounding }
            }
            return sentence
        }
        guard let surrounding = (context ?? text).map(contextTone) else { return sentence }
        let sum = max(-1, min(1, sentence + surrounding))
        return polarity(of: sum) == .neutral ? surrounding : sum
    }

    /// The polarity of a normalized score.
    public func polarity(of score: Double) -> OpinionPolarity {
        score >= thresholds.positive ? .positive : score <= thresholds.negative ? .negative : .neutral
    }

    // MARK: Internals

    private func lexiconChain(_ language: Language) -> [AspectLexicon] {
        switch language {
        case .dutch: [lexicons.dutch]
        case .english: [lexicons.english]
        default: [lexicons.english, lexicons.dutch]
        }
    }

    private func sentenceIndex(of offset: Int, in analysis: Analysis) -> Int? {
        analysis.sentences.firstIndex { $0.range.contains(offset) }
    }

    /// The opinion of a target no word is tied to: its sentence's compound (the text's when
    /// no sentence is known), read with the text around it (see ``fallbackCompound(sentence:text:context:)``).
    private func fallback(target: OpinionTarget?, category: AspectCategory, sentence: Int?, analysis: Analysis, context: Double?) -> Opinion {
        var compound = 0.0
        if parameters.sentenceFallback {
            compound = fallbackCompound(
                sentence: sentence.map { analysis.sentences[$0].compound } ?? analysis.compound,
                text: sentence == nil || analysis.sentences.count < 2 ? nil : analysis.compound, context: context)
        }
        return Opinion(
            target: target, category: category, polarity: polarity(of: compound), score: compound,
            words: [], sentence: sentence ?? 0)
    }

    private func makeOpinion(target: OpinionTarget?, category: AspectCategory, words: [OpinionWord], sentence: Int) -> Opinion {
        let sum = words.reduce(0) { $0 + $1.score }
        let score = max(-1, min(1, sum / (sum * sum + alpha).squareRoot()))
        return Opinion(target: target, category: category, polarity: polarity(of: score), score: score, words: words, sentence: sentence)
    }

    /// One opinion word tied to one candidate (nil: implicit).
    struct Link {
        var item: Int
        var candidate: Int?
        var link: OpinionLink
        /// The category of the attribute noun the word was said of, when the link went on
        /// from the attribute to the thing that has it (``bearer(ofAttribute:_:)``).
        var attribute: AspectCategory?
    }

    /// Ties every opinion word to its cheapest candidate in the sentence, then shares it
    /// with coordinated candidates that have no word of their own. With `skippingHedged`,
    /// the words a hedge weakens without reversing are left out (``AttributionParameters/skipsHedgedWords``).
    func link(_ view: TextView, skippingHedged: Bool = false) -> [Link] {
        let units = view.units
        let candidates = view.candidates
        var inCandidate = [Bool](repeating: false, count: units.count)
        for candidate in candidates { for position in candidate.first...candidate.last { inCandidate[position] = true } }
        var links: [Link] = []
        for (number, word) in view.items.enumerated() {
            let sentence = units[word.first].sentence
            // A plain word inside a given target (`pita`, which the lexicon reads as an
            // abbreviation) is part of its name, not an opinion.
            if !word.mayBeTarget, candidates.contains(where: { $0.first <= word.last && word.first <= $0.last }) { continue }
            if skippingHedged, isHedged(word, in: view.analysis) { continue }
            var best: (cost: Double, candidate: Int, link: OpinionLink)?
            for (index, candidate) in candidates.enumerated() where candidate.sentence == sentence {
                let option: (Double, OpinionLink)
                if candidate.first <= word.last && word.first <= candidate.last {
                    option = (-1000, .itself)
                } else if candidate.last < word.first {
                    option = cost(units, between: (candidate.last + 1)..<word.first, targetBefore: true, inCandidate: inCandidate)
                } else {
                    option = cost(units, between: (word.last + 1)..<candidate.first, targetBefore: false, inCandidate: inCandidate)
                }
                if best == nil || option.0 < best!.cost { best = (option.0, index, option.1) }
            }
            // A word right before its noun stays there (`it was a great place`); one that
            // reaches a noun only across a coordinator or comma (`they seemed stressed and the
            // bathroom ...`) is a predicate of the pronoun.
            let tied = best.map { best in
                guard best.cost <= parameters.maximumCost else { return false }
                if best.link == .itself { return true }
                guard best.link == .attribute else { return false }
                return ((word.last + 1)..<candidates[best.candidate].first).allSatisfy { units[$0].boundary == 0 }
            } ?? false
            if parameters.pronounSubjects, !tied, let subject = Self.pronounSubject(of: word, view, inCandidate: inCandidate),
                let antecedent = Self.antecedent(ofPronounAt: subject, view)
            {
                links.append(Link(item: number, candidate: antecedent, link: .pronoun))
            } else if var best, best.cost <= parameters.maximumCost {
                if best.link == .predicate { best.candidate = Self.headOfPrepositionalPhrases(ending: best.candidate, view) }
                var link = Link(item: number, candidate: best.candidate, link: best.link)
                // `eten van slechte kwaliteit`: an adjective of an attribute noun is about what has it.
                if best.link == .attribute, let bearer = Self.bearer(ofAttribute: best.candidate, view) {
                    (link.candidate, link.attribute) = (bearer, candidates[best.candidate].category)
                } else if best.link != .itself, let subject = Self.subject(ofPredicateNominal: best.candidate, view) {
                    // `Suan is a great place`: the praise of the place is about Suan.
                    link.candidate = subject
                }
                links.append(link)
            } else {
                links.append(Link(item: number, candidate: nil, link: .implicit))
            }
        }
        guard parameters.coordination else { return links }
        let linked = Set(links.compactMap(\.candidate))
        var shared: [Link] = []
        for link in links {
            guard let target = link.candidate, link.link != .itself else { continue }
            let word = view.items[link.item]
            let targetBefore = candidates[target].last < word.first
            var current = target
            while true {
                let next = targetBefore ? current - 1 : current + 1
                guard next >= 0, next < candidates.count, candidates[next].sentence == candidates[current].sentence else { break }
                let gap = targetBefore ? (candidates[next].last + 1)..<candidates[current].first : (candidates[current].last + 1)..<candidates[next].first
                guard !gap.isEmpty,
                    gap.allSatisfy({ units[$0].isComma || units[$0].isModifier || units[$0].classes.contains(.conjunction) || units[$0].classes.contains(.determiner) }),
                    gap.contains(where: { units[$0].isComma || units[$0].classes.contains(.conjunction) })
                else { break }
                if !linked.contains(next) { shared.append(Link(item: link.item, candidate: next, link: .coordinated)) }
                current = next
            }
        }
        return links + shared
    }

    /// The position of the pronoun that is the subject of a predicate word, when there is one
    /// (``WordClass/anaphor``): `they` in `but they are a little overcooked`, `ze` in `maar ze
    /// was koud`, `het` in Dutch `omdat het te koud was` (verb last) and `lekker was het`
    /// (inverted). Nil for an expletive subject, one whose predicate is followed by a clause
    /// or infinitive (`it is nice to sit outside`, `het is jammer dat ...`, `het is leuk om
    /// ...`).
    static func pronounSubject(of word: WordItem, _ view: TextView, inCandidate: [Bool]) -> Int? {
        let scan = SubjectScan(view: view, sentence: view.units[word.first].sentence, inCandidate: inCandidate)
        guard !scan.governsComplement(word) else { return nil }
        switch scan.pronounBefore(word) {
        case .subject(let position): return position
        case .notSubject: return nil
        case .none: return view.isEnglish ? nil : scan.invertedSubject(after: word)
        }
    }

    /// The scans that look for a predicate word's pronoun subject inside one sentence.
    private struct SubjectScan {
        let view: TextView
        let sentence: Int
        let inCandidate: [Bool]

        /// What the scan back from a predicate word found.
        enum Finding {
            /// The pronoun at this position is the word's subject.
            case subject(Int)
            /// A pronoun opens the word's clause but is not its subject.
            case notSubject
            /// No pronoun before the word in its clause.
            case none
        }

        private var units: [Unit] { view.units }

        func inSentence(_ position: Int) -> Bool {
            position >= 0 && position < units.count && units[position].sentence == sentence
        }

        /// Whether the predicate governs a clause or an infinitive after it (`it is nice to
        /// ...`), which makes its pronoun subject an expletive.
        func governsComplement(_ word: WordItem) -> Bool {
            var next = word.last + 1
            while inSentence(next), units[next].isWord, units[next].classes.contains(.adverb),
                !OpinionExtractor.expletiveComplements.contains(units[next].form)
            {
                next += 1
            }
            return inSentence(next) && OpinionExtractor.expletiveComplements.contains(units[next].form)
        }

        /// Subject, copula, predicate (`it was also cheap`), and Dutch verb last (`omdat het
        /// koud was`). Between the pronoun and the word there may be only the copula,
        /// auxiliaries, adverbs, rule words, determiners, negators and other predicate words
        /// (`it was cheap and tasty`); the pronoun opens its clause.
        func pronounBefore(_ word: WordItem) -> Finding {
            var position = word.first - 1
            var copula = false
            while inSentence(position) {
                let unit = units[position]
                if unit.classes.contains(.anaphor) {
                    guard opensClause(position) else { return .notSubject }
                    let contracted = unit.form.hasSuffix("'s") || unit.form.hasSuffix("'re")
                    if copula || contracted { return .subject(position) }
                    return verbLastSubject(position, of: word).map { .subject($0) } ?? .notSubject
                }
                guard predicative(position) else { return .none }
                if unit.classes.contains(.copula) { copula = true }
                position -= 1
            }
            return .none
        }

        /// Dutch verb last after a subordinator (`omdat het koud was`): the copula follows the
        /// predicate, and no complement follows the copula (`dat het onmogelijk was om ...`).
        private func verbLastSubject(_ pronoun: Int, of word: WordItem) -> Int? {
            guard !view.isEnglish, inSentence(pronoun - 1), units[pronoun - 1].classes.contains(.subordinator) else { return nil }
            var after = word.last + 1
            while inSentence(after), units[after].isWord, !units[after].classes.isDisjoint(with: [.adverb, .ruleWord, .negator]) { after += 1 }
            guard inSentence(after), units[after].classes.contains(.copula) else { return nil }
            return inSentence(after + 1) && OpinionExtractor.expletiveComplements.contains(units[after + 1].form) ? nil : pronoun
        }

        /// Dutch inversion: predicate, copula, pronoun with no noun after it (`lekker was
        /// het`). The pronoun ends the clause, but for adverbs (`lekker was het wel`); with
        /// more after it, the first word is a sentence adverb (`jammer genoeg is het te koud`).
        func invertedSubject(after word: WordItem) -> Int? {
            var position = word.last + 1
            var copula = false
            while inSentence(position), units[position].isWord, !units[position].classes.contains(.anaphor) {
                guard units[position].classes.contains(.copula) || !units[position].classes.isDisjoint(with: [.adverb, .ruleWord]) else { return nil }
                if units[position].classes.contains(.copula) { copula = true }
                position += 1
            }
            guard copula, inSentence(position), units[position].classes.contains(.anaphor) else { return nil }
            var after = position + 1
            while inSentence(after), units[after].isWord, !units[after].classes.isDisjoint(with: [.adverb, .ruleWord, .negator]),
                units[after].sentiment == nil
            {
                after += 1
            }
            guard !inSentence(after) || !units[after].isWord || !units[after].classes.isDisjoint(with: [.conjunction, .contrast]) else { return nil }
            return position
        }

        /// A unit that may stand between a subject and its predicate word.
        private func predicative(_ position: Int) -> Bool {
            let unit = units[position]
            guard unit.isWord, !inCandidate[position], !unit.classes.contains(.anaphor) else { return false }
            if unit.sentiment != nil || unit.isModifier { return true }
            if !unit.classes.isDisjoint(with: [.pronoun, .contrast, .subordinator]) { return false }
            return !unit.classes.isDisjoint(with: [.copula, .auxiliary, .adverb, .ruleWord, .negator, .excess, .determiner, .conjunction])
        }

        /// The pronoun opens its clause: the sentence, or after punctuation, a coordinator,
        /// contrast word or subordinator. English `that` before a pronoun is a complementizer
        /// (`said that it was cold`).
        private func opensClause(_ position: Int) -> Bool {
            guard inSentence(position - 1) else { return true }
            let previous = units[position - 1]
            return !previous.isWord || !previous.classes.isDisjoint(with: [.conjunction, .contrast, .subordinator]) || previous.form == "that"
        }
    }

    /// Words after a predicate that make its pronoun subject an expletive (`it is nice to
    /// ...`, `it's a shame that ...`, `het is leuk om ...`, `het is jammer dat ...`).
    static let expletiveComplements: Set<String> = ["to", "that", "when", "if", "how", "what", "om", "te", "dat", "als", "hoe", "wat", "wanneer"]

    /// The candidate a pronoun subject stands for: the nearest candidate before it in its
    /// sentence (the head of a chain of prepositional phrases: `the staff at this place ...
    /// they`), or, when the pronoun opens its sentence (`The pizza was great. It was also
    /// cheap.`), the last candidate of the previous sentence. Nil when there is none.
    static func antecedent(ofPronounAt pronoun: Int, _ view: TextView) -> Int? {
        let units = view.units
        let candidates = view.candidates
        let sentence = units[pronoun].sentence
        if let nearest = candidates.lastIndex(where: { $0.sentence == sentence && $0.last < pronoun }) {
            return headOfPrepositionalPhrases(ending: nearest, view)
        }
        guard sentence > 0 else { return nil }
        var position = pronoun - 1
        while position >= 0, units[position].sentence == sentence {
            guard !units[position].isWord || !units[position].classes.isDisjoint(with: [.conjunction, .contrast, .adverb]) else { return nil }
            position -= 1
        }
        guard let last = candidates.lastIndex(where: { $0.sentence == sentence - 1 }) else { return nil }
        return headOfPrepositionalPhrases(ending: last, view)
    }

    /// The subject a predicate is about when the candidate before the copula is the object of
    /// a preposition after another candidate: `de sfeer in dit prachtige gebouw is
    /// ongedwongen`, `the staff at this place were rude` are about `sfeer` and `staff`. The
    /// gap between the two is the preposition and the object's determiners, modifiers and
    /// adjectives; chains of such phrases are followed back to their first noun.
    static func headOfPrepositionalPhrases(ending candidate: Int, _ view: TextView) -> Int {
        let units = view.units
        let candidates = view.candidates
        var current = candidate
        while current > 0, candidates[current - 1].sentence == candidates[current].sentence, !candidates[current - 1].isAttribute {
            let gap = (candidates[current - 1].last + 1)..<candidates[current].first
            guard let first = gap.first, units[first].classes.contains(.preposition),
                gap.dropFirst().allSatisfy({ units[$0].isWord && (units[$0].classes.contains(.determiner) || units[$0].isModifier || units[$0].sentiment != nil) })
            else { break }
            current -= 1
        }
        return current
    }

    /// Whether an irrealis trigger weakens the word without reversing it (`if`, `would`,
    /// `zou`; not `could have`, which reverses).
    private func isHedged(_ word: WordItem, in analysis: Analysis) -> Bool {
        guard let number = word.contribution else { return false }
        return analysis.contributions[number].rules.contains { $0.rule == .irrealis && $0.before * $0.after >= 0 }
    }

    /// A link with the word's category and final score: a context-dependent word keeps the
    /// valence for its opinion's category and is dropped where it has none.
    struct Resolved {
        var link: Link
        var category: AspectCategory
        var score: Double
    }

    func resolve(_ view: TextView, _ links: [Link]) -> [Resolved] {
        links.compactMap { link in
            let item = view.items[link.item]
            var category: AspectCategory
            if let number = link.candidate {
                category = view.candidates[number].category
                if let cue = link.attribute ?? item.cue, cue != category,
                    taxonomy.entry(cue)?.cueOverridesTarget == true || category == .general || category == .other
                {
                    category = cue
                }
            } else {
                category = item.cue ?? .general
            }
            var score = item.score
            if !item.conditional.isEmpty {
                guard let valence = item.conditional.first(where: { $0.applies(to: category) })?.valence, valence != 0 else { return nil }
                score = valence
            }
            return Resolved(link: link, category: category, score: score)
        }
    }

    /// The cost of tying a word to a target across `between`, and the pattern it forms.
    private func cost(_ units: [Unit], between: Range<Int>, targetBefore: Bool, inCandidate: [Bool]) -> (Double, OpinionLink) {
        var boundary = 0.0
        var words = 0
        var copula = false
        var predicateShape = true
        var attributeShape = true
        var position = between.lowerBound
        while position < between.upperBound {
            let unit = units[position]
            defer { position += 1 }
            if let start = unit.parenthesisStart, let end = unit.parenthesisEnd, start >= between.lowerBound, end < between.upperBound {
                position = end
                continue
            }
            if targetBefore && unit.classes.contains(.contrast) && Self.isElliptical(units, after: position, before: between.upperBound, inCandidate: inCandidate) {
                // `de sfeer was ok maar niet zo aangenaam`: the clause after `maar` has no
                // subject of its own and is about the same target.
                boundary += parameters.ellipticalContrast
            } else {
                boundary += unit.boundary
            }
            if unit.isWord {
                words += 1
                let classes = unit.classes
                if classes.contains(.copula) || classes.contains(.consider) { copula = true }
                if classes.isDisjoint(with: [.copula, .consider, .auxiliary, .adverb, .ruleWord, .determiner, .pronoun]) || unit.sentiment != nil {
                    predicateShape = false
                }
                if unit.sentiment == nil && !unit.isModifier && classes.isDisjoint(with: [.determiner, .adverb, .ruleWord, .preposition, .conjunction])
                    || classes.contains(.copula)
                {
                    attributeShape = false
                }
            } else if unit.isComma {
                predicateShape = false
            } else {
                predicateShape = false
                attributeShape = false
            }
        }
        var total = boundary + Double(words) * parameters.distance
        if targetBefore {
            if predicateShape && copula { return (total - parameters.predicateBonus, .predicate) }
            return (total, .nearest)
        }
        if predicateShape && copula && !units[between].contains(where: { $0.classes.contains(.consider) && !$0.classes.contains(.copula) }) {
            return (total - parameters.invertedBonus, .inverted)
        }
        if attributeShape { return (total - parameters.attributeBonus, .attribute) }
        total += parameters.targetAfter
        return (total, .nearest)
    }

    /// Whether the words after a contrast word up to `end` have no subject of their own:
    /// no target and no pronoun (`but not so pleasant`, `maar vriendelijk`).
    private static func isElliptical(_ units: [Unit], after contrast: Int, before end: Int, inCandidate: [Bool]) -> Bool {
        guard contrast + 1 <= end else { return true }
        for position in (contrast + 1)..<end {
            if inCandidate[position] || units[position].classes.contains(.pronoun) || !units[position].isWord && !units[position].isComma { return false }
        }
        return true
    }

    private func buildOpinions(_ view: TextView, _ resolved: [Resolved]) -> [Opinion] {
        var groups: [String: (target: OpinionTarget?, category: AspectCategory, sentence: Int, words: [OpinionWord], order: Int)] = [:]
        for entry in resolved {
            let item = view.items[entry.link.item]
            let word = OpinionWord(item, score: entry.score, link: entry.link.link)
            let sentence = view.units[item.first].sentence
            let key: String
            let target: OpinionTarget?
            if let number = entry.link.candidate, !view.candidates[number].isAttribute {
                target = view.target(view.candidates[number])
                key = "t\(number) \(entry.category)"
            } else {
                target = nil
                key = "s\(sentence) \(entry.category)"
            }
            groups[key, default: (target, entry.category, sentence, [], target?.range.lowerBound ?? item.range.lowerBound)].words.append(word)
        }
        return groups.values.sorted { ($0.order, $0.category) < ($1.order, $1.category) }.map { group in
            makeOpinion(
                target: group.target, category: group.category, words: group.words.sorted { $0.range.lowerBound < $1.range.lowerBound },
                sentence: group.sentence)
        }
    }
}
