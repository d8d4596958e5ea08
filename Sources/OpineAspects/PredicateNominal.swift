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

extension TextView {
    /// English: `candidates` with a place after `one of` marked as an attribute noun
    /// (``Candidate/isAttribute``): in `this is one of my favorite restaurants`, `one of the
    /// best spots` the place names the class the restaurant is in, not a target, and its
    /// opinions have its category and no explicit target, as SemEval marks them (or go to
    /// a named subject: ``OpinionExtractor/subject(ofPredicateNominal:_:)``).
    func markingClassNouns(_ candidates: [Candidate]) -> [Candidate] {
        guard isEnglish else { return candidates }
        return candidates.map { candidate in
            var candidate = candidate
            if candidate.category == .general, followsOneOf(candidate.first) { candidate.isAttribute = true }
            return candidate
        }
    }

    /// Whether `one of` and only determiners, adverbs, sentiment words and adjectives come
    /// before `first` in its sentence (`one of my favorite`, `one of the very best`).
    private func followsOneOf(_ first: Int) -> Bool {
        var position = first - 1
        while position >= 0, units[position].sentence == units[first].sentence, units[position].isWord, units[position].form != "of" {
            let unit = units[position]
            guard unit.sentiment != nil || unit.isModifier || !unit.classes.isDisjoint(with: [.determiner, .adverb, .ruleWord]) else { return false }
            position -= 1
        }
        guard position > 0, units[position].form == "of", units[position - 1].sentence == units[first].sentence else { return false }
        return units[position - 1].form == "one"
    }
}
