extension OpinionExtractor {
    /// Prepositions that tie an attribute noun after a thing to that thing: `eten van slechte
    /// kwaliteit`, `sangria aan een gunstige prijs`.
    static let bearerBefore: Set<String> = ["van", "aan", "voor", "tegen"]

    /// Prepositions that tie an attribute noun to the thing after it: `de kwaliteit van de
    /// vis`, `een eerlijke prijs voor een menu`.
    static let bearerAfter: Set<String> = ["van", "voor"]

    /// Forms of `hebben` by which a thing has an attribute: `de gerechten hadden een verfijnde smaak`.
    static let haveForms: Set<String> = ["heb", "hebt", "heeft", "hebben", "had", "hadden"]

    /// The thing an attribute noun (``Candidate/isAttribute``: `kwaliteit`, `smaak`, `prijs`)
    /// is said of, when the sentence names it right next to the attribute's phrase; an
    /// adjective of the attribute (`slechte kwaliteit`) is then about that thing, with the
    /// attribute's category when it overrides targets, as PRICE does:
    /// - before it, through a preposition or `hebben`, with only the attribute's determiners,
    ///   adverbs and adjectives between: `Eten was van zeer slechte kwaliteit`, `wijnen van
    ///   uitstekende kwaliteit`, `lam aan aanvaardbare prijzen`, `de gerechten hadden een
    ///   verfijnde smaak`;
    /// - else after it, through `van` or `voor` and determiners: `een nooit geziene
    ///   kwaliteit van de vis`, `correcte prijs voor een keuzemenu`.
    /// The thing is named by a listed term: not a noun phrase of unknown words (category
    /// OTHER) nor a weak head (`zaterdagavond`, `mensen`).
    /// Nil when the attribute stands alone (`de prijzen zijn hoog`): the opinion has no target.
    /// Dutch only: English SemEval gold gives the same opinions (`decent wine at reasonable
    /// prices`) mostly through targets that other words already make, and on the train file
    /// the rule added one false target and no true one.
    static func bearer(ofAttribute attribute: Int, _ view: TextView) -> Int? {
        guard !view.isEnglish, let bearer = adjacentBearer(ofAttribute: attribute, view), view.candidates[bearer].category != .other,
            !view.candidates[bearer].weakHead
        else { return nil }
        return bearer
    }

    /// The candidate next to an attribute that the attribute's phrase ties it to, listed or not.
    private static func adjacentBearer(ofAttribute attribute: Int, _ view: TextView) -> Int? {
        let candidates = view.candidates
        guard candidates[attribute].isAttribute else { return nil }
        let sentence = candidates[attribute].sentence
        if attribute > 0, candidates[attribute - 1].sentence == sentence, !candidates[attribute - 1].isAttribute,
            let link = linkBefore(view, (candidates[attribute - 1].last + 1)..<candidates[attribute].first)
        {
            return link == .verb ? headOfPrepositionalPhrases(ending: attribute - 1, view) : attribute - 1
        }
        if attribute + 1 < candidates.count, candidates[attribute + 1].sentence == sentence, !candidates[attribute + 1].isAttribute,
            linksAfter(view, (candidates[attribute].last + 1)..<candidates[attribute + 1].first)
        {
            return attribute + 1
        }
        return nil
    }

    /// How a thing before an attribute is tied to it.
    private enum BearerLink {
        /// Through a copula or `hebben`: the thing is the clause's subject, which may carry
        /// prepositional phrases (`de gerechten van de chef hebben een verfijnde smaak`).
        case verb
        /// Through a preposition alone (`wijnen van uitstekende kwaliteit`).
        case preposition
    }

    /// The tie across the gap between a thing and its attribute after it, `[copula or hebben]
    /// [preposition] modifiers` with a preposition or `hebben`; nil when the gap is not one.
    private static func linkBefore(_ view: TextView, _ gap: Range<Int>) -> BearerLink? {
        let units = view.units
        var position = gap.lowerBound
        var verb = false
        var linked = false
        if position < gap.upperBound, units[position].classes.contains(.copula) || haveForms.contains(units[position].form) {
            (verb, linked) = (true, haveForms.contains(units[position].form))
            position += 1
        }
        if position < gap.upperBound, bearerBefore.contains(units[position].form) {
            linked = true
            position += 1
        }
        guard linked, units[position..<gap.upperBound].allSatisfy(isAttributeModifier) else { return nil }
        return verb ? .verb : .preposition
    }

    /// A preposition, then determiners and adjectives left out of the target: the gap between
    /// an attribute and the thing after it.
    private static func linksAfter(_ view: TextView, _ gap: Range<Int>) -> Bool {
        guard let first = gap.first, bearerAfter.contains(view.units[first].form) else { return false }
        return view.units[(first + 1)..<gap.upperBound].allSatisfy { $0.isWord && ($0.classes.contains(.determiner) || $0.isModifier) }
    }

    /// A word of an attribute's phrase before the attribute: a determiner, adverb, rule word,
    /// sentiment word or adjective (`een`, `zeer`, `slechte`).
    private static func isAttributeModifier(_ unit: Unit) -> Bool {
        unit.isWord && (unit.sentiment != nil || unit.isModifier || !unit.classes.isDisjoint(with: [.determiner, .adverb, .ruleWord]))
    }
}
