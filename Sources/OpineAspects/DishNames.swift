extension TextView {
    /// The categories of a dish, whose name may go on after a linking preposition.
    static let dishCategories: Set<AspectCategory> = ["FOOD", "DRINKS"]

    /// The candidates with dish names made whole: a food or drink candidate followed by a
    /// linking preposition (``dishLinks``) and a noun phrase without determiner or sentiment
    /// word reaches to the end of that phrase, which says what the dish is made of or served
    /// with, as SemEval marks such targets: Dutch `soepje van asperge`, `carpaccio van
    /// ossenhaas`, `kroketten van zwezerik`; English `green curry with vegetables`, `wings
    /// with chimmichuri`, `drumsticks over rice`. It takes in the candidates inside it and
    /// keeps its category. With a determiner the phrase is a separate thing (`de soep van de
    /// dag`, `the chicken in the salads`).
    func joiningDishNames(_ candidates: [Candidate]) -> [Candidate] {
        var joined: [Candidate] = []
        for var candidate in candidates {
            if let previous = joined.last, candidate.first <= previous.last { continue }
            if !candidate.isAttribute, Self.dishCategories.contains(candidate.category), let end = dishNameEnd(after: candidate.last) {
                candidate.last = end
                candidate.term = termText((candidate.targetFirst ?? candidate.first)...end)
            }
            joined.append(candidate)
        }
        return joined
    }

    /// The prepositions that go on with a dish's name: Dutch `van`; English `with`, `over` (not
    /// `in`: `the best sushi in town`).
    var dishLinks: Set<String> { isEnglish ? ["with", "over"] : ["van"] }

    /// The last unit of the bare noun phrase after a linking preposition (``dishLinks``)
    /// right after `last`; nil when no such preposition follows or no such phrase follows it.
    private func dishNameEnd(after last: Int) -> Int? {
        let van = last + 1
        guard van + 1 < units.count, units[van].sentence == units[last].sentence, dishLinks.contains(units[van].form) else { return nil }
        var end = van
        while true {
            var next = end + 1
            // A coordinated bare noun is part of it (`spaghetti with scallops and shrimp`).
            if end > van, next + 1 < units.count, units[next].form == "and", isNominal(units[next + 1]) { next += 1 }
            guard next < units.count, units[next].sentence == units[last].sentence, isNominal(units[next]) else { break }
            end = next
        }
        return end > van ? end : nil
    }
}
