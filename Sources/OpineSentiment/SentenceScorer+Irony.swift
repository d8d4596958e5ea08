// Irony with a grammatical cue: thanks for something bad, and praise that opens a complaint.

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

    /// The sarcastic openers of the text's sentences, each with the first negative term of
    /// its complaint: a word of praise alone before a comma at the start of a sentence
    /// (`Great, another delay.`, `Oh perfect, it broke again`, `Super, weer te laat`,
    /// `Nou lekker dan, pakket kwijt`) whose sentence then complains: a negative term after
    /// it, once negation is read (`links`, as ``negators()`` gives them), and no positive
    /// one and no contrast word. Praise that introduces nothing but a complaint mocks it;
    /// `Great, fast delivery`, `Nice, but pricey` and `Excellent, no problems at all` are
    /// meant.
    func sarcasticOpeners(links: [Int]) -> [Int: String] {
        var found: [Int: String] = [:]
        var start = 0
        while start < slots.count {
            var end = start + 1
            while end < slots.count, slots[end].sentence == slots[start].sentence { end += 1 }
            if let (opener, complaint) = sarcasticOpener(in: start..<end, links: links) { found[opener] = complaint }
            start = end
        }
        return found
    }

    private func sarcasticOpener(in sentence: Range<Int>, links: [Int]) -> (Int, String)? {
        var position = sentence.lowerBound
        while position < sentence.upperBound, Self.sarcasmLeadIns.contains(slots[position].form) { position += 1 }
        guard position < sentence.upperBound, case .sentiment(let valence, _, _) = slots[position].role, valence > 0,
            Self.sarcasticPraise.contains(slots[position].form)
        else { return nil }
        let opener = position
        position += 1
        while position < sentence.upperBound, Self.sarcasmTails.contains(slots[position].form) { position += 1 }
        guard position < sentence.upperBound, case .clauseBreak(let mark) = slots[position].role, Self.openerBreaks.contains(mark) else {
            return nil
        }
        var complaint: String?
        for index in (position + 1)..<sentence.upperBound {
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
        return complaint.map { (opener, $0) }
    }

    /// Words of praise that, alone before a comma, may open a sentence as an exclamation
    /// (English and Dutch).
    private static let sarcasticPraise: FormSet = [
        "great", "perfect", "brilliant", "wonderful", "fantastic", "lovely", "awesome", "nice", "super", "terrific", "fabulous",
        "excellent", "marvellous", "marvelous", "geweldig", "top", "prima", "mooi", "fantastisch", "lekker", "fijn", "heerlijk",
        "leuk", "schitterend", "briljant",
    ]

    /// Words that may stand before such an opener (`Oh great`, `Just perfect`, `Nou lekker`).
    private static let sarcasmLeadIns: FormSet = ["oh", "just", "well", "yeah", "so", "o", "nou", "echt", "wat", "nee"]

    /// Words that may stand between such an opener and its comma (`Lekker dan,`, `Top hoor,`).
    private static let sarcasmTails: FormSet = ["dan", "hoor", "zeg", "joh", "then", "again", "weer"]

    /// The punctuation that ends an opener: a pause within the sentence.
    private static let openerBreaks: FormSet = [",", "…", "...", "-", "–", "—", ":"]
}
