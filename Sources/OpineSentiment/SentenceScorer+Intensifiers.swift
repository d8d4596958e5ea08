// Intensifiers and downtoners: the degree words before a term, with the Dutch `te` and
// English `too` of excess and the exclamative Dutch `wat`.

import OpineText

extension SentenceScorer {
    /// Applies the intensifiers and downtoners within reach before the term at `index`
    /// (``ScoringParameters/intensifierWindow``), each damped by its distance, with the
    /// degree words that say more than a degree: Dutch `te` and English `too X to` of
    /// excess, and Dutch `wat` as an exclamation or a pronoun.
    func applyDegreeWords(to term: inout TermScore, at index: Int) {
        let slot = slots[index]
        for (distance, modifier) in modifiersBefore(index, within: parameters.intensifierWindow)
        where modifier.role == .intensifier || modifier.role == .downtoner {
            if language == .dutch, modifier.term == "te" {
                // `te` is a degree word only right before its adjective, and not before
                // an infinitive (`om ons te beschermen`, `te genieten`), where it is the
                // infinitive particle. Before a positive term it marks an excess
                // (`te makkelijk`, `te zacht`); before a negative one it intensifies.
                // `te mooi om op te eten` (too X to ...) is hyperbolic praise: intensified.
                guard distance == 1, !Self.isDutchInfinitive(slot.form) else { continue }
                // `al te` (all too) is a plain degree: `niet al te lekker` is not very tasty.
                let followedByOm = index + 1 < slots.count && slots[index + 1].form == "om"
                let allToo = index >= 2 && slots[index - 2].form == "al"
                if term.score > 0, !followedByOm, !allToo {
                    term.apply(.excess, modifier.term, term.score * parameters.negation)
                    continue
                }
            }
            if language == .dutch, modifier.term == "wat" {
                // `wat` opening its sentence right before the term is exclamative (`Wat
                // lekker!`); after a comma only where the exclamation goes on or ends
                // (`Lieve Peter, wat fijn te horen`, `, wat leuk!`), since there it is
                // mostly a relative pronoun (`, wat tegenviel,`, `, wat ok was`).
                // Elsewhere it is a downtoner only right before its word (`was wat
                // duur`, `wat te duur`); further away a pronoun (`, wat echt heerlijk was`).
                let position = index - distance
                if distance == 1, startsClause(position) {
                    let sentenceInitial = position == 0 || slots[position - 1].sentence != slots[position].sentence
                    let next = index + 1 < slots.count && slots[index + 1].sentence == slot.sentence ? slots[index + 1].form : ""
                    if sentenceInitial || next.isEmpty || next.hasPrefix("!") || Self.dutchExclamationContinuations.contains(next) {
                        term.apply(.intensifier, "wat", term.score * (1 + Self.dutchExclamativeWat))
                    }
                    continue
                }
                guard distance == 1 || (distance == 2 && slots[index - 1].form == "te") else { continue }
            }
            // English `too X to ...` / `too X for ...` states an excess that gets in the
            // way: `too eager to settle`, `too generous for a part-time job`, `too easy
            // to hit accidentally`. (`too good not to ...`, `too good to not praise` and a
            // plain `too funny!` stay praise.)
            if language == .english, distance == 1, term.score > 0, Self.englishExcessDegrees.contains(modifier.term),
                index + 1 < slots.count, Self.englishExcessComplements.contains(slots[index + 1].form), clauses[index + 1] == clauses[index],
                !isNegator(at: index + 2)
            {
                term.apply(.excess, modifier.term, term.score * parameters.negation)
                continue
            }
            let damping = 1 - 0.05 * Double(distance - 1)
            term.apply(modifier.role == .intensifier ? .intensifier : .downtoner, modifier.term, term.score * max(0, 1 + modifier.value * damping))
        }
    }

    /// The rule words within `window` slots before `index` and in the same clause (the
    /// search stops at the clause boundary), nearest first, with their distance.
    private func modifiersBefore(_ index: Int, within window: Int) -> [(Int, Modifier)] {
        var found: [(Int, Modifier)] = []
        var position = index - 1
        var distance = 1
        while position >= 0, distance <= window, clauses[position] == clauses[index] {
            if case .modifier(let modifier) = slots[position].role { found.append((distance, modifier)) }
            position -= 1
            distance += 1
        }
        return found
    }

    /// Whether the slot at `index` is a negator (`too good not to ...`).
    private func isNegator(at index: Int) -> Bool {
        guard index < slots.count, case .modifier(let modifier) = slots[index].role else { return false }
        return modifier.role == .negator
    }

    /// Whether a Dutch form reads as an infinitive after `te` (`te genieten`, `te
    /// beschermen`, `te gaan`): it ends in `-en`, or is one of the short verbs in `-n`.
    /// (Before a positive adjective `te` states an excess instead: see
    /// ``applyDegreeWords(to:at:)``; positive idioms with it, `te gek`, are phrases,
    /// matched first.)
    static func isDutchInfinitive(_ form: String) -> Bool {
        form.hasSuffix("en") || dutchShortInfinitives.contains(form)
    }

    private static let dutchShortInfinitives: FormSet = ["gaan", "staan", "slaan", "doen", "zien", "zijn"]

    /// Words that may stand before an exclamative `wat` at the start of its clause.
    private static let dutchExclamationOpeners: FormSet = ["oh", "o", "ah", "goh", "nou", "jeetje", "jee", "wauw", "wow", "tjonge", "zeg"]
    /// Words after `wat` + term that carry an exclamation on (`wat fijn dat`, `wat leuk te
    /// horen`, `wat mooi zeg`).
    private static let dutchExclamationContinuations: FormSet = ["dat", "te", "om", "zeg", "hoor", "he", "hè", "joh", "toch"]
    /// The boost of an exclamative `wat` (`wat lekker!`), as `wat een`.
    private static let dutchExclamativeWat = 0.2

    /// Whether the slot at `position` starts its clause: first of its sentence, after a
    /// clause break, or after an interjection that opens an exclamation (`oh wat leuk`).
    private func startsClause(_ position: Int) -> Bool {
        followsBoundary(position) || (Self.dutchExclamationOpeners.contains(slots[position - 1].form) && followsBoundary(position - 1))
    }

    /// Whether the slot at `position` is the first of its sentence or follows a clause break.
    private func followsBoundary(_ position: Int) -> Bool {
        position == 0 || slots[position - 1].sentence != slots[position].sentence || slots[position - 1].isClauseBreak
    }

    /// English degree words of excess, and the complements after an adjective that make
    /// the excess an obstacle (`too eager to settle`, `too generous for the job`).
    private static let englishExcessDegrees: FormSet = ["too", "way too", "far too"]
    private static let englishExcessComplements: FormSet = ["to", "for"]
}
