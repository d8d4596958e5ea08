import OpineText

/// A unit of a text after lexicon matching: one word or several (a phrase), an emoji,
/// or punctuation, with what the lexicon says about it.
struct Slot {
    enum Role {
        /// Carries sentiment.
        case sentiment(valence: Double, entry: String, match: MatchKind)
        /// A rule word.
        case modifier(Modifier)
        /// Punctuation that ends a clause (`,` `;` `:` `.` `!` `?` dashes).
        case clauseBreak(String)
        /// A word or symbol without sentiment.
        case neutral
    }

    var role: Role
    var form: String
    var range: Range<Int>
    var sentence: Int
    var flags: TokenFlags
    var isWord: Bool
    /// The word's own valence when it is a negator that is also a sentiment entry (`no`):
    /// the scorer reads it as a rule word when it reverses a term and as this term otherwise.
    var ownValence: Double? = nil
    /// Whether it is the comparative of a sentiment adjective (`friendlier`, `vriendelijker`).
    var isComparative = false

    /// Whether it is punctuation that ends a clause.
    var isClauseBreak: Bool {
        if case .clauseBreak = role { true } else { false }
    }
}

/// Turns tokens into slots: phrases first, then single words through the exact form,
/// elongation readings, Dutch verb forms, the stem and Dutch compounds.
struct Matcher {
    let lexicon: Lexicon
    let parameters: ScoringParameters

    /// Dutch prefixes that intensify the rest of the word (`superslecht`, `keigoed`).
    static let dutchIntensifyingPrefixes = ["super", "mega", "hyper", "ultra", "kei", "reuze", "bere", "oer", "extra", "hartstikke"]

    /// Valenced words that colour any compound they start (`kutservice`, `topkwaliteit`).
    static let dutchValencedFirstParts = ["kut", "klote", "kanker", "tering", "tyfus", "rot", "prut", "bagger", "top", "luxe", "droom", "wereld"]

    /// Curses that, as the first part of an adjective, only say how much (`kankerlekker`,
    /// `teringdruk`: very tasty, very busy), as `super` does.
    static let dutchCursePrefixes = ["kanker", "tering", "tyfus"]

    /// Last parts that make a `kanker-` compound the disease, a medical topic with no
    /// verdict (`kankerpatiënten`, `kankeronderzoek`), not the curse (`kankerbedrijf`).
    static let dutchMedicalHeads = [
        "patiënt", "patient", "onderzoek", "behandel", "zorg", "bestrijding", "cel", "fonds", "centrum", "screening",
        "diagnose", "afdeling", "specialist", "arts", "preventie", "registratie", "soort", "risico", "medicij", "therap",
    ]

    /// Endings that mark a Dutch adjective, whose compounds keep its sentiment.
    static let dutchAdjectiveEndings = ["lijk", "ig", "baar", "loos", "vol", "zaam"]

    func slots(for text: TokenizedText) -> [Slot] {
        let units = Self.units(of: text, lexicon: lexicon)
        var slots: [Slot] = []
        slots.reserveCapacity(units.count)
        lexicon.stemmer.withInstance { stem in
            var index = 0
            while index < units.count {
                let unit = units[index]
                // Phrases start at a word or a number (`5 stars`, `10 out of 10`).
                if unit.isWord || unit.kind == .number, parameters.steps.contains(.phrases),
                    let (phrase, length) = longestPhrase(at: index, in: units)
                {
                    let role: Slot.Role =
                        if let valence = phrase.valence {
                            // A phrase at 0 neutralizes its words (`kind regards`, `good morning`).
                            valence == 0 ? .neutral : .sentiment(valence: valence, entry: phrase.term, match: .phrase)
                        } else { .modifier(phrase.modifier!) }
                    slots.append(
                        Slot(
                            role: role, form: phrase.words.joined(separator: " "),
                            range: unit.range.lowerBound..<units[index + length - 1].range.upperBound,
                            sentence: unit.sentence, flags: unit.flags, isWord: true))
                    index += length
                    continue
                }
                var role = role(of: unit, stem: stem)
                var ownValence: Double?
                if case .modifier(let modifier) = role, let valence = unit.info?.valence {
                    switch modifier.role {
                    case .negator:
                        // `no` reaches over several words: the scorer reads it by its scope.
                        ownValence = valence
                    case .intensifier, .downtoner:
                        // `super`, `best`, `pretty`: a booster before a sentiment word, a word of its own otherwise.
                        if !modifiesNext(index, in: units) { role = .sentiment(valence: valence, entry: unit.form, match: .exact) }
                    default:
                        // `wish`, `hoped`: a rule word before a known word (see ``precedesKnownWord(_:in:)``).
                        // `I wish they would ...`: a complaint, no praise (see ``wishesForChange(_:in:)``).
                        if !precedesKnownWord(index, in: units) {
                            role = wishesForChange(index, in: units) ? .neutral : .sentiment(valence: valence, entry: unit.form, match: .exact)
                        }
                    }
                }
                if lexicon.language == .english, unit.form == "like", !Self.isVerbLike(at: index, in: units) {
                    role = .neutral
                }
                slots.append(
                    Slot(
                        role: role, form: unit.form, range: unit.range, sentence: unit.sentence, flags: unit.flags, isWord: unit.isWord,
                        ownValence: ownValence, isComparative: isComparative(role, form: unit.form)))
                index += 1
            }
        }
        return slots
    }

    /// Whether the intensifier or downtoner at `index` modifies the unit after it: a
    /// sentiment or rule word, or the start of a phrase that matches there. A word that
    /// merely begins some phrase elsewhere does not count: in `redelijk van prijs`, `van`
    /// starts `van harte aanbevolen`, which is not there, so `redelijk` keeps its own valence.
    private func modifiesNext(_ index: Int, in units: [Unit]) -> Bool {
        guard index + 1 < units.count, units[index + 1].isWord, let info = units[index + 1].info else { return false }
        if info.valence != nil || info.modifier != nil { return true }
        return parameters.steps.contains(.phrases) && longestPhrase(at: index + 1, in: units) != nil
    }

    /// Whether any word the lexicon knows follows `index`. An irrealis word that is also a
    /// sentiment entry (`wish` +1.7, `hoped` +1.6) is read as a rule word there and as a
    /// term otherwise. The test is crude (`the` counts, as the start of `the bomb`), but
    /// reading these words by their scope instead, as negators are, measured worse on the
    /// development sets: what a wish covers is mostly not unreal (`wish me luck`, `wish I
    /// could give negative stars`).
    private func precedesKnownWord(_ index: Int, in units: [Unit]) -> Bool {
        index + 1 < units.count && units[index + 1].isWord && units[index + 1].info != nil
    }

    /// Whether the `wish` at `index` opens a clause with `would` about someone else's
    /// conduct (`I wish they would change it back`, `wish canon would work out a fix`,
    /// `wish the staff wouldn't ...`). In English grammar `wish` + subject + `would` is the
    /// form of a complaint, a wish for a change the writer wants and does not get (it never
    /// takes the writer as subject: `*I wish I would`). Such a `wish` is no praise: where no
    /// known word follows it, it is neutral instead of a term (what the clause wishes for
    /// keeps its own score: `I wish Al Pacino would make one more awesome film`). A wish of
    /// regret about the writer's own lot (`wish I could be there`, `wish I was there`)
    /// stays a term: in the tweets it is mostly fond.
    private func wishesForChange(_ index: Int, in units: [Unit]) -> Bool {
        guard lexicon.language == .english, units[index].form == "wish" else { return false }
        // The subject: one to three words of the same sentence, no punctuation.
        var position = index + 1
        while position < units.count, position <= index + 4, units[position].isWord, units[position].sentence == units[index].sentence {
            if position > index + 1, Self.wouldForms.contains(units[position].form) { return true }
            position += 1
        }
        return false
    }

    /// The forms of `would` that close the subject of a wish for a change.
    private static let wouldForms: FormSet = ["would", "wouldn't", "wouldnt"]

    private func longestPhrase(at index: Int, in units: [Unit]) -> (Phrase, Int)? {
        guard let phrases = units[index].info?.phrases, !phrases.isEmpty else { return nil }
        // The phrases are read in place: only the one that matches is copied out.
        for candidate in phrases.indices where index + phrases[candidate].words.count <= units.count {
            let length = phrases[candidate].words.count
            var matches = true
            for offset in 1..<length where units[index + offset].form != phrases[candidate].words[offset] {
                matches = false
                break
            }
            if matches { return (phrases[candidate], length) }
        }
        return nil
    }

    private func role(of unit: Unit, stem: (String) -> String) -> Slot.Role {
        switch unit.kind {
        case .emoji:
            if let valence = unit.info?.valence { return .sentiment(valence: valence, entry: unit.form, match: .emoji) }
            return .neutral
        case .emoticon:
            if let valence = unit.info?.valence { return .sentiment(valence: valence, entry: unit.form, match: .emoticon) }
            return .neutral
        case .punctuation:
            return Self.isClauseBreak(unit.form) ? .clauseBreak(unit.form) : .neutral
        case .word, .hashtag:
            return wordRole(unit, stem: stem)
        default:
            return .neutral
        }
    }

    private func wordRole(_ unit: Unit, stem: (String) -> String) -> Slot.Role {
        let form = unit.form
        let exactMatch: MatchKind = unit.kind == .hashtag ? .hashtag : .exact
        let info = unit.info
        if let modifier = info?.modifier { return .modifier(modifier) }
        if let valence = info?.valence {
            // An entry at 0 neutralizes the word (and keeps stems and compounds off it).
            return valence == 0 ? .neutral : .sentiment(valence: valence, entry: form, match: exactMatch)
        }
        if lexicon.language == .english, form.hasLetterSuffix("n't") {
            return .modifier(Modifier(role: .negator, value: 1, term: form))
        }
        if let written = unit.written, parameters.steps.contains(.elongation) {
            for variant in TextNormalizer.elongationVariants(of: written) {
                if let valence = lexicon.valence(of: variant) { return .sentiment(valence: valence, entry: variant, match: .elongation) }
                if let modifier = lexicon.modifier(variant) { return .modifier(modifier) }
            }
        }
        guard form.hasScalars(atLeast: 3) else { return .neutral }
        let stems = lexicon.language == .dutch ? parameters.steps.contains(.stems) : parameters.steps.contains(.englishStems)
        if lexicon.language == .dutch, stems, let (valence, entry) = lexicon.verbFormMatch(form) {
            return .sentiment(valence: valence, entry: entry, match: unit.kind == .hashtag ? .hashtag : .stem)
        }
        if stems, let (valence, entry) = lexicon.stemMatch(form, stem: stem) {
            return .sentiment(valence: valence, entry: entry, match: unit.kind == .hashtag ? .hashtag : .stem)
        }
        if lexicon.language == .dutch, parameters.steps.contains(.stems), let (valence, entry) = dutchDegree(form) {
            return .sentiment(valence: valence, entry: entry, match: .stem)
        }
        if lexicon.language == .dutch, parameters.steps.contains(.stems), let (valence, entry) = dutchDiminutive(form) {
            return .sentiment(valence: valence, entry: entry, match: .stem)
        }
        if lexicon.language == .dutch, parameters.steps.contains(.compounds), let (valence, entry) = dutchCompound(form) {
            return .sentiment(valence: valence, entry: entry, match: .compound)
        }
        return .neutral
    }

    /// Whether a word scored `role` is the comparative of a sentiment adjective: in Dutch
    /// one matched through its adjective (`lekkerder`, `mooiere`), in English one whose
    /// adjective the lexicon lists with the same sign (`friendlier`, `nicer`, `cleaner`,
    /// `bigger`), and `better` and `worse`.
    private func isComparative(_ role: Slot.Role, form: String) -> Bool {
        guard form.lastByte == UInt8(ascii: "r") || form.lastByte == UInt8(ascii: "e"),
            case .sentiment(let valence, let entry, let match) = role
        else { return false }
        if lexicon.language == .dutch {
            // `lekkere` is lekker's attributive form, no comparative.
            return match == .stem && entry != form && form != entry + "e" && (form.hasLetterSuffix("er") || form.hasLetterSuffix("ere"))
        }
        guard match == .exact else { return false }
        if form == "better" || form == "worse" { return true }
        guard form.hasLetterSuffix("er") else { return false }
        var bases = [String(form.dropLast()), String(form.dropLast(2))]
        if form.hasLetterSuffix("ier") { bases.append(String(form.dropLast(3)) + "y") }
        let stem = Array(form.unicodeScalars.dropLast(2))
        if stem.count >= 3, stem[stem.count - 1] == stem[stem.count - 2] { bases.append(String(form.dropLast(3))) }
        return bases.contains { base in lexicon.valence(of: base).map { ($0 > 0) == (valence > 0) && $0 != 0 } ?? false }
    }

    /// A Dutch comparative or superlative of a known adjective, which Snowball does not
    /// reduce to it: `lekkerste`, `lekkerder`, `mooiste`, `slechtste`.
    private func dutchDegree(_ form: String) -> (Double, String)? {
        // Every ending ends in `e` or `r` (a byte test that rules out most words).
        guard let last = form.lastByte, last == UInt8(ascii: "e") || last == UInt8(ascii: "r") else { return nil }
        for ending in ["ste", "dere", "der", "ere"] where form.hasLetterSuffix(ending) && form.count >= ending.count + 4 {
            let base = String(form.dropLast(ending.count))
            if let valence = lexicon.valence(of: base) { return (valence, base) }
        }
        return nil
    }

    /// How much a Dutch diminutive keeps of a negative noun: the diminutive minimizes a
    /// problem (`foutje`, `probleempje`, `minpuntje` are small ones), while on a positive
    /// noun it is endearing and keeps the value (`feestje`, `complimentje`).
    static let dutchDiminutiveSoftening = 0.6

    /// A Dutch diminutive, singular or plural, of a known noun, which Snowball does not
    /// reduce to it: `probleempje`, `tegenvallertje`, `aanradertje`, `feestjes`.
    private func dutchDiminutive(_ form: String) -> (Double, String)? {
        // Every ending ends in `e`, or in `s` for the plural.
        guard let last = form.lastByte, last == UInt8(ascii: "e") || last == UInt8(ascii: "s") else { return nil }
        var singular = form
        if singular.hasLetterSuffix("jes") { singular.removeLast() }
        for ending in ["etje", "tje", "pje", "kje", "je"] where singular.hasLetterSuffix(ending) && singular.count >= ending.count + 3 {
            let base = String(singular.dropLast(ending.count))
            // An adjective (one with an attributive `-e` form: `lage`, `frisse`) makes a
            // noun of another sense (`laagje`, a layer) or an adverb (`frisjes`, chilly).
            if isDutchAdjective(base) { continue }
            if let valence = lexicon.valence(of: base), valence != 0 {
                return (valence < 0 ? valence * Self.dutchDiminutiveSoftening : valence, base)
            }
        }
        return nil
    }

    /// Whether the lexicon lists an attributive `-e` form of `base` (`fris` has `frisse`,
    /// `laag` has `lage`), which marks it as an adjective.
    private func isDutchAdjective(_ base: String) -> Bool {
        if lexicon.valence(of: base + "e") != nil { return true }
        let scalars = Array(base.unicodeScalars)
        guard scalars.count >= 3, let last = scalars.last else { return false }
        var doubled = base
        doubled.unicodeScalars.append(last)
        if lexicon.valence(of: doubled + "e") != nil { return true }
        let (a, b) = (scalars[scalars.count - 3], scalars[scalars.count - 2])
        if a == b, "aeou".unicodeScalars.contains(a) {
            var single = ""
            single.unicodeScalars.append(contentsOf: scalars[..<(scalars.count - 2)])
            single.unicodeScalars.append(last)
            return lexicon.valence(of: single + "e") != nil
        }
        return false
    }

    /// A Dutch compound whose parts are known: an intensifying prefix (`superslecht`),
    /// a known last part (`klantonvriendelijk` ends in `onvriendelijk`), or a strongly
    /// valenced first part before a neutral one (`kutservice`, `topkwaliteit`).
    private func dutchCompound(_ form: String) -> (Double, String)? {
        guard form.hasScalars(atLeast: 7) else { return nil }
        let scalars = Array(form.unicodeScalars)
        /// An entry for a part, as is or without a Dutch inflection (`-e`, `-en`, `-er`, `-ste`).
        func known(_ part: String) -> (Double, String)? {
            if let valence = lexicon.valence(of: part) { return (valence, part) }
            for ending in ["e", "en", "er", "ste"] where part.hasLetterSuffix(ending) {
                let base = String(part.dropLast(ending.count))
                if let valence = lexicon.valence(of: base) { return (valence, base) }
            }
            return nil
        }
        for prefix in Self.dutchIntensifyingPrefixes where form.hasLetterPrefix(prefix) && form.count >= prefix.count + 3 {
            let rest = String(form.dropFirst(prefix.count))
            if let (valence, entry) = known(rest) { return (valence * (1 + parameters.prefixBoost), "\(prefix)+\(entry)") }
        }
        // The longest known last part that is an adjective by its ending (`-lijk`, `-ig`,
        // `-baar`, `-loos`, `-vol`, `-zaam`), after a first part of four letters or more:
        // `klantonvriendelijk`, `gebruiksvriendelijk`. Nouns as last parts are left alone,
        // since without a dictionary `ontvangst` would read as `ontv` + `angst`.
        let adjective = Self.dutchAdjectiveEndings.contains { form.hasLetterSuffix($0) }
        for split in stride(from: 4, through: scalars.count - 4, by: 1) where adjective {
            var tail = ""
            tail.unicodeScalars.append(contentsOf: scalars[split...])
            if let (valence, entry) = known(tail) {
                var head = ""
                head.unicodeScalars.append(contentsOf: scalars[..<split])
                return (valence, "\(head)+\(entry)")
            }
        }
        for prefix in Self.dutchCursePrefixes where form.hasLetterPrefix(prefix) && form.count >= prefix.count + 3 {
            let rest = String(form.dropFirst(prefix.count))
            if let valence = lexicon.valence(of: rest), valence != 0, isDutchAdjective(rest) {
                return (valence * (1 + parameters.prefixBoost), "\(prefix)+\(rest)")
            }
        }
        for head in Self.dutchValencedFirstParts where form.hasLetterPrefix(head) && form.count >= head.count + 4 {
            if head == "kanker", Self.dutchMedicalHeads.contains(where: { form.dropFirst(head.count).hasPrefix($0) }) { return nil }
            if let valence = lexicon.valence(of: head) {
                return (valence, "\(head)+\(form.dropFirst(head.count))")
            }
        }
        return nil
    }

    /// Words after which English `like` is the verb (`I like`, `really like`, `would like`);
    /// elsewhere it is mostly the preposition (`looked like`, `more like 45 minutes`).
    private static let beforeVerbLike: FormSet = [
        "i", "we", "you", "they", "he", "she", "really", "also", "still", "definitely", "totally", "truly", "just",
        "genuinely", "'d", "would", "do", "did", "don't", "didn't", "not", "to", "and", "kids", "people", "everyone",
    ]

    /// Subjects that make `like` the verb even with an adverb between (`I generally like`).
    private static let subjects: FormSet = ["i", "we", "you", "they", "he", "she", "everyone", "people"]

    private static func isVerbLike(at index: Int, in units: [Unit]) -> Bool {
        guard index > 0 else { return true }
        if beforeVerbLike.contains(units[index - 1].form) { return true }
        return index > 1 && subjects.contains(units[index - 2].form)
    }

    /// Whether punctuation ends a clause: `,` `;` `:` `.` `!` `?` `…` brackets and dashes,
    /// among them a hyphen standing alone as a dash (`great - but`, `no -- gorgeous`;
    /// hyphens inside words are part of the word).
    static func isClauseBreak(_ form: String) -> Bool {
        guard let first = form.unicodeScalars.first else { return false }
        switch first {
        case "-": return form.unicodeScalars.allSatisfy { $0 == "-" }
        case ",", ";", ":", ".", "!", "?", "…", "–", "—", "‼", "⁉", "(", ")": return true
        default: return false
        }
    }

    // MARK: Units

    /// A token, or one word of a hashtag, ready for matching.
    struct Unit {
        var kind: TokenKind
        var form: String
        /// How an elongated word was written (`sooooo`), for its elongation readings; nil
        /// for any other unit, which needs no copy of it.
        var written: String?
        var range: Range<Int>
        var sentence: Int
        var flags: TokenFlags
        /// What the lexicon knows about the form, looked up once.
        var info: Lexicon.WordInfo?
        var isWord: Bool { kind == .word || kind == .hashtag }
    }

    /// The units of a text: tokens, with hashtags opened into their words (a one-word
    /// hashtag that is unknown is split into a known rule word and a known term when it
    /// can be: `#nietleuk` gives `niet`, `leuk`).
    static func units(of text: TokenizedText, lexicon: Lexicon) -> [Unit] {
        var units: [Unit] = []
        units.reserveCapacity(text.tokens.count)
        // Tokens are read in place; only the rare hashtags and hyphenated words copy theirs.
        let tokens = text.tokens
        for position in tokens.indices {
            switch tokens[position].kind {
            case .hashtag:
                let token = tokens[position]
                var parts = token.parts
                if parts.count == 1, lexicon.valence(of: parts[0]) == nil, let split = splitHashtag(parts[0], lexicon: lexicon) {
                    parts = split
                }
                for part in parts {
                    units.append(Unit(kind: .hashtag, form: part, written: nil, range: token.range, sentence: token.sentence, flags: [], info: lexicon.info(part)))
                }
            case .url, .email, .mention:
                continue
            case .word
            where tokens[position].flags.contains(.hyphenated) && tokens[position].parts.count > 1 && lexicon.info(tokens[position].form) == nil:
                let token = tokens[position]
                // An unknown hyphenated word. English is read part by part: `food-awesome`,
                // `excellent-the` (a dash without spaces). Dutch hyphenates compounds
                // (`corona-maatregelen`), whose parts mislead (measured on the Dutch sets),
                // so only a list of known words is read part by part (`Tof-Gezellig-Lekker`);
                // anything else is one word without its hyphens, so that the exact form,
                // stems and compounds apply as to any compound: `SU-PER` is `super`,
                // `klant-onvriendelijke` is `klantonvriendelijke`, `corona-maatregelen`
                // stays neutral.
                let parts = token.parts
                if lexicon.language == .english || parts.allSatisfy({ part in lexicon.info(part).map { $0.valence != nil || $0.modifier != nil } ?? false }) {
                    for part in parts {
                        units.append(Unit(kind: .word, form: part, written: nil, range: token.range, sentence: token.sentence, flags: [], info: lexicon.info(part)))
                    }
                } else {
                    let joined = parts.joined()
                    let written = token.flags.contains(.elongated) ? joined : nil
                    units.append(Unit(kind: .word, form: joined, written: written, range: token.range, sentence: token.sentence, flags: token.flags, info: lexicon.info(joined)))
                }
            default:
                let kind = tokens[position].kind
                let flags = tokens[position].flags
                let range = tokens[position].range
                var form = tokens[position].form
                let written = flags.contains(.elongated) ? text.text(in: range) : nil
                var info = lexicon.info(form)
                if info == nil, lexicon.language == .dutch, kind == .word, let plain = withoutEmphasisAccents(form) {
                    form = plain
                    info = lexicon.info(form)
                }
                units.append(Unit(kind: kind, form: form, written: written, range: range, sentence: tokens[position].sentence, flags: flags, info: info))
            }
        }
        return units
    }

    private static let emphasisAccents: [Unicode.Scalar: Unicode.Scalar] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u"]

    /// Dutch marks stress with acute accents (`géén`, `écht`, `véél`): the word without
    /// them, or nil when it has none.
    static func withoutEmphasisAccents(_ form: String) -> String? {
        guard form.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        let accented = emphasisAccents
        guard form.unicodeScalars.contains(where: { accented[$0] != nil }) else { return nil }
        var plain = ""
        plain.unicodeScalars.append(contentsOf: form.unicodeScalars.map { accented[$0] ?? $0 })
        return plain
    }

    private static func splitHashtag(_ body: String, lexicon: Lexicon) -> [String]? {
        let characters = Array(body.indices)
        guard characters.count >= 5 else { return nil }
        for split in 2...(characters.count - 2) {
            let (head, tail) = (body[..<characters[split]], body[characters[split]...])
            let headKnown = lexicon.info(head).map { $0.modifier != nil || $0.valence != nil } ?? false
            if headKnown && lexicon.info(tail)?.valence != nil { return [String(head), String(tail)] }
        }
        return nil
    }
}
