extension TextView {
    /// The categories of a dish, whose name may go on after `van`.
    static let dishCategories: Set<AspectCategory> = ["FOOD", "DRINKS"]

    /// The candidates with Dutch dish names made whole: a food or drink candidate followed by
    /// `van` and a noun phrase without determiner or sentiment word (`soepje van asperge`,
    /// `carpaccio van ossenhaas`, `kroketten van zwezerik`) reaches to the end of that
    /// phrase, which says what the dish is made of, as Dutch SemEval marks such targets; it
    /// takes in the candidates inside it and keeps its category. With a determiner the phrase
    /// is a separate thing (`de soep van de dag`, `de wijnen van het huis`). English is left
    /// alone.
    func joiningDishNames(_ candidates: [Candidate]) -> [Candidate] {
        guard !isEnglish else { return candidates }
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

    /// The last unit of the bare noun phrase after a `van` right after `last`; nil when no
    /// `van` follows or no such phrase follows it.
    private func dishNameEnd(after last: Int) -> Int? {
        let van = last + 1
        guard van + 1 < units.count, units[van].sentence == units[last].sentence, units[van].form == "van" else { return nil }
        var end = van
        while end + 1 < units.count, units[end + 1].sentence == units[last].sentence, isNominal(units[end + 1]) { end += 1 }
        return end > van ? end : nil
    }
}
