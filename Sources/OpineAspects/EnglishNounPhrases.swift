import OpineText

extension TextView {
    /// Suffixes of English adjectives that hardly end a noun in a restaurant or product
    /// review: `bustling`, `unpretensious`, `fastest`, `comfortable`, `different`,
    /// `endless`, `wonderful`, `attentive`. Not -ed (a dish name keeps its cooking word:
    /// `grilled branzino`, `fried dumplings`) nor -y (`crunchy tuna`, `spicy tuna roll`).
    static let englishAdjectiveSuffixes = ["ing", "ous", "est", "able", "ible", "ent", "less", "ful", "ive"]

    /// An English adjective among unknown words: at least five letters with an adjective
    /// suffix (``englishAdjectiveSuffixes``). Unknown words only: terms are checked first.
    static func looksLikeEnglishAttributive(_ form: String) -> Bool {
        guard form.unicodeScalars.count >= 5, form.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }) else { return false }
        return englishAdjectiveSuffixes.contains { form.hasSuffix($0) }
    }
}

extension TextView {
    /// English: the last unit of a noun phrase whose last term at `termEnd` is followed by
    /// unknown nouns up to `chunkEnd`: an English compound has its head last, so the target
    /// reaches to the end (`duck confit`, `pork shu mai`, `Lobster Bisque`, `Pizza 33`) when
    /// the phrase ends there (before punctuation, a copula, an auxiliary, a coordinator, a
    /// subordinator, a contrast word or the end of the sentence) and none of its words is a verb form in -ed or -ing (`the dishes offered
    /// were`, `the soup filling yet`); else the words after the term may be a verb (`the staff
    /// knows what ...`) and the target ends with the term. Dutch: the term.
    func englishCompoundEnd(after termEnd: Int, chunkEnd: Int) -> Int {
        guard isEnglish, chunkEnd > termEnd, !units[(termEnd + 1)...chunkEnd].contains(where: { Self.looksLikeEnglishVerbForm($0.form) }) else {
            return termEnd
        }
        let next = chunkEnd + 1
        guard next < units.count, units[next].sentence == units[chunkEnd].sentence, units[next].isWord else { return chunkEnd }
        return units[next].classes.isDisjoint(with: [.copula, .conjunction, .auxiliary, .subordinator, .contrast]) ? termEnd : chunkEnd
    }
}

extension TextView {
    /// The end of a target whose last unit is at `last`: the unit's end, but before the
    /// clitic of an English term in -'s (`the food's as good as ever`, `the sake’s
    /// complimented`), which is a verb or possessive ending, not part of the name. Dutch -'s
    /// is a plural (`pizza's`) and stays.
    func targetEnd(_ last: Int) -> Int {
        let range = units[last].range
        guard isEnglish, units[last].term != nil else { return range.upperBound }
        let written = text.text(in: range)
        guard let clitic = ["'s", "’s"].first(where: { written.hasSuffix($0) && written.count > 2 }) else { return range.upperBound }
        return range.upperBound - clitic.utf8.count
    }
}
