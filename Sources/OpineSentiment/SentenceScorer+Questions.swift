// Rhetorical questions: an English `why` question, scored as a weak complaint of its own.

import OpineText

extension SentenceScorer {
    /// Whether the sentence numbered `sentence` has a slot with a question mark. Asked
    /// only for a `why`, which is rare: a scan of the slots costs less than a set of the
    /// question sentences built for every text.
    func isQuestion(_ sentence: Int) -> Bool {
        slots.contains { $0.sentence == sentence && $0.form.containsQuestionMark }
    }

    /// Whether a slot read as `modifier` is an English `why` that ``rhetoricalWhy(at:)``
    /// scores when its sentence is a question. Other question words (`is it`, `how come`)
    /// are no cue of their own, so a text with only those still skips the term rules.
    func isRhetoricalWhyCandidate(_ slot: Slot, _ modifier: Modifier) -> Bool {
        language == .english && parameters.rhetoricalWhy != 0 && modifier.role == .question && slot.form == "why"
    }

    /// A `why` at `index` in a question (``isQuestion(_:)``), as a weak negative term of
    /// its own (``ScoringParameters/rhetoricalWhy``), which the question weight then
    /// applies to as to any term. A `why` question in a review or an opinion is mostly a
    /// complaint put as a question (`why would anyone buy this?`, `so why did I trade up?`,
    /// `why not free shipments of cookies?`), even with no sentiment word in it; a `why`
    /// that asks no question (`that is why I like it`) is no cue.
    func rhetoricalWhy(at index: Int) -> Contribution? {
        guard case .modifier(let modifier) = slots[index].role, isRhetoricalWhyCandidate(slots[index], modifier),
            isQuestion(slots[index].sentence)
        else { return nil }
        let slot = slots[index]
        return Contribution(
            text: text.text(in: slot.range), entry: modifier.term, match: .question, range: slot.range,
            sentence: slot.sentence, valence: parameters.rhetoricalWhy, score: parameters.rhetoricalWhy, rules: [])
    }
}
