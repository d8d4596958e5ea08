// Irony with a grammatical cue: thanks for something bad, and praise that only introduces
// or answers a complaint.

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

    /// The negative term that English praise of a deed at `index` praises, if any: the
    /// term right after it in its clause, or after `on`/`with` (`great job losing my
    /// package`, `well done on breaking it`, `nice job ruining the update`). Praise for
    /// doing harm is ironic, as thanks for it are; `great job, terrible food` has a comma
    /// between and is left to the other rules.
    func ironicDeedObject(_ index: Int) -> String? {
        guard language == .english, Self.englishDeedPraise.contains(slots[index].form) else { return nil }
        var position = index + 1
        if position < slots.count, ["on", "with"].contains(slots[position].form) { position += 1 }
        guard position < slots.count, clauses[position] == clauses[index], case .sentiment(let valence, _, _) = slots[position].role,
            valence < 0
        else { return nil }
        return slots[position].form
    }

    /// English praise of a deed (phrases of en/idioms.tsv).
    private static let englishDeedPraise: FormSet = [
        "great job", "good job", "nice job", "well done", "nice going", "way to go", "nice work", "great work",
    ]

    /// The sarcastic words of praise of the text, each with the first negative term of the
    /// complaint it mocks (``complaint(in:links:)``, with `links` as ``negators()`` gives
    /// them). Praise is sarcastic when it only introduces or answers a complaint:
    /// - alone before a comma at the start of a sentence whose rest complains
    ///   (`Great, another delay.`, `Oh perfect, it broke again`, `Super, weer te laat`,
    ///   `Nou lekker dan, pakket kwijt`);
    /// - a sentence of its own next to one that complains (`Forgot my phone at home.
    ///   Great.`, `Weer vertraging. Top hoor.`).
    ///
    /// `Great, fast delivery`, `Nice, but pricey`, `Excellent, no problems at all` and
    /// `Great. Fast delivery.` are meant.
    func sarcasticPraise(links: [Int]) -> [Int: String] {
        // Most texts have no word of exclamatory praise: nothing to scan.
        guard slots.indices.contains(where: isPraiseWord) else { return [:] }
        var found: [Int: String] = [:]
        var previous: Range<Int>?
        var sentence = sentenceRange(around: 0)
        while true {
            let next = sentence.upperBound < slots.count ? sentenceRange(around: sentence.upperBound) : nil
            if let opener = praiseBeforeComma(in: sentence) {
                if let complaint = complaint(in: (opener.comma + 1)..<sentence.upperBound, links: links) { found[opener.praise] = complaint }
            } else if let praise = praiseAlone(in: sentence),
                let complaint = [previous, next].lazy.compactMap({ $0 }).compactMap({ self.complaint(in: $0, links: links) }).first
            {
                found[praise] = complaint
            }
            guard let next else { return found }
            previous = sentence
            sentence = next
        }
    }

    /// The word of praise that opens `sentence` alone before a comma, after optional
    /// lead-ins (`Oh great,`) and with optional tails and words of address (`Lekker dan,`,
    /// `Bedankt NS,`), and that comma.
    private func praiseBeforeComma(in sentence: Range<Int>) -> (praise: Int, comma: Int)? {
        var position = sentence.lowerBound
        while position < sentence.upperBound, Self.sarcasmLeadIns.contains(slots[position].form) { position += 1 }
        guard position < sentence.upperBound, isPraiseWord(position) else { return nil }
        let praise = position
        position = afterTailsAndAddressee(position + 1, in: sentence)
        guard position < sentence.upperBound, case .clauseBreak(let mark) = slots[position].role, Self.openerBreaks.contains(mark) else {
            return nil
        }
        return (praise, position)
    }

    /// The position after the tails (`hoor`, `dan`, `a lot`) and at most two words of
    /// address (`Bedankt NS`, `Thanks a lot Comcast`, `Goed bezig @KPN`) that follow a
    /// word of praise from `start`.
    private func afterTailsAndAddressee(_ start: Int, in sentence: Range<Int>) -> Int {
        var position = start
        var names = 0
        while position < sentence.upperBound {
            if Self.sarcasmTails.contains(slots[position].form) {
                position += 1
            } else if names < 2, isAddressee(position) {
                names += 1
                position += 1
            } else {
                break
            }
        }
        return position
    }

    /// Whether the slot at `index` can name whom praise addresses: a mention, or a word
    /// of no sentiment written in capitals or with a capital (a brand, a person).
    private func isAddressee(_ index: Int) -> Bool {
        guard case .neutral = slots[index].role else { return false }
        let slot = slots[index]
        if slot.form.hasPrefix("@") { return true }
        return slot.isWord && (slot.flags.contains(.allCaps) || text.startsWithCapital(slot.range))
    }

    /// The word of praise that, with lead-ins, tails, words of address and punctuation,
    /// makes up `sentence` (`Great.`, `Oh perfect!`, `Top hoor.`, `Thanks Comcast.`).
    private func praiseAlone(in sentence: Range<Int>) -> Int? {
        var praise: Int?
        var names = 0
        for index in sentence {
            if case .clauseBreak = slots[index].role { continue }
            if Self.sarcasmLeadIns.contains(slots[index].form) || Self.sarcasmTails.contains(slots[index].form) { continue }
            if praise != nil, names < 2, isAddressee(index) {
                names += 1
                continue
            }
            guard praise == nil, isPraiseWord(index) else { return nil }
            praise = index
        }
        return praise
    }

    /// Whether the slot at `index` is a positive term that can stand as an exclamation.
    private func isPraiseWord(_ index: Int) -> Bool {
        guard case .sentiment(let valence, _, _) = slots[index].role else { return false }
        return valence > 0 && Self.exclamatoryPraise.contains(slots[index].form)
    }

    /// The first negative term of `range` when the range complains: a negative term once
    /// negation is read, no positive one and no contrast word; nil otherwise.
    private func complaint(in range: Range<Int>, links: [Int]) -> String? {
        var complaint: String?
        for index in range {
            switch slots[index].role {
            case .modifier(let modifier) where modifier.role == .contrastAfter || modifier.role == .contrastBefore:
                return nil
            case .sentiment(let valence, _, _):
                let negated = links[index] >= 0
                if (valence > 0) != negated { return nil }
                if complaint == nil { complaint = slots[index].form }
            default:
                continue
            }
        }
        return complaint
    }

    /// Words of praise that may stand as an exclamation, before a comma or as a sentence
    /// (English and Dutch).
    private static let exclamatoryPraise: FormSet = [
        "great", "perfect", "brilliant", "wonderful", "fantastic", "lovely", "awesome", "nice", "super", "terrific", "fabulous",
        "excellent", "marvellous", "marvelous", "geweldig", "top", "prima", "mooi", "fantastisch", "lekker", "fijn", "heerlijk",
        "leuk", "schitterend", "briljant", "yay", "bravo", "chapeau", "knap",
        // thanks and praise of a deed: `Bedankt NS, weer te laat`, `Well done, another cancelled train`
        "thanks", "thank", "thx", "bedankt", "dankjewel", "dank je wel", "great job", "good job", "nice job", "well done",
        "nice going", "way to go", "nice work", "great work", "goed bezig", "goed gedaan", "lekker bezig",
    ]

    /// Words that may stand before such an opener (`Oh great`, `Just perfect`, `Nou lekker`).
    private static let sarcasmLeadIns: FormSet = ["oh", "just", "well", "yeah", "so", "o", "nou", "echt", "wat", "nee"]

    /// Words that may stand between such an opener and its comma (`Lekker dan,`, `Top hoor,`,
    /// `Thank you,`, `Thanks a lot,`).
    private static let sarcasmTails: FormSet = [
        "dan", "hoor", "zeg", "joh", "then", "again", "weer", "you", "u", "a", "lot", "so", "much", "guys", "jongens", "allemaal",
    ]

    /// The punctuation that ends an opener: a pause within the sentence.
    private static let openerBreaks: FormSet = [",", "…", "...", "-", "–", "—", ":"]
}
