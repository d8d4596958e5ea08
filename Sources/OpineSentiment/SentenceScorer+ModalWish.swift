// A comparative under a modal of possibility or permission is a wish for more: what it
// describes falls short (`the staff could be friendlier`, `het mag wel wat gezelliger`).

import OpineText

extension SentenceScorer {
    /// The modal that makes the comparative term at `index` a wish, if any.
    ///
    /// - English: a modal and `be`, then only degree words before the comparative
    ///   (`could be friendlier`, `should be a bit cleaner`, `could be more friendly`).
    /// - Dutch: a modal earlier in the clause with only words of no sentiment or degree
    ///   words between (`het kan lekkerder`, `mag wel wat vriendelijker`, `mocht het
    ///   geheel wel wat verfijnder zijn`).
    ///
    /// A comparison with `than`/`dan` after it states a fact (`it can be faster than the
    /// old one`); a negator between makes a superlative (`couldn't be friendlier`, `het
    /// kan niet lekkerder`), which the negation rules read; `what`/`wat` before the modal
    /// asks a rhetorical question that praises (`what could be better`, `wat kan er leuker
    /// zijn`). A negative comparative wished away reads as mild relief the same way (`it
    /// could be worse`).
    func modalWish(at index: Int) -> String? {
        let afterMore = language == .english && index > 0 && slots[index - 1].form == "more"
        guard slots[index].isComparative || afterMore else { return nil }
        let clause = clauses[index]
        if index + 1 < slots.count, clauses[index + 1] == clause, slots[index + 1].form == (language == .dutch ? "dan" : "than") {
            return nil
        }
        var position = index - 1
        if language == .english {
            while position >= 0, clauses[position] == clause, Self.englishWishFillers.contains(slots[position].form) { position -= 1 }
            guard position >= 1, clauses[position - 1] == clause, slots[position].form == "be",
                Self.englishWishModals.contains(slots[position - 1].form), !isRhetorical(modal: position - 1)
            else { return nil }
            return slots[position - 1].form
        }
        while position >= 0, clauses[position] == clause, index - position <= 6 {
            let form = slots[position].form
            if Self.dutchWishModals.contains(form) { return isRhetorical(modal: position) ? nil : form }
            switch slots[position].role {
            case .neutral where !Self.dutchClauseLinks.contains(form): break
            case .modifier(let modifier) where modifier.role == .intensifier || modifier.role == .downtoner: break
            default: return nil
            }
            position -= 1
        }
        return nil
    }

    /// Whether the modal at `position` asks `what` or `who` (`what could be better`, `wat
    /// kan er leuker zijn`): a rhetorical superlative, praise.
    private func isRhetorical(modal position: Int) -> Bool {
        position > 0 && clauses[position - 1] == clauses[position] && Self.interrogatives.contains(slots[position - 1].form)
    }

    private static let interrogatives: FormSet = ["what", "who", "wat", "wie", "welke"]

    /// English modals of possibility, advice and wish before `be` and a comparative.
    private static let englishWishModals: FormSet = ["could", "can", "should", "might", "would", "may"]

    /// Degree words that may stand between `be` and the comparative (`a bit`, `much`, `more`);
    /// not `even`, which predicts more of what is already good (`should be even better`).
    private static let englishWishFillers: FormSet = [
        "a bit", "a little", "a little bit", "a lot", "a tad", "bit", "little", "lot", "much", "way", "slightly", "somewhat",
        "far", "more", "just", "tad", "alot",
    ]

    /// Dutch modals of possibility and permission (`kan`, `mag`), advice (`moet`) and wish
    /// (`zou`), and the inverted `mocht het`, which the lexicon lists as a conditional.
    private static let dutchWishModals: FormSet = [
        "kan", "kon", "mag", "mocht", "moet", "moest", "zou", "zouden", "kunnen", "konden", "mogen", "mochten", "moeten",
        "mocht het", "mocht je", "mocht u",
    ]
}
