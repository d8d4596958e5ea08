// Negation: which negator reverses which term (its scope, with the English and Dutch rules
// of its window), and how it reverses it.

import OpineText

extension SentenceScorer {
    /// Negation by slot, in one array: for a sentiment term, the position of the negator
    /// that reverses it; ``reversesATerm`` for a negator that has some term in its scope
    /// (a negator is never a term, so the two never meet); ``unlinked`` otherwise. A symbol
    /// (``isSymbol(_:_:)``) is never reversed. A negator whose scope holds a term it does not
    /// reverse (a comparison that praises: ``ScopedNegator/reverses``) counts as used all
    /// the same, so it is no dangling cue of its own.
    func negators() -> [Int] {
        var links = [Int](repeating: Self.unlinked, count: slots.count)
        for index in slots.indices {
            guard case .sentiment(_, let entry, let match) = slots[index].role, !Self.isSymbol(entry, match) else { continue }
            if let negator = negator(for: index) {
                if negator.reverses { links[index] = negator.position }
                links[negator.position] = Self.reversesATerm
            }
        }
        return links
    }

    /// The negator whose scope covers a term, and whether it reverses it. It does not when
    /// the two make a comparison that praises or blames more, not less: `never so good`,
    /// `nooit zo lekker`, `haven't been this happy`, `couldn't be easier`, `het kan niet
    /// lekkerder`, `lekkerder kan het niet`.
    struct ScopedNegator {
        var position: Int
        var reverses: Bool
    }

    /// In ``negators()``: a slot that neither is reversed nor reverses.
    static let unlinked = -1
    /// In ``negators()``: a negator that has a term in its scope (and reverses it, unless
    /// it makes it unsurpassable).
    static let reversesATerm = -2

    /// Reverses `term` by the negator at `negator`: a negation, or a litotes when the rules
    /// so far left it negative (`not bad`; `niet te pikant` negates an excess).
    func negate(_ term: inout TermScore, by negator: Int) {
        guard case .modifier(let modifier) = slots[negator].role else { return }
        if term.score < 0 {
            term.apply(.litotes, modifier.term, term.score * parameters.litotes)
        } else {
            term.apply(.negation, modifier.term, term.score * parameters.negation)
        }
    }

    /// The negator whose scope covers the term at `index`: one of the few words before it
    /// in its clause; for Dutch also one after it in the clause with no other sentiment
    /// term between (`het bevalt me niet`), unless that one scopes only forward (`geen`,
    /// `zonder`: ``dutchForwardOnlyNegators``), which ends the search.
    private func negator(for index: Int) -> ScopedNegator? {
        var position = index - 1
        var distance = 1
        var window = parameters.negationWindow
        backward: while position >= 0, distance <= window, clauses[position] == clauses[index] {
            // An English negative-polarity item (`any`, `ever`) stands in a negator's scope
            // and carries it on: in `I have not had any distortion problems` the negator
            // is four words back, but three from `any`.
            if language == .english, Self.negativePolarityItems.contains(slots[position].form) {
                window = distance + parameters.negationWindow
            }
            switch slots[position].role {
            case .modifier(let modifier) where modifier.role == .negator:
                // `never so good`, `nooit zo lekker`: a comparison with everything before,
                // which praises rather than negates (VADER's "never so/this" rule).
                // The words between, read in place (no array of their forms).
                let between = slots[(position + 1)..<index]
                if Self.neverForms.contains(slots[position].form), between.contains(where: { Self.comparativeDegree.contains($0.form) }) {
                    return ScopedNegator(position: position, reverses: false)
                }
                if language == .dutch, Self.dutchBackwardOnlyNegators.contains(modifier.term) { break backward }
                // `haven't been this sore in a while`: the same comparison with the present,
                // which `been` and a deictic `this` before the term mark (`hasn't been so
                // good lately` stays a negation).
                if language == .english, between.last?.form == "this", between.contains(where: { $0.form == "been" }) {
                    return ScopedNegator(position: position, reverses: false)
                }
                return ScopedNegator(position: position, reverses: !isUnsurpassable(term: index, negator: position))
            // In English a negator negates the first sentiment term after it, not the ones
            // beyond: in `not disappointed, great camera` only `disappointed`. (Dutch
            // coordinations such as `geen goede en snelle service` keep the wider scope,
            // which measured better on the Dutch development sets.)
            case .sentiment where language == .english: break backward
            default: break
            }
            // An English article (or `such`) adds no distance: the window counts the words
            // of the phrase, so `wouldn't be such a bad idea` is as near as `wouldn't be bad`.
            if language != .english || !Self.englishArticles.contains(slots[position].form) { distance += 1 }
            position -= 1
        }
        if language == .dutch, let negator = infinitiveNegator(for: index) { return ScopedNegator(position: negator, reverses: true) }
        // A stance adverb states how the writer feels about the clause, negation included
        // (`helaas niet`, `gelukkig geen problemen`): a negator after it does not reach it.
        guard language == .dutch, !Self.dutchStanceAdverbs.contains(slots[index].form) else { return nil }
        position = index + 1
        while position < slots.count, clauses[position] == clauses[index], !Self.dutchClauseLinks.contains(slots[position].form) {
            switch slots[position].role {
            case .sentiment: return nil
            case .modifier(let modifier) where modifier.role == .negator:
                // A split verb's particle closes its scope: `raad het niemand aan`.
                if let particle = separableParticles[index], position < particle { return ScopedNegator(position: position, reverses: true) }
                if Self.dutchForwardOnlyNegators.contains(modifier.term) { return nil }
                // `Zo lekker hebben we nog nooit gegeten`: the fronted form of `nooit zo lekker`.
                if Self.neverForms.contains(slots[position].form), index > 0, Self.comparativeDegree.contains(slots[index - 1].form) {
                    return ScopedNegator(position: position, reverses: false)
                }
                if isComparativeDenial(term: index, negator: position) { return ScopedNegator(position: position, reverses: false) }
                // A negator that reaches back closes its clause (`lekker was het niet`,
                // `het bevalt me niet meer`): one followed by a verb, object or phrase of its
                // own negates that (`de crisis mag niet misbruikt worden`, `laat de drukke
                // omgeving je niet afschrikken`), not the word before it.
                if Self.dutchAdverbNegators.contains(slots[position].form), !closesClause(negator: position) { return nil }
                return ScopedNegator(position: position, reverses: true)
            default: position += 1
            }
        }
        return nil
    }

    /// Whether the negator at `negator`, before the term, denies that anything could surpass
    /// the comparative at `term`: `couldn't be easier`, `can't imagine a friendlier staff`,
    /// `couldn't ask for a nicer waiter`, `couldn't be more disappointed`, `couldn't be
    /// worse`, Dutch `het kan niet lekkerder` (``isComparativeAfterCannot(term:negator:)``;
    /// with the negator after the term, ``isComparativeDenial(term:negator:)``). A denied
    /// possibility of a comparative is a superlative, which keeps the term's sign. In
    /// English only a modal of possibility (`can't`, `couldn't`, `could not`), with nothing
    /// but the light words of the construction between (`be`, `imagine`, `ask for`, `a`,
    /// `any`): `I can't say it's better` stays a denial.
    private func isUnsurpassable(term: Int, negator: Int) -> Bool {
        if language == .dutch { return isComparativeAfterCannot(term: term, negator: negator) }
        let form = slots[negator].form
        let modal = Self.englishCannot.contains(form) || (form == "not" && negator > 0 && Self.englishCan.contains(slots[negator - 1].form))
        guard modal else { return false }
        let between = slots[(negator + 1)..<term]
        guard between.allSatisfy({ Self.unsurpassableLightWords.contains($0.form) }) else { return false }
        return between.last?.form == "more" || slots[term].isComparative
    }

    /// The English negated modals of possibility, in one word and (``englishCan``) the
    /// modals before a separate `not`.
    private static let englishCannot: FormSet = ["can't", "cannot", "cant", "couldn't", "couldnt"]
    private static let englishCan: FormSet = ["can", "could"]
    /// The words of `couldn't be any easier`, `can't imagine a friendlier`, `couldn't ask
    /// for more`, `couldn't possibly be more disappointed`.
    private static let unsurpassableLightWords: FormSet = [
        "be", "been", "have", "get", "imagine", "ask", "for", "find", "wish", "a", "an", "any", "much", "possibly", "more", "even",
    ]

    /// `never` in both languages, and the degree words after which it compares rather
    /// than negates.
    private static let neverForms: FormSet = ["never", "nooit"]
    private static let comparativeDegree: FormSet = ["so", "this", "such", "zo", "zoveel", "zulke", "zo'n"]

    /// English articles and `such`, which the negation window does not count.
    private static let englishArticles: FormSet = ["a", "an", "the", "such"]

    /// English negative-polarity items: words that occur in a negator's scope (`not ...
    /// any`, `never ... ever`), so a term after one is within reach of the negator before it.
    private static let negativePolarityItems: FormSet = ["any", "anything", "anyone", "anybody", "ever", "anymore"]

    /// Dutch negators that scope only over what follows them, as determiners, pronouns or
    /// a preposition do: `geen honger` and `zonder stijf te zijn` negate nothing before
    /// them (`lekker zonder franjes`, `vriendelijk, geen enkel probleem`). The adverbs
    /// `niet`, `nooit`, `nergens` also negate a term before them (`lekker was het niet`).
    private static let dutchForwardOnlyNegators: FormSet = [
        "geen", "gene", "geeneens", "zonder", "niets", "niks", "niemand", "noch",
    ]

    /// Dutch negators that negate only the term before them: `gezellig is anders` (anything
    /// but cosy), where `het was anders lekker` (it was tasty, though) is not negated.
    static let dutchBackwardOnlyNegators: Set<String> = ["is anders", "was anders"]

    /// Dutch adverbs of the writer's stance towards the whole clause (unfortunately,
    /// fortunately, hopefully), which a negator after them does not negate.
    private static let dutchStanceAdverbs: FormSet = [
        "helaas", "gelukkig", "hopelijk", "jammergenoeg", "spijtiggenoeg", "godzijdank", "gelukkigerwijs",
    ]

    /// The Dutch negators that are adverbs: after their term they reach back to it only
    /// when they close its clause (``closesClause(negator:)``).
    private static let dutchAdverbNegators: FormSet = ["niet", "nooit", "nergens"]
}
