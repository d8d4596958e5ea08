// Irrealis: the scope of the words that make a statement unreal, wished for or past
// (`would have been great`, `had leuk kunnen zijn`, `vroeger lekker`).

import OpineText

extension SentenceScorer {
    /// Modal verbs that make a statement unreal only in a perfect construction
    /// (`would have been great`, `had leuk kunnen zijn`): `I would recommend` is real.
    /// English `should` is not among them: `should be better` states an expectation or a
    /// demand, not the fact, and is hedged by its own value (en/modifiers.tsv).
    private static let modalsNeedingPerfect: FormSet = [
        "would", "could", "might", "must", "zou", "zouden", "had", "hadden", "kon", "konden", "moest", "moesten",
    ]

    /// The auxiliaries after which such a modal is perfect and counts (`would have`,
    /// `could've been`, `had kunnen`, `zou geweest zijn`).
    private static let perfectMarkers: FormSet = [
        "have", "'ve", "been", "had", "kunnen", "moeten", "zijn", "geweest", "hebben", "worden",
    ]

    /// Irrealis words of nl/modifiers.tsv that put praise in the past (`vroeger`), and the
    /// adverbs of the present that end their scope.
    private static let dutchPastTriggers: FormSet = ["vroeger", "vroegere"]
    private static let dutchPresentAdverbs: FormSet = ["nu", "tegenwoordig", "inmiddels", "thans", "vandaag"]

    /// For every slot, the irrealis trigger whose scope covers it, with its factor: the
    /// nearest one before it in its clause. A modal (`would`, `zou`) counts only in a
    /// perfect construction: with a perfect marker after it, up to the slot (English) or
    /// anywhere in the clause (Dutch, verb-final: `het had leuk kunnen zijn`).
    ///
    /// One forward pass, so a long clause costs linear time.
    func irrealisTriggers() -> [(term: String, value: Double)?] {
        typealias Trigger = (position: Int, term: String, value: Double)
        var triggers = [(term: String, value: Double)?](repeating: nil, count: slots.count)
        // Perfect markers matter only after a modal that needs one: without such a modal
        // (most texts), no form is looked up for them. Without any irrealis word and
        // counterfactual (most texts), no slot has a trigger.
        var hasIrrealis = false
        var hasModal = false
        for slot in slots {
            guard case .modifier(let modifier) = slot.role, modifier.role == .irrealis else { continue }
            hasIrrealis = true
            if Self.modalsNeedingPerfect.contains(slot.form) {
                hasModal = true
                break
            }
        }
        let counterfactuals = dutchCounterfactuals()
        guard hasIrrealis || !counterfactuals.isEmpty else { return triggers }
        var lastPerfect: [Int: Int] = [:]
        if language == .dutch, hasModal {
            for index in slots.indices where Self.perfectMarkers.contains(slots[index].form) { lastPerfect[clauses[index]] = index }
        }
        var clause = -1
        var nearest: Trigger?
        var pendingModals: [Trigger] = []
        func promote(_ modal: Trigger) {
            if nearest.map({ $0.position < modal.position }) ?? true { nearest = modal }
        }
        for index in slots.indices {
            if clauses[index] != clause {
                clause = clauses[index]
                nearest = nil
                pendingModals = []
            }
            if !counterfactuals.isEmpty, counterfactuals.contains(index) {
                let (term, value) = counterfactualTrigger(index)
                nearest = (index, term, value)
            }
            // `vroeger` puts what follows in the past; `nu` brings the clause back to the
            // present (`die vroeger leuk waren zijn nu beperkt`).
            if language == .dutch, let trigger = nearest, Self.dutchPastTriggers.contains(trigger.term),
                Self.dutchPresentAdverbs.contains(slots[index].form)
            {
                nearest = nil
            }
            if let modal = pendingModals.last, Self.perfectMarkers.contains(slots[index].form) {
                promote(modal)
                pendingModals = []
            }
            var covering = nearest
            if !pendingModals.isEmpty, let perfect = lastPerfect[clause], let modal = pendingModals.last(where: { $0.position < perfect }),
                covering.map({ $0.position < modal.position }) ?? true
            {
                covering = modal
            }
            triggers[index] = covering.map { ($0.term, $0.value) }
            if case .modifier(let modifier) = slots[index].role, modifier.role == .irrealis, !isModalWithMainVerbHave(index) {
                let trigger = (index, modifier.term, modifier.value)
                if Self.modalsNeedingPerfect.contains(slots[index].form) {
                    pendingModals.append(trigger)
                } else {
                    nearest = trigger
                }
            }
        }
        // Dutch puts the counterfactual's finite verb second (`Lekkerder had het niet
        // kunnen zijn`) or last (`dat het beter had kunnen zijn`): what comes before it in
        // its clause, up to a clause link, is in its scope too.
        for modal in counterfactuals {
            var position = modal - 1
            while position >= 0, clauses[position] == clauses[modal], !Self.dutchClauseLinks.contains(slots[position].form) {
                if triggers[position] == nil { triggers[position] = counterfactualTrigger(modal) }
                position -= 1
            }
        }
        return triggers
    }

    /// Whether the English `would have`, `could have`, `should have` at `index` is no perfect
    /// but a modal with the main verb `have`: before `to` (`should have to pay`, `would have
    /// to wait`) or a determiner (`should have the right to`, `would have no legal force`),
    /// where a perfect has its participle (`should have been`). It is then no counterfactual:
    /// `I didn't think I should have to pay for food with a maggot in it` reports the maggot.
    private func isModalWithMainVerbHave(_ index: Int) -> Bool {
        guard language == .english, slots[index].form.hasSuffix(" have"), index + 1 < slots.count,
            slots[index + 1].sentence == slots[index].sentence
        else { return false }
        return Self.mainVerbHaveComplements.contains(slots[index + 1].form)
    }

    /// What follows a main verb `have` and never a perfect one: the `to` of obligation and
    /// the determiners of an object.
    private static let mainVerbHaveComplements: FormSet = [
        "to", "the", "a", "an", "no", "some", "any", "my", "your", "his", "her", "its", "our", "their", "this", "that",
        "these", "those", "much", "many", "enough", "every",
    ]

    /// Dutch `had`/`hadden` with `kunnen`, `moeten`, `gekund` later in its clause (not
    /// after `te`, and no clause link between): a counterfactual, whatever stands between (`het had leuk
    /// kunnen zijn`, `een betere keuze had hij niet kunnen maken`). The contiguous forms
    /// are entries of nl/modifiers.tsv; `had` alone is the past of `hebben` (`ik had de vis`).
    private static let dutchCounterfactualModals: FormSet = ["had", "hadden"]
    private static let dutchCounterfactualMarkers: FormSet = ["kunnen", "moeten", "gekund", "gemoeten"]
    /// The factor of a counterfactual, as `had kunnen` in nl/modifiers.tsv: what did not
    /// happen, reversed and halved.
    private static let dutchCounterfactualValue = -0.5

    /// The irrealis trigger of the counterfactual whose finite verb is at `modal`.
    private func counterfactualTrigger(_ modal: Int) -> (term: String, value: Double) {
        (slots[modal].form + " … kunnen", Self.dutchCounterfactualValue)
    }

    /// The positions of the Dutch counterfactual `had … kunnen` constructions.
    private func dutchCounterfactuals() -> Set<Int> {
        guard language == .dutch else { return [] }
        var found: Set<Int> = []
        for index in slots.indices {
            guard case .neutral = slots[index].role, Self.dutchCounterfactualModals.contains(slots[index].form) else { continue }
            var position = index + 1
            while position < slots.count, clauses[position] == clauses[index], !Self.dutchClauseLinks.contains(slots[position].form) {
                // `te kunnen` is an infinitive clause (`het geluk om te kunnen lunchen`).
                if Self.dutchCounterfactualMarkers.contains(slots[position].form), slots[position - 1].form != "te" {
                    found.insert(index)
                    break
                }
                position += 1
            }
        }
        return found
    }
}
