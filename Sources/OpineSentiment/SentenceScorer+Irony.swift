// Irony with a grammatical cue: thanks for something bad.

import OpineText

extension SentenceScorer {
    /// The negative term that an English `thanks` at `index` thanks for, if any: `for`
    /// within a few words after it in its clause (`thanks for`, `Thanks Hermine for`),
    /// then a negative term right after `for` (`thanks for ruining my week`, `thank you
    /// for wasting my time`). Gratitude for harm is ironic; `thanks for the kind words`
    /// and `thanks for taking one for the team` are not.
    func ironicThanksObject(_ index: Int) -> String? {
        guard language == .english, Self.englishThanks.contains(slots[index].form) else { return nil }
        var position = index + 1
        while position < slots.count, position <= index + 3, clauses[position] == clauses[index] {
            if slots[position].form == "for" {
                guard position + 1 < slots.count, clauses[position + 1] == clauses[index],
                    case .sentiment(let valence, _, _) = slots[position + 1].role, valence < 0
                else { return nil }
                return slots[position + 1].form
            }
            position += 1
        }
        return nil
    }

    /// The English words of thanks.
    private static let englishThanks: FormSet = ["thanks", "thank", "thx", "thanx"]
}
