import OpineSentiment
import OpineText

/// One token of a text with what the aspect lexicon and the analysis say about it.
struct Unit {
    var form: String
    var range: Range<Int>
    var sentence: Int
    var isWord: Bool
    var classes: WordClass = []
    /// The cost of attributing across this unit (punctuation, contrast words, coordinators).
    var boundary: Double = 0
    /// Punctuation that is a comma.
    var isComma = false
    /// The index of the analysis contribution that covers the unit, when it is usable as an
    /// opinion word.
    var sentiment: Int?
    /// The term match whose span covers the unit.
    var term: Int?
    /// The category a sentiment word cues.
    var cue: AspectCategory?
    /// For a unit inside brackets (the brackets included): the index of the closing bracket.
    var parenthesisEnd: Int?
    /// For a unit inside brackets: the index of the opening bracket.
    var parenthesisStart: Int?
    /// A word left out of the noun phrase it modifies (Dutch `gedekte` in `gedekte tafels`):
    /// it neither blocks an attributive opinion word before it nor a coordination.
    var isModifier = false
}

/// A word that can carry an opinion: a scorer contribution, or a context-dependent word
/// the aspect lexicon adds (`cold`, `lange`, `too small`).
struct WordItem {
    var first: Int
    var last: Int
    /// The analysis contribution, nil for a word added here.
    var contribution: Int?
    var text: String
    var entry: String
    var range: Range<Int>
    var score: Double
    var rules: [String]
    /// For a context-dependent word: its valences per category (already negated when a
    /// negator precedes it); empty for a scorer contribution or an unconditional word.
    var conditional: [ContextValence] = []
    /// The category the word cues (`expensive` → PRICE).
    var cue: AspectCategory?
    /// Whether the word may be its own target (a compound with a valenced part: `topservice`).
    var mayBeTarget: Bool
}

/// A term found in the text: one unit or a phrase.
struct TermHit {
    var first: Int
    var last: Int
    var match: AspectLexicon.Match
}

/// A candidate target: a span of units with its category.
struct Candidate {
    var first: Int
    var last: Int
    var sentence: Int
    var category: AspectCategory
    var term: String
    /// The head is a weak term (`selection`, `keuze`), which an `of`-complement can take over.
    var weakHead = false
    /// The candidate is an attribute noun alone (`prices`, `kwaliteit`): its opinions have
    /// its category and no explicit target.
    var isAttribute = false
    /// The first unit of the target as reported, when the candidate's span starts with words
    /// that opinions reach it through but that are not part of the target: Dutch `keuze aan`
    /// in `ruime keuze aan pizza's`, whose target is `pizza's`, and a measure word, `kop` in
    /// `lekkere kop koffie`. Nil: the span's first unit.
    var targetFirst: Int?
}

/// The units of a text, the terms and the candidate targets, built once per text.
struct TextView {
    let text: TokenizedText
    let analysis: Analysis
    private(set) var units: [Unit] = []
    private(set) var terms: [TermHit] = []
    /// The words that can carry an opinion, in text order.
    private(set) var items: [WordItem] = []
    private(set) var candidates: [Candidate] = []
    let lexicons: [AspectLexicon]
    let parameters: AttributionParameters
    let isEnglish: Bool

    init(text: TokenizedText, analysis: Analysis, lexicons: [AspectLexicon], parameters: AttributionParameters) {
        self.text = text
        self.analysis = analysis
        self.lexicons = lexicons
        self.parameters = parameters
        isEnglish = lexicons.first?.language != .dutch
        buildUnits()
        lexicons[0].stemmer.withInstance { stem in
            findTerms(stem: stem)
            mapContributions(stem: stem)
            addContextWords()
            findCandidates(stem: stem)
        }
    }

    // MARK: Units

    private mutating func buildUnits() {
        units.reserveCapacity(text.tokens.count)
        for token in text.tokens {
            var unit = Unit(form: token.form, range: token.range, sentence: token.sentence, isWord: token.kind == .word)
            if unit.isWord {
                for lexicon in lexicons { unit.classes.formUnion(lexicon.wordClass(of: token.form)) }
                if unit.classes.contains(.contrast) {
                    unit.boundary = parameters.contrast
                } else if unit.classes.contains(.conjunction) {
                    unit.boundary = parameters.conjunction
                } else if unit.classes.contains(.subordinator) && !unit.classes.contains(.determiner) {
                    unit.boundary = parameters.subordinator
                }
            } else if token.kind == .punctuation {
                if token.form.unicodeScalars.contains(where: { ";:()[]{}—–-…".unicodeScalars.contains($0) }) || token.form.contains("..")
                    || token.form.unicodeScalars.contains(where: { ".!?".unicodeScalars.contains($0) })
                {
                    unit.boundary = parameters.strongBreak
                } else if token.form.contains(",") {
                    unit.boundary = parameters.comma
                    unit.isComma = true
                }
            }
            units.append(unit)
        }
        // Brackets: `het eten (4 gangen) was lekker` links across a whole aside for free.
        var open: Int?
        for index in units.indices {
            let form = units[index].form
            if form == "(" || form == "[" {
                open = index
            } else if (form == ")" || form == "]"), let start = open, units[start].sentence == units[index].sentence {
                for position in start...index {
                    units[position].parenthesisStart = start
                    units[position].parenthesisEnd = index
                }
                open = nil
            }
        }
    }

    /// The lexicon match of a form, trying each lexicon in turn.
    private func match(_ form: String, stem: (String) -> String) -> AspectLexicon.Match? {
        for lexicon in lexicons {
            if let match = lexicon.match(form, stem: stem) { return match }
        }
        return nil
    }

    // MARK: Terms

    /// Phrases first, then single words. A word that is also a function word or frequent
    /// verb (`order`, `wait`, `eten`) is a term only after a determiner, a sentiment word or
    /// another term (`my order`, `het eten`, `lekker eten`), not in `we order`, `gaan eten`.
    private mutating func findTerms(stem: (String) -> String) {
        var index = 0
        while index < units.count {
            guard units[index].isWord else {
                index += 1
                continue
            }
            if let (length, entry) = phrase(at: index), entry.kind != .cue {
                let hit = TermHit(
                    first: index, last: index + length - 1,
                    match: .init(category: entry.category, kind: entry.kind, entry: entry.term, how: .phrase))
                for position in index..<(index + length) { units[position].term = terms.count }
                terms.append(hit)
                index += length
                continue
            }
            if let match = match(units[index].form, stem: stem), match.kind != .cue {
                let ambiguous = !units[index].classes.subtracting([.ruleWord]).isEmpty
                // Only a listed form may be both a term and a sentiment word (`welcome`,
                // `support`); a stem or compound reading of a sentiment word is not a term
                // (`good` is not `goods`).
                let scored = match.how != .exact && analysis.contributions.contains {
                    $0.range.overlaps(units[index].range) && [MatchKind.exact, .stem, .elongation, .phrase].contains($0.match)
                }
                // English: a term read through its stem from a form in -ed or -ing is a verb
                // form (`sliced` is not `slice`, `visiting` not `visit`); listed forms are
                // exact matches and stay (`seating`).
                let verbForm = isEnglish && match.how == .stem && Self.looksLikeEnglishVerbForm(units[index].form)
                // A word read through its stem right after a copula is a bare predicate, an
                // adjective (`het personeel is jong` is not `jongen`): a noun there takes a
                // determiner (`is een jongen`).
                let predicate = match.how == .stem && index > 0 && units[index - 1].sentence == units[index].sentence
                    && units[index - 1].classes.contains(.copula)
                if !scored && !verbForm && !predicate && (!ambiguous || termLicensed(before: index)) {
                    units[index].term = terms.count
                    terms.append(TermHit(first: index, last: index, match: match))
                }
            }
            index += 1
        }
    }

    private func termLicensed(before index: Int) -> Bool {
        guard index > 0, units[index - 1].sentence == units[index].sentence, units[index - 1].isWord else { return true }
        let previous = units[index - 1]
        if previous.classes.contains(.determiner) || previous.term != nil { return true }
        // A sentiment word licenses the term after it (`great wait`), one phrase with it does
        // not (`can't wait`).
        if analysis.contributions.contains(where: { !$0.match.isCue && $0.range.overlaps(previous.range) && !$0.range.overlaps(units[index].range) }) {
            return true
        }
        // After a pronoun, auxiliary, verb or `to`/`te`/`om` the word is a verb (`we order`,
        // `gaan eten`, `to wait`).
        return previous.classes.isDisjoint(with: [.pronoun, .auxiliary, .verb, .copula, .preposition, .adverb, .consider])
    }

    private func phrase(at index: Int) -> (Int, AspectTermEntry)? {
        for lexicon in lexicons {
            for (words, entry) in lexicon.phrases(startingWith: units[index].form) where words.count > 1 {
                guard index + words.count <= units.count else { continue }
                if (0..<words.count).allSatisfy({ units[index + $0].isWord && units[index + $0].form == words[$0] }) {
                    return (words.count, entry)
                }
            }
        }
        return nil
    }

    // MARK: Opinion words

    /// Maps contributions to units. A word that matched the sentiment lexicon as itself but
    /// is an aspect term here (`support`, `welcome`, `service`) names a topic, not an
    /// opinion, and is left out; a compound with a valenced part (`topservice`) stays.
    private mutating func mapContributions(stem: (String) -> String) {
        var unitIndex = 0
        for (number, contribution) in analysis.contributions.enumerated() {
            // A negator that reversed no term, or a `why` question, is a cue to the text's
            // tone, not an opinion word about a target.
            guard !contribution.match.isCue else { continue }
            while unitIndex < units.count, units[unitIndex].range.upperBound <= contribution.range.lowerBound { unitIndex += 1 }
            var last = unitIndex
            while last + 1 < units.count, units[last + 1].range.lowerBound < contribution.range.upperBound { last += 1 }
            guard unitIndex < units.count, units[unitIndex].range.overlaps(contribution.range) else { continue }
            let first = unitIndex
            let plainMatch = [MatchKind.exact, .stem, .elongation].contains(contribution.match)
            if first == last, let term = units[first].term, terms[term].first == first, terms[term].last == first, plainMatch {
                continue
            }
            var cue: AspectCategory?
            if first == last {
                for lexicon in lexicons where cue == nil { cue = lexicon.cue(units[first].form, stem: stem) }
            } else {
                let words = units[first...last].filter(\.isWord).map(\.form)
                for lexicon in lexicons where cue == nil { cue = lexicon.cuePhrase(words) }
                for position in first...last where cue == nil {
                    for lexicon in lexicons where cue == nil { cue = lexicon.cue(units[position].form, stem: stem) }
                }
            }
            for position in first...last {
                units[position].sentiment = items.count
                units[position].cue = cue
            }
            var item = WordItem(
                first: first, last: last, contribution: number, text: contribution.text, entry: contribution.entry,
                range: contribution.range, score: contribution.score,
                rules: contribution.rules.map { $0.rule.rawValue + ($0.trigger.map { " (\($0))" } ?? "") }, cue: cue,
                mayBeTarget: !plainMatch)
            if item.score > 0, lexicons.contains(where: { $0.wordClass(of: contribution.entry.lowercased()).contains(.lukewarm) }) {
                // `the food was ok`: acceptance, not praise (see ``WordClass/lukewarm``).
                item.score = 0
                item.rules.append("lukewarm")
            }
            items.append(item)
        }
    }

    /// Adds the context-dependent opinion words the scorer does not score (`cold`, `lange`),
    /// and applies `too`/`te` + adjective: a complaint whatever the adjective (`too sweet`,
    /// `te duur`), unless negated (`not too bad`).
    private mutating func addContextWords() {
        var added: [WordItem] = []
        for index in units.indices where units[index].isWord && units[index].sentiment == nil {
            var valences: [ContextValence] = []
            for lexicon in lexicons where valences.isEmpty { valences = lexicon.contextValences(of: units[index].form) }
            guard !valences.isEmpty, !valences.allSatisfy({ $0.valence == 0 }) else { continue }
            var rules: [String] = []
            if let negator = negator(before: index) ?? negator(after: index) {
                valences = valences.map { ContextValence(word: $0.word, categories: $0.categories, valence: $0.valence * ScoringParameters().negation) }
                rules.append("negation (\(negator))")
            }
            var cue: AspectCategory?
            for lexicon in lexicons where cue == nil { cue = lexicon.cue(units[index].form) }
            added.append(
                WordItem(
                    first: index, last: index, contribution: nil, text: text.text(in: units[index].range), entry: units[index].form,
                    range: units[index].range, score: 0, rules: ["context"] + rules, conditional: valences, cue: cue, mayBeTarget: false))
        }
        for index in units.indices where units[index].classes.contains(.excess) {
            let next = index + 1
            guard next < units.count, units[next].isWord, units[next].sentence == units[index].sentence, negator(before: index) == nil else { continue }
            let written = text.text(in: units[next].range)
            let form = units[next].form
            let opensClass = units[next].classes.isDisjoint(with: WordClass.functionWords) || Self.excessQuantities.contains(form)
            guard opensClass, written.first?.isUppercase != true, !form.contains("-") else { continue }
            if !isEnglish {
                // Dutch `te` is also the infinitive marker (`te genieten`, `aan te raden`) and a
                // preposition (`te koop`, `te Gent`): only an adjective the lexicons know, or a
                // quantity, takes the excess reading.
                let known = units[next].sentiment != nil || added.contains { $0.first == next } || Self.excessQuantities.contains(form)
                guard known, !form.hasSuffix("en") else { continue }
            }
            let trigger = units[index].form
            if let existing = units[next].sentiment {
                let score = items[existing].score
                guard score > -1 else { continue }
                items[existing].score = -max(1.0, abs(score))
                items[existing].rules.append("excess (\(trigger))")
            } else {
                added.removeAll { $0.first == next }
                var cue: AspectCategory?
                for lexicon in lexicons where cue == nil { cue = lexicon.cue(form) }
                added.append(
                    WordItem(
                        first: next, last: next, contribution: nil, text: trigger + " " + written, entry: trigger + " " + form,
                        range: units[index].range.lowerBound..<units[next].range.upperBound, score: -1.5, rules: ["excess (\(trigger))"],
                        cue: cue, mayBeTarget: false))
            }
        }
        for item in added {
            units[item.first].sentiment = items.count
            units[item.first].cue = item.cue
            items.append(item)
        }
        items.sort { $0.first < $1.first }
        for (number, item) in items.enumerated() {
            for position in item.first...item.last { units[position].sentiment = number }
        }
    }

    /// Dutch: a negator after the word in its clause, with no other opinion word between
    /// (`goedkoop is het niet`), as the scorer reads Dutch word order.
    private func negator(after index: Int) -> String? {
        guard !isEnglish else { return nil }
        var position = index + 1
        var distance = 0
        while position < units.count, distance < 4, units[position].sentence == units[index].sentence, units[position].boundary == 0 {
            if units[position].classes.contains(.negator) { return units[position].form }
            if units[position].sentiment != nil || units[position].classes.contains(.subordinator) { return nil }
            if units[position].isWord { distance += 1 }
            position += 1
        }
        return nil
    }

    /// Words after `too`/`te` that are function words but still take the excess reading.
    private static let excessQuantities: Set<String> = [
        "much", "many", "little", "few", "long", "late", "far", "veel", "weinig", "lang", "laat", "ver", "kort", "klein", "groot", "hoog", "vroeg",
    ]

    /// A negator up to three words before the unit, in its clause.
    private func negator(before index: Int) -> String? {
        var position = index - 1
        var distance = 0
        while position >= 0, distance < 3, units[position].sentence == units[index].sentence, units[position].boundary == 0 {
            if units[position].classes.contains(.negator) { return units[position].form }
            if units[position].isWord { distance += 1 }
            position -= 1
        }
        return nil
    }

    // MARK: Candidate targets

    /// Whether a unit can be part of a noun phrase: a term, or an open-class word that is
    /// not a sentiment word.
    func isNominal(_ unit: Unit) -> Bool {
        guard unit.isWord else { return false }
        if unit.term != nil { return true }
        guard unit.sentiment == nil, unit.classes.isDisjoint(with: WordClass.functionWords) else { return false }
        let scalars = unit.form.unicodeScalars
        guard scalars.count >= 2, scalars.contains(where: { $0.properties.isAlphabetic }) else { return false }
        if isEnglish {
            if unit.form.hasSuffix("ly") || unit.form.contains("'") { return false }
        } else if Self.looksLikeDutchParticiple(unit.form) {
            return false
        }
        return true
    }

    /// A Dutch past participle: `gegeten`, `geserveerd`, `ingericht`, `opgediend`,
    /// `bediend`, `verzorgd` (prefix `ge-`, a separable particle + `ge`, or `be-`/`ver-`/
    /// `ont-`/`her-`, ending in -d, -t or -en). Unknown words only: terms are checked first.
    static func looksLikeDutchParticiple(_ form: String) -> Bool {
        let scalars = form.unicodeScalars.count
        guard scalars >= 6, form.hasSuffix("d") || form.hasSuffix("t") || form.hasSuffix("en") else { return false }
        if form.hasPrefix("ge") { return true }
        for particle in ["aan", "af", "in", "op", "uit", "mee", "door", "over", "toe", "voor", "terug", "weg"] where form.hasPrefix(particle + "ge") {
            return true
        }
        if form.hasSuffix("en") { return false }  // bezorgen, verlangen: infinitives and plurals are left alone
        return ["be", "ver", "ont", "her"].contains { form.hasPrefix($0) }
    }

    /// The first position of a noun phrase from `start` to its head at `head` once the
    /// attributive adjectives before the head are left out. Dutch: an unknown word with the
    /// attributive ending -e, or a participle in -en, before a noun is an adjective
    /// (`ongedwongen sfeer`, `kwaliteitsvolle wijnen`, `gedekte tafels`); English: an unknown
    /// word with an adjective suffix (``looksLikeEnglishAttributive(_:)``: `bustling
    /// atmosphere`, `unpretensious setting`). The target is the noun, as after a sentiment
    /// adjective (`lekkere wijnen`, `great food`). A capitalized adjective stays: it names a
    /// kind (`Thaise keuken`, `Zuid-Afrikaanse wijnen`). The words left out are marked as
    /// modifiers.
    private mutating func afterAttributives(from start: Int, before head: Int) -> Int {
        guard start < head else { return start }
        let attributive = isEnglish ? Self.looksLikeEnglishAttributive : Self.looksLikeDutchAttributive
        for position in stride(from: head - 1, through: start, by: -1) where units[position].term == nil {
            guard text.text(in: units[position].range).first?.isUppercase != true, attributive(units[position].form) else { continue }
            for modifier in start...position { units[modifier].isModifier = true }
            return position + 1
        }
        return start
    }

    /// A Dutch adjective in its attributive form: ending in -e (`klassieke`, `gedekte`,
    /// `groene`) but not in -ie, -ee or -ue (`koffie`, `puree`, `fondue`), or a participle in
    /// -en (`afgebakken`, `ongedwongen`). Unknown words only: terms are checked first.
    static func looksLikeDutchAttributive(_ form: String) -> Bool {
        let length = form.unicodeScalars.count
        if length >= 6, form.hasSuffix("en"), looksLikeDutchParticiple(form) || form.hasPrefix("onge") { return true }
        guard length >= 4, form.hasSuffix("e"), form.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }) else { return false }
        return !["ie", "ee", "ue"].contains { form.hasSuffix($0) }
    }

    /// An English past participle or gerund among unknown words: `sliced`, `overcooked`,
    /// `visiting` (at least five letters, ending in -ed or -ing).
    static func looksLikeEnglishVerbForm(_ form: String) -> Bool {
        form.unicodeScalars.count >= 5 && (form.hasSuffix("ed") || form.hasSuffix("ing"))
    }

    /// Whether a noun phrase may start right after this position: at the start of the
    /// sentence, after punctuation, a determiner, preposition, coordinator, number or
    /// sentiment word.
    func opensPhrase(before index: Int) -> Bool {
        guard index > 0, units[index - 1].sentence == units[index].sentence else { return true }
        let previous = units[index - 1]
        if !previous.isWord { return true }
        if previous.sentiment != nil { return true }
        return !previous.classes.isDisjoint(with: [.determiner, .preposition, .conjunction, .adverb, .contrast, .subordinator])
    }

    private mutating func findCandidates(stem: (String) -> String) {
        var index = 0
        var unknownChunks: [(Int, Int)] = []
        while index < units.count {
            guard isNominal(units[index]) else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < units.count, units[end + 1].sentence == units[index].sentence, isNominal(units[end + 1]) { end += 1 }
            let termUnits = (index...end).filter { units[$0].term != nil }
            if let lastTermUnit = termUnits.last {
                let head = terms[units[lastTermUnit].term!]
                var start = index
                let firstTerm = terms[units[termUnits[0]].term!].first
                if !opensPhrase(before: index) || firstTerm - index > 3 { start = firstTerm }
                start = afterAttributives(from: start, before: firstTerm)
                let last = englishCompoundEnd(after: head.last, chunkEnd: end)
                var category = head.match.category
                var weak = head.match.kind == .weak
                if weak {
                    // `wine selection`: the weak head yields to the term or word before it.
                    if head.first > start, let before = units[head.first - 1].term.map({ terms[$0] }) {
                        category = before.match.category
                        weak = false
                    } else if head.first > start, let before = match(units[head.first - 1].form, stem: stem), before.kind != .cue {
                        category = before.category
                        weak = false
                    }
                }
                // A generic head on its own or after unknown words (`time`, `problem`, `tijd`,
                // `the other night`, `a hot day`, `the same thing`) names nothing.
                if weak && category == .general && termUnits.count == 1 {
                    index = end + 1
                    continue
                }
                let single = start == head.first && last == head.last
                let term = single ? head.match.entry : termText(start...last)
                var candidate = Candidate(first: start, last: last, sentence: units[start].sentence, category: category, term: term, weakHead: weak)
                candidate.isAttribute = single && head.match.kind == .attribute
                candidates.append(candidate)
            } else {
                unknownChunks.append((index, end))
            }
            index = end + 1
        }
        var unplaced: [ClosedRange<Int>] = []
        for (start, chunkEnd) in unknownChunks {
            // English: an unknown word in -ed ends no noun phrase; it is a participle
            // (`inexpertly sliced`, `perfectly cooked`).
            var end = chunkEnd
            while isEnglish, end >= start, Self.looksLikeEnglishVerbForm(units[end].form) { end -= 1 }
            guard end >= start else { continue }
            let start = afterAttributives(from: max(start, end - 3), before: end)
            guard copulaFollows(end) && opensPhrase(before: start) || sentimentPrecedes(start) else {
                unplaced.append(start...end)
                continue
            }
            let category = match(units[end].form, stem: stem).flatMap { $0.kind == .cue ? nil : $0.category } ?? .other
            candidates.append(Candidate(first: start, last: end, sentence: units[start].sentence, category: category, term: termText(start...end)))
        }
        candidates.sort { $0.first < $1.first }
        candidates = addingCoordinatedChunks(unplaced, to: candidates)
        leaveOutMeasureAndAttributeWords()
        mergeComplements()
        candidates = joiningDishNames(candidates)
        candidates = markingClassNouns(candidates)
    }

    /// `kop koffie`, `glas wijn`, `portie frietjes`: a measure or container noun before what
    /// it holds leaves the reported target, which is what it holds (as SemEval marks Dutch
    /// targets), through ``Candidate/targetFirst`` as for a weak head: the span keeps it, so
    /// an adjective before it is still attributive (`zielige stukjes stokbrood`). So does an
    /// attribute noun before a term (`slechte kwaliteit vlees`, `low quality fish`): the
    /// target is the thing, whose category the candidate already has.
    private mutating func leaveOutMeasureAndAttributeWords() {
        for index in candidates.indices {
            var first = candidates[index].first
            while first < candidates[index].last {
                if units[first].classes.contains(.measure) {
                    first += 1
                } else if let term = units[first].term, terms[term].match.kind == .attribute, terms[term].last < candidates[index].last {
                    first = terms[term].last + 1
                } else {
                    break
                }
            }
            guard first != candidates[index].first else { continue }
            candidates[index].targetFirst = first
            candidates[index].term = termText(first...candidates[index].last)
        }
    }

    /// `selection of wines`, `keuze aan wijnen`: a weak head followed by `of` and a term
    /// becomes one target with the complement's category; in Dutch the reported target is the
    /// complement alone (`wijnen`), as the Dutch SemEval gold marks it, while English gold
    /// mostly keeps the phrase. English: a head with a bare
    /// `of`-complement, one without a determiner, is one noun phrase too (`glass of wine`,
    /// `bottles of water`, `appetizer of olives`): the complement says what the head
    /// measures or holds (`the reviews of the restaurant` stays two); after a measure word
    /// (``WordClass/measure``: `piece of cheesecake`) the reported target is the complement.
    private mutating func mergeComplements() {
        var index = 0
        while index + 1 < candidates.count {
            let head = candidates[index]
            let next = candidates[index + 1]
            let bareOf = isEnglish && !head.isAttribute && next.first == head.last + 2 && units[head.last + 1].form == "of"
            if head.weakHead || bareOf, next.sentence == head.sentence, next.first - head.last >= 2, next.first - head.last <= 3,
                ["of", "van", "aan"].contains(units[head.last + 1].form),
                (head.last + 2..<next.first).allSatisfy({ units[$0].classes.contains(.determiner) })
            {
                // A weak head takes the complement's category; another keeps its own unless it has none.
                let category = head.weakHead || head.category == .other ? next.category : head.category
                var merged = Candidate(
                    first: head.first, last: next.last, sentence: head.sentence, category: category, term: termText(head.first...next.last))
                let measure = isEnglish && (head.first...head.last).allSatisfy { units[$0].classes.contains(.measure) }
                if !isEnglish && head.weakHead || measure {
                    // Dutch SemEval marks what a weak head offers (`ruime keuze aan pizza's`,
                    // `aanbod van kazen`: `pizza's`, `kazen`), English SemEval what a measure
                    // word measures (`piece of cheesecake`); the phrase still carries its opinions.
                    merged.targetFirst = next.targetFirst ?? next.first
                    merged.term = next.term
                }
                candidates[index] = merged
                candidates.remove(at: index + 1)
            }
            index += 1
        }
    }

    private func copulaFollows(_ end: Int) -> Bool {
        var position = end + 1
        var skipped = 0
        while position < units.count, units[position].sentence == units[end].sentence, units[position].isWord, skipped <= 2 {
            if units[position].classes.contains(.copula) { return true }
            guard !units[position].classes.isDisjoint(with: [.adverb, .auxiliary]) else { return false }
            position += 1
            skipped += 1
        }
        return false
    }

    /// Whether a sentiment word comes right before `start`, or before the determiners that
    /// open the phrase at `start` (`loved the pizza`): then a chunk of unknown words there is
    /// a noun phrase. Dutch: right before the chunk the word must be attributive
    /// (``isDutchAttributive(_:)``), not an adverb (`goed bezig`, `lekker eten`).
    private func sentimentPrecedes(_ start: Int) -> Bool {
        var position = start - 1
        while position >= 0, units[position].sentence == units[start].sentence, units[position].isWord {
            if units[position].sentiment != nil { return isEnglish || position < start - 1 || isDutchAttributive(position) }
            guard units[position].classes.contains(.determiner) else { return false }
            position -= 1
        }
        return false
    }

    /// Whether a Dutch sentiment word is used attributively, before a noun: inflected
    /// (`lekkere`, `slechte`), or uninflected after a determiner (`een lekker broodje`,
    /// `een heel goed adres`); adverbs and rule words may stand between. An uninflected word
    /// with no determiner is an adverb or predicate (`goed bezig`, `lekker eten`, `perfect
    /// gebakken`), and the word after it is no noun.
    private func isDutchAttributive(_ position: Int) -> Bool {
        if units[position].form.hasSuffix("e") { return true }
        var before = position - 1
        while before >= 0, units[before].sentence == units[position].sentence, units[before].isWord {
            if units[before].classes.contains(.determiner) { return true }
            guard units[before].sentiment == units[position].sentiment || !units[before].classes.isDisjoint(with: [.adverb, .ruleWord]) else { return false }
            before -= 1
        }
        return false
    }

    /// Replaces the candidates that overlap a byte range by one candidate for it.
    mutating func forceCandidate(_ range: Range<Int>) -> Int? {
        let covered = units.indices.filter { units[$0].range.overlaps(range) }
        guard let first = covered.first, let last = covered.last else { return nil }
        let existing = candidates.first { $0.first <= last && first <= $0.last }
        candidates.removeAll { $0.first <= last && first <= $0.last }
        let forms = (first...last).filter { units[$0].isWord }.map { units[$0].form }
        var category = existing?.category ?? .other
        if existing == nil, let lastForm = forms.last {
            category = lexicons[0].stemmer.withInstance { stem in match(lastForm, stem: stem) }.flatMap { $0.kind == .cue ? nil : $0.category } ?? .other
        }
        let candidate = Candidate(first: first, last: last, sentence: units[first].sentence, category: category, term: forms.joined(separator: " "))
        let position = candidates.firstIndex { $0.first > first } ?? candidates.count
        candidates.insert(candidate, at: position)
        return position
    }

    /// The normalized forms of the words in `span`, joined by spaces: a candidate's term.
    func termText(_ span: ClosedRange<Int>) -> String {
        span.filter { units[$0].isWord }.map { units[$0].form }.joined(separator: " ")
    }

    /// The target of a candidate, as it appears in the text.
    func target(_ candidate: Candidate) -> OpinionTarget {
        let range = units[candidate.targetFirst ?? candidate.first].range.lowerBound..<targetEnd(candidate.last)
        return OpinionTarget(text: text.text(in: range), range: range, term: candidate.term, category: candidate.category)
    }
}
