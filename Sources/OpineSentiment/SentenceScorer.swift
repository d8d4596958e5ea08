import Foundation
import OpineText

/// Applies the scoring rules to the slots of one text and sums them into an ``Analysis``.
struct SentenceScorer {
    let text: TokenizedText
    let parameters: ScoringParameters
    let language: Language
    private(set) var slots: [Slot]
    /// Dutch separable verbs joined across their clause (finite verb -> its particle).
    private(set) var separableParticles: [Int: Int]
    private(set) var clauses: [Int] = []
    private(set) var contributions: [Contribution] = []
    /// The slot of each contribution.
    private var slotOfContribution: [Int] = []
    /// The `!` amplification per sentence, already included in ``contributions``.
    private var sentenceSums: [Double]

    /// The number of terms scored (sentiment terms, and the weak negative cues that count
    /// on their own: negators that reverse nothing, in both languages, and an English `why`
    /// in a question).
    var termCount: Int { contributions.count }

    /// Words that start a new clause in Dutch, past which a following negator does not
    /// reach back: `lekker en ... nergens`, `leuk dat ze niet moeilijk doen`.
    static let dutchClauseLinks: FormSet = [
        "en", "of", "want", "omdat", "dat", "die", "als", "alsof", "toen", "terwijl", "zodat", "waardoor", "dus", "wanneer",
    ]

    /// Matches a text in the lexicon and applies the rules to it.
    ///
    /// A static function rather than an initializer: a scorer built in a local variable
    /// is moved out when returned, where an initializer had its finished value copied (a
    /// retain of every field) and the original destroyed.
    static func scored(_ text: TokenizedText, lexicon: Lexicon, parameters: ScoringParameters) -> SentenceScorer {
        var slots = Matcher(lexicon: lexicon, parameters: parameters).slots(for: text)
        var separableParticles: [Int: Int] = [:]
        if lexicon.language == .dutch {
            separableParticles = DutchSeparableVerbs.join(&slots, lexicon: lexicon)
            DutchNames.neutralize(&slots, in: text)
        }
        var scorer = SentenceScorer(text: text, parameters: parameters, language: lexicon.language, slots: slots, separableParticles: separableParticles)
        scorer.assignClauses()
        scorer.resolveDualRoleNegators()
        scorer.scoreTerms()
        scorer.applySentenceRules()
        return scorer
    }

    /// A scorer of matched slots, before any rule.
    private init(text: TokenizedText, parameters: ScoringParameters, language: Language, slots: [Slot], separableParticles: [Int: Int]) {
        self.text = text
        self.parameters = parameters
        self.language = language
        self.slots = slots
        self.separableParticles = separableParticles
        sentenceSums = Array(repeating: 0, count: max(1, text.sentences.count))
    }

    /// The positions of the slots of the sentence that the slot at `index` is in (slots
    /// come in text order, so a sentence's slots are consecutive).
    func sentenceRange(around index: Int) -> Range<Int> {
        let sentence = slots[index].sentence
        var start = index
        while start > 0, slots[start - 1].sentence == sentence { start -= 1 }
        var end = index + 1
        while end < slots.count, slots[end].sentence == sentence { end += 1 }
        return start..<end
    }

    // MARK: Clauses

    /// Numbers clauses: a new one at each clause-ending punctuation mark, contrast word and
    /// sentence.
    private mutating func assignClauses() {
        var clause = 0
        var sentence = 0
        clauses.reserveCapacity(slots.count)
        for slot in slots {
            if slot.sentence != sentence {
                clause += 1
                sentence = slot.sentence
            }
            switch slot.role {
            case .clauseBreak:
                clauses.append(clause)
                clause += 1
                continue
            case .modifier(let modifier) where modifier.role == .contrastAfter || modifier.role == .contrastBefore:
                clause += 1
            default: break
            }
            clauses.append(clause)
        }
    }

    // MARK: Dual-role negators

    /// Reads each negator that is also a sentiment entry (`no` -1.2) by its scope: a rule
    /// word when it reverses a term (`no help`, `no real problems`, `no hint of malice`),
    /// its own term otherwise (`no, thanks`, `no you didn't`). What follows within its
    /// reach decides, not whether the next word happens to be known: `no you ...` reads as
    /// `no I ...`, although `you` starts the phrase `you betcha`.
    private mutating func resolveDualRoleNegators() {
        guard slots.contains(where: { $0.ownValence != nil }) else { return }
        let links = negators()
        for index in slots.indices where links[index] != Self.reversesATerm {
            guard let valence = slots[index].ownValence else { continue }
            slots[index].role = .sentiment(valence: valence, entry: slots[index].form, match: .exact)
        }
    }

    // MARK: Term rules

    /// Scores each sentiment term by its rules in turn (capitals, elongation, degree words,
    /// negation, irony, irrealis), and each negator that reverses none, and a `why` in a question,
    /// as a term of its own.
    private mutating func scoreTerms() {
        // A text without sentiment terms and without a negator or `why` (which may count on
        // their own) has nothing to score: the irrealis scan is skipped.
        let candidates = slots.reduce(0) { count, slot in
            switch slot.role {
            case .sentiment: count + 1
            case .modifier(let modifier): modifier.role == .negator || isRhetoricalWhyCandidate(slot, modifier) ? count + 1 : count
            default: count
            }
        }
        guard candidates > 0 else { return }
        // Every contribution is one of these slots: room for all, allocated once.
        contributions.reserveCapacity(candidates)
        slotOfContribution.reserveCapacity(candidates)
        let irrealis = irrealisTriggers()
        let textHasLowerCase = text.hasLowercase
        // A negator that reverses no term is scored on its own, see
        // ``danglingNegation(at:irrealis:)``, and so is a `why` question, see
        // ``rhetoricalWhy(at:)``.
        let links = negators()
        let sarcasm = sarcasticPraise(links: links)
        for index in slots.indices {
            if let contribution = rhetoricalWhy(at: index) {
                contributions.append(contribution)
                slotOfContribution.append(index)
                continue
            }
            if links[index] != Self.reversesATerm, let contribution = danglingNegation(at: index, irrealis: irrealis[index]) {
                contributions.append(contribution)
                slotOfContribution.append(index)
                continue
            }
            guard case .sentiment(let valence, let entry, let match) = slots[index].role else { continue }
            let slot = slots[index]
            var term = TermScore(valence)
            let sign: Double = valence >= 0 ? 1 : -1
            if slot.flags.contains(.allCaps) && textHasLowerCase {
                term.apply(.allCaps, nil, term.score + sign * parameters.allCapsBoost)
            }
            if slot.flags.contains(.elongated) {
                term.apply(.elongation, nil, term.score + sign * parameters.elongationBoost)
            }
            applyDegreeWords(to: &term, at: index)
            if links[index] >= 0 { negate(&term, by: links[index]) }
            // `thanks for ruining my week`: gratitude for harm is ironic, a complaint.
            if let object = ironicThanksObject(index) { term.apply(.irony, "for " + object, term.score * parameters.negation) }
            // `great job losing my package`: so is praise of a harmful deed.
            if let object = ironicDeedObject(index) { term.apply(.irony, object, term.score * parameters.negation) }
            // `Great, another delay.`: praise that only introduces or answers a complaint mocks it.
            if let complaint = sarcasm[index] { term.apply(.irony, "… " + complaint, term.score * parameters.negation) }
            // An emoji, emoticon or interjection shows how the writer feels now, whatever
            // the grammar: negation and irrealis leave it alone (`Nope :-)`, `not me lol`).
            // `could be friendlier`, `het mag wel wat gezelliger`: a comparative wished for falls short.
            if let modal = modalWish(at: index) {
                term.apply(.irrealis, modal, term.score * parameters.comparativeWish)
            } else if !Self.isSymbol(entry, match), let (trigger, factor) = irrealis[index], Self.irrealisApplies(factor, to: term.score) {
                term.apply(.irrealis, trigger, term.score * factor)
            }
            contributions.append(
                Contribution(
                    text: text.text(in: slot.range), entry: entry, match: match, range: slot.range,
                    sentence: slot.sentence, valence: valence, score: term.score, rules: term.rules))
            slotOfContribution.append(index)
        }
    }

    /// Whether an irrealis trigger of `factor` changes a term scored `score` so far. A
    /// statement left unasserted (factor 0: `unless`, `in case`, `would have`, Dutch
    /// `moet`, `tenzij`) is no praise, but a bad outcome it names still voices a worry or a
    /// complaint (`no medicine can be effective unless it tastes horrible`, `in case it
    /// breaks`, `er moet een eind komen aan de vijandigheid`): its negative terms keep
    /// their score.
    static func irrealisApplies(_ factor: Double, to score: Double) -> Bool {
        factor != 0 || score >= 0
    }

    /// A term's score as its rules change it, with the effect of each rule that did.
    struct TermScore {
        private(set) var score: Double
        private(set) var rules: [RuleEffect] = []

        init(_ score: Double) { self.score = score }

        /// Sets the score to `newScore` by `rule`, recorded unless it changes nothing.
        mutating func apply(_ rule: RuleEffect.Rule, _ trigger: String?, _ newScore: Double) {
            guard newScore != score else { return }
            rules.append(RuleEffect(rule: rule, trigger: trigger, before: score, after: newScore))
            score = newScore
        }
    }

    /// Interjections of laughter, delight and disgust (EN and NL), which, like emoji,
    /// show how the writer feels as they write: negation and irrealis leave them alone
    /// (`I'm not the latter lol`, `no way lol`).
    private static let interjections: FormSet = [
        "lol", "lmao", "lmfao", "rofl", "haha", "hahaha", "hehe", "hihi", "xd", "yay", "woohoo", "yikes", "ugh", "argh",
        "meh", "omg", "jippie", "jeej", "bah",
    ]

    /// An emoji, emoticon or interjection: the writer's mood, which negation and irrealis
    /// leave alone.
    static func isSymbol(_ entry: String, _ match: MatchKind) -> Bool {
        match == .emoji || match == .emoticon || interjections.contains(entry)
    }

    // MARK: Sentence rules

    /// Contrast, concession and question weights, then `!` emphasis, per sentence.
    private mutating func applySentenceRules() {
        guard !contributions.isEmpty else { return }
        // One pass to group slots and contributions by sentence (in position order within
        // each), so a text of many sentences costs no more per sentence than a short one.
        let slotsBySentence = Groups(count: slots.count, key: { slots[$0].sentence })
        let contributionsBySentence = Groups(count: contributions.count, key: { contributions[$0].sentence })
        for group in 0..<contributionsBySentence.count {
            let number = contributionsBySentence.key(group)
            let members = contributionsBySentence[group]
            guard let slotGroup = slotsBySentence.position(of: number) else { continue }
            let sentenceSlots = slotsBySentence[slotGroup]
            // Contrast: the last `but` of the sentence splits it.
            if let contrast = sentenceSlots.last(where: { if case .modifier(let m) = slots[$0].role { m.role == .contrastAfter } else { false } }),
                case .modifier(let modifier) = slots[contrast].role
            {
                for member in members {
                    let position = slotOfContribution[member]
                    let factor = position < contrast ? parameters.beforeContrast : modifier.value
                    reweigh(member, .init(rule: position < contrast ? .beforeContrast : .afterContrast, trigger: modifier.term, before: 0, after: 0), factor)
                }
            }
            // Concession: the clause an `although` opens weighs less.
            for concession in sentenceSlots {
                guard case .modifier(let modifier) = slots[concession].role, modifier.role == .contrastBefore else { continue }
                for member in members where clauses[slotOfContribution[member]] == clauses[concession] {
                    reweigh(member, .init(rule: .concession, trigger: modifier.term, before: 0, after: 0), modifier.value)
                }
            }
            if isQuestion(sentenceSlots) {
                for member in members { reweigh(member, .init(rule: .question, before: 0, after: 0), parameters.question) }
            }
            var exclamations = 0
            for index in sentenceSlots {
                guard case .clauseBreak(let mark) = slots[index].role else { continue }
                exclamations += mark.unicodeScalars.reduce(0) { $0 + ($1 == "!" ? 1 : $1 == "‼" ? 2 : 0) }
            }
            exclamations = min(4, exclamations)
            let sum = members.reduce(0.0) { $0 + contributions[$1].score }
            if exclamations > 0, sum != 0, let strongest = members.max(by: { abs(contributions[$0].score) < abs(contributions[$1].score) }) {
                let boost = (sum > 0 ? 1 : -1) * parameters.exclamation * Double(exclamations)
                let before = contributions[strongest].score
                contributions[strongest].score += boost
                contributions[strongest].rules.append(.init(rule: .exclamation, trigger: String(repeating: "!", count: exclamations), before: before, after: before + boost))
            }
        }
        // A Dutch sentence that opens with a contrast word (`Goed verhaal. Maar ...`)
        // turns against what came before it, as `maar` inside a sentence does: the
        // sentences before the last such one weigh as a clause before `maar`.
        if language == .dutch {
            // The last sentence (highest number) that opens with a contrast word.
            var opener: (sentence: Int, term: String)?
            for group in (0..<slotsBySentence.count).reversed() where slotsBySentence.key(group) > 0 {
                let number = slotsBySentence.key(group)
                guard let first = slotsBySentence[group].first(where: { slots[$0].isWord }),
                    case .modifier(let modifier) = slots[first].role, modifier.role == .contrastAfter
                else { continue }
                opener = (number, modifier.term)
                break
            }
            if let opener {
                for member in contributions.indices where contributions[member].sentence < opener.sentence {
                    reweigh(member, .init(rule: .beforeContrast, trigger: opener.term, before: 0, after: 0), parameters.beforeContrast)
                }
            }
        }
        for contribution in contributions where contribution.sentence < sentenceSums.count {
            sentenceSums[contribution.sentence] += contribution.score
        }
    }

    /// The indices `0..<count` grouped by a key (a sentence number), the groups in
    /// ascending key order and each group in index order: what sorting the groups of
    /// `Dictionary(grouping:by:)` by key gives. Slots and contributions come in text
    /// order, so their sentence numbers never decrease and every group is a run of
    /// consecutive indices, found in one pass without hashing; other keys are grouped
    /// through a dictionary.
    struct Groups {
        /// Each group's start among the members and its key, in pairs in key order, then
        /// the member count (the end of the last group): one array, one allocation.
        private var runs: [Int] = []
        /// The members, group by group; empty when they are `0..<count` in order.
        private var members: [Int] = []

        init(count: Int, key: (Int) -> Int) {
            runs.reserveCapacity(9)
            var ascending = true
            var last: Int?
            for index in 0..<count {
                let current = key(index)
                if let last {
                    if current == last { continue }
                    if current < last {
                        ascending = false
                        break
                    }
                }
                runs.append(index)
                runs.append(current)
                last = current
            }
            if !ascending {
                let groups = Dictionary(grouping: 0..<count, by: key)
                runs = []
                members = []
                members.reserveCapacity(count)
                for key in groups.keys.sorted() {
                    runs.append(members.count)
                    runs.append(key)
                    members += groups[key]!
                }
            }
            runs.append(count)
        }

        /// The number of groups.
        var count: Int { runs.count / 2 }

        /// The key of the group at `position` (keys ascend with the position).
        func key(_ position: Int) -> Int { runs[2 * position + 1] }

        /// The members of the group at `position` (in key order).
        subscript(position: Int) -> LazyMapCollection<Range<Int>, Int> {
            let members = members
            return (runs[2 * position]..<runs[2 * position + 2]).lazy.map { members.isEmpty ? $0 : members[$0] }
        }

        /// The position of the group of `key`, nil when no index has it.
        func position(of key: Int) -> Int? {
            var low = 0
            var high = count
            while low < high {
                let middle = (low + high) / 2
                if self.key(middle) < key { low = middle + 1 } else { high = middle }
            }
            return low < count && self.key(low) == key ? low : nil
        }
    }

    private mutating func reweigh(_ member: Int, _ effect: RuleEffect, _ factor: Double) {
        guard factor != 1 else { return }
        var effect = effect
        effect.before = contributions[member].score
        effect.after = effect.before * factor
        contributions[member].score = effect.after
        contributions[member].rules.append(effect)
    }

    // MARK: Totals

    /// The compound of the scores of `terms` scored terms that sum to `sum`: the sum is
    /// damped by the term count (``ScoringParameters/evidenceExponent``), then mapped into
    /// [-1, 1] by s / sqrt(s² + alpha).
    private func normalize(_ sum: Double, terms: Int) -> Double {
        let damped = terms > 1 ? sum / pow(Double(terms), parameters.evidenceExponent) : sum
        let score = damped / (damped * damped + parameters.alpha).squareRoot()
        return min(1, max(-1, score))
    }

    func analysis(thresholds: SentimentThresholds, language: Language, confidence: Double) -> Analysis {
        let sum = contributions.reduce(0) { $0 + $1.score }
        var positive = 0.0
        var negative = 0.0
        for contribution in contributions {
            if contribution.score > 0 { positive += contribution.score + 1 }
            if contribution.score < 0 { negative += -contribution.score + 1 }
        }
        // The starts of the scored terms, sorted, for a binary search (a Set hashed every word).
        var sentimentWords = contributions.map(\.range.lowerBound)
        sentimentWords.sort()
        func isSentimentWord(_ start: Int) -> Bool {
            var low = 0
            var high = sentimentWords.count
            while low < high {
                let middle = (low + high) / 2
                if sentimentWords[middle] < start { low = middle + 1 } else { high = middle }
            }
            return low < sentimentWords.count && sentimentWords[low] == start
        }
        let neutral = Double(slots.reduce(0) { $0 + ($1.isWord && !isSentimentWord($1.range.lowerBound) ? 1 : 0) })
        let total = positive + negative + neutral
        let shares = total > 0 ? (positive / total, negative / total, neutral / total) : (0.0, 0.0, 1.0)
        // Terms a rule did not bring to 0, in the text and per sentence.
        var scoredTerms = 0
        var termsBySentence = [Int](repeating: 0, count: sentenceSums.count)
        for contribution in contributions where contribution.score != 0 {
            scoredTerms += 1
            if contribution.sentence < termsBySentence.count { termsBySentence[contribution.sentence] += 1 }
        }
        // The text's compound, tempered by its subjectivity (sentence compounds are not:
        // each is one sentence's own tone).
        let compound = normalize(sum, terms: scoredTerms) * pow(1 - shares.2, parameters.subjectivityExponent)
        let sentences = text.sentences.enumerated().map { number, range in
            SentenceSentiment(
                range: range,
                compound: number < sentenceSums.count ? normalize(sentenceSums[number], terms: termsBySentence[number]) : 0)
        }
        return Analysis(
            label: thresholds.label(compound: compound, positive: shares.0, negative: shares.1),
            compound: compound, positive: shares.0, negative: shares.1, neutral: shares.2,
            subjectivity: 1 - shares.2, language: language, languageConfidence: confidence,
            sentences: sentences, contributions: contributions)
    }
}
