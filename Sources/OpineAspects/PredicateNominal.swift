extension OpinionExtractor {
    /// English: the subject a predicate noun stands for, when the noun is a GENERAL term
    /// after a copula and an indefinite article (`Suan is a great place`, `Mermaid Inn is an
    /// overall good restaurant`, `Myagi is one of my favorite restaurants`) and the copula's
    /// subject is a candidate right before it: the words said of the place are about what
    /// the sentence names, as SemEval marks them. Nil when the subject is a pronoun (`this
    /// is a great place`, where SemEval marks `place`) or there is none.
    static func subject(ofPredicateNominal candidate: Int, _ view: TextView) -> Int? {
        let units = view.units
        let candidates = view.candidates
        guard view.isEnglish, candidate > 0, candidates[candidate].category == .general else { return nil }
        var position = candidates[candidate].first - 1
        while position >= 0, units[position].sentence == candidates[candidate].sentence, isPredicateNounModifier(units[position]) { position -= 1 }
        guard position > 0, units[position].classes.contains(.copula), ["a", "an", "one"].contains(units[position + 1].form) else { return nil }
        let subject = candidate - 1
        guard candidates[subject].last == position - 1, candidates[subject].sentence == candidates[candidate].sentence, !candidates[subject].isAttribute
        else { return nil }
        return subject
    }

    /// A word between a copula and its predicate noun: an article, `one of`, an adverb, a
    /// sentiment word or another adjective (`is one of my favorite`, `is an overall good`).
    private static func isPredicateNounModifier(_ unit: Unit) -> Bool {
        guard unit.isWord, !unit.classes.contains(.copula) else { return false }
        if unit.sentiment != nil || unit.isModifier || ["one", "of"].contains(unit.form) { return true }
        return !unit.classes.isDisjoint(with: [.determiner, .adverb, .ruleWord])
    }
}
