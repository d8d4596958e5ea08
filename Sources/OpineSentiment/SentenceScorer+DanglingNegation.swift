// Dangling negation: a negator that reverses no term, scored as a weak complaint of its own.

import OpineText

extension SentenceScorer {
    /// Negators that do not count as a complaint when they reverse nothing: a
    /// preposition (`without`, `comes without batteries`), a comparison of amounts
    /// (`less than $20`, `spend less`), and the correlatives `neither`/`nor` of a coordination.
    private static let neutralWhenDangling = FormSet(Set([
        "without", "less", "less than", "neither", "nor",
        // Dutch: the same words (`zonder`, `minder`, `weinig`, `noch`), and the backward-only
        // `is/was anders`, which with nothing before it to deny is `it is different`.
        "zonder", "minder", "weinig", "noch",
    ]).union(dutchBackwardOnlyNegators))

    /// A negator at `index` that reverses no sentiment term, as a weak negative term of its
    /// own. Negation is itself evaluative: people negate to deny an expectation, and in
    /// reviews and opinion text that expectation is mostly a positive one (Potts 2010, "On
    /// the negativity of negation": negators are markedly more frequent in negative
    /// reviews). So `it doesn't play windows media`, `they still didn't ship it`, `the
    /// apology was not announced` lean negative although no sentiment word occurs. Its
    /// irrealis scope applies as to a term (`if it didn't ...`).
    func danglingNegation(at index: Int, irrealis: (term: String, value: Double)?) -> Contribution? {
        guard parameters.danglingNegation != 0, case .modifier(let modifier) = slots[index].role, modifier.role == .negator,
            !Self.neutralWhenDangling.contains(modifier.term)
        else { return nil }
        let slot = slots[index]
        var term = TermScore(parameters.danglingNegation)
        if let (trigger, factor) = irrealis, Self.irrealisApplies(factor, to: term.score) { term.apply(.irrealis, trigger, term.score * factor) }
        return Contribution(
            text: text.text(in: slot.range), entry: modifier.term, match: .negation, range: slot.range,
            sentence: slot.sentence, valence: parameters.danglingNegation, score: term.score, rules: term.rules)
    }
}
