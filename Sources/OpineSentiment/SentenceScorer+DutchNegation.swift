// Dutch negation: where a negator after its term reaches back to it, and comparatives a
// negator does not deny.

extension SentenceScorer {
    /// Whether only light words (pronouns, adverbs of degree or time, particles) follow the
    /// negator at `negator` in its clause, so that it can negate the term before it.
    func closesClause(negator: Int) -> Bool {
        var position = negator + 1
        // `slagen er niet in`: the prepositional object of the verb before it.
        if negator > 0, slots[negator - 1].form == "er", position < slots.count, slots[position].form == "in" { return true }
        while position < slots.count, clauses[position] == clauses[negator], !Self.dutchClauseLinks.contains(slots[position].form) {
            // A verb-final cluster headed by an auxiliary: the negation is the clause's
            // (`een betere keuze had hij niet kunnen maken`).
            if Self.dutchAuxiliaryInfinitives.contains(slots[position].form) { return true }
            guard !slots[position].isWord || Self.dutchLightWords.contains(slots[position].form) else { return false }
            position += 1
        }
        return true
    }

    /// `Slechter dan dit kan niet`, `lekkerder kan het niet`: a comparative denied by
    /// `kan/kon (het) niet` after it says that nothing could be more so, a superlative,
    /// not a negation (as `kan niet beter`, an idiom because `beter` alone scores 0).
    func isComparativeDenial(term: Int, negator: Int) -> Bool {
        let form = slots[term].form
        guard form.count > 4, form.hasSuffix("er") else { return false }
        var before = negator - 1
        if before > term, slots[before].form == "het" { before -= 1 }
        return before > term && Self.dutchCan.contains(slots[before].form)
    }

    /// `het kan niet lekkerder`: the same denied comparative with the negator first; only
    /// a comparative read through its adjective (``Slot/isComparative``: `lekkerder` as
    /// `lekker`), so that `kan niet lekker slapen` is still negated.
    func isComparativeAfterCannot(term: Int, negator: Int) -> Bool {
        term == negator + 1 && negator >= 1 && slots[negator].form == "niet" && Self.dutchCan.contains(slots[negator - 1].form)
            && slots[term].isComparative
    }

    /// The negator of the Dutch infinitive clause whose `te` + infinitive is the term at
    /// `term`, however far back in the clause: the infinitive closes its clause, and a
    /// negator of the clause negates it (`om niet op leeftijd te discrimineren`, `zonder de
    /// gasten ooit te storen`). Not across `om`, which opens an infinitive clause of
    /// its own (`niet bereid om de mensen te helpen`), nor past a sentiment term, which is
    /// the negator's own (`niet lekker buiten te genieten`).
    func infinitiveNegator(for term: Int) -> Int? {
        guard term >= 1, slots[term - 1].form == "te", Self.isDutchInfinitive(slots[term].form) else { return nil }
        var position = term - 2
        while position >= 0, clauses[position] == clauses[term] {
            let form = slots[position].form
            if form == "om" || Self.dutchClauseLinks.contains(form) { return nil }
            switch slots[position].role {
            case .sentiment: return nil
            case .modifier(let modifier) where modifier.role == .negator:
                return Self.dutchClauseNegators.contains(form) ? position : nil
            default: position -= 1
            }
        }
        return nil
    }

    /// The Dutch negators of a clause, whose scope is the verb at its end (`geen`, a
    /// determiner, negates its noun).
    private static let dutchClauseNegators: FormSet = ["niet", "nooit", "nergens", "zonder", "nie", "ni", "nimmer"]

    /// Auxiliaries that head a verb-final cluster, as infinitives (`niet kunnen maken`) or
    /// participles (`lekkerder had het niet gekund`).
    private static let dutchAuxiliaryInfinitives: FormSet = [
        "kunnen", "willen", "moeten", "mogen", "hebben", "zijn", "worden", "gekund", "gewild", "gemoeten", "gemogen",
    ]

    /// What may follow such a negator: pronouns, light adverbs and particles.
    private static let dutchLightWords: FormSet = [
        "me", "mij", "je", "jou", "u", "hem", "haar", "ons", "hun", "ze", "zij", "het", "er", "hier", "daar", "dit",
        "meer", "echt", "helemaal", "erg", "zo", "zeker", "bepaald", "altijd", "eens", "ook", "nog", "per", "se",
        "hoor", "hè", "he", "toch", "hoe", "dan", "nu", "meteen", "direct", "gelijk", "goed", "mee", "aan", "op", "uit",
        "af", "over", "tegen", "door", "bij", "weg", "terug", "na", "om", "thuis",
    ]

    private static let dutchCan: FormSet = ["kan", "kon"]
}
