// Rhetorical questions: an English `why` question, scored as a weak complaint of its own.

import OpineText

extension SentenceScorer {
    /// The sentences with a question mark.
    func questionSentences() -> Set<Int> {
        Set(slots.lazy.filter(\.form.containsQuestionMark).map(\.sentence))
    }

    /// A `why` at `index` in a question (one of `questions`), as a weak negative term of
    /// its own (``ScoringParameters/rhetoricalWhy``), which the question weight then
    /// applies to as to any term. A `why` question in a review or an opinion is mostly a
    /// complaint put as a question (`why would anyone buy this?`, `so why did I trade up?`,
    /// `why not free shipments of cookies?`), even with no sentiment word in it; a `why`
    /// that asks no question (`that is why I like it`) is no cue.
    func rhetoricalWhy(at index: Int, questions: Set<Int>) -> Contribution? {
        guard language == .english, parameters.rhetoricalWhy != 0, slots[index].form == "why", questions.contains(slots[index].sentence),
            case .modifier(let modifier) = slots[index].role, modifier.role == .question
        else { return nil }
        let slot = slots[index]
        return Contribution(
            text: text.text(in: slot.range), entry: modifier.term, match: .question, range: slot.range,
            sentence: slot.sentence, valence: parameters.rhetoricalWhy, score: parameters.rhetoricalWhy, rules: [])
    }
}
