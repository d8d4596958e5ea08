public import Foundation
import OpineSentiment
public import OpineText

/// What a listed term does (`Lexicons/aspects/{en,nl}/terms.tsv`, third column).
public enum AspectTermKind: String, Sendable, Hashable, Codable {
    /// An aspect term: names what an opinion is about (`bezorging`, `waiter`).
    case term
    /// An aspect term that, as the head of a compound or noun phrase, yields to the
    /// category of the part before it: `bezorgtijd` is DELIVERY through `bezorg`, not the
    /// category of `tijd`; `klantenservicemedewerker` is SUPPORT.
    case weak
    /// An opinion word that implies a category when the opinion has no explicit target
    /// (`overpriced`, `prijzig` → PRICE; `rude` → SERVICE).
    case cue
    /// A noun that names an attribute, not a thing (`price`, `quality`, `taste`,
    /// `experience`, `prijs`, `kwaliteit`): it gives an opinion its category, but the
    /// opinion has no explicit target (`the prices are high` is a PRICE opinion about the
    /// price of the place as a whole, SemEval's target NULL).
    case attribute
}

/// How a word functions, for finding targets and clause boundaries without a parser
/// (`Lexicons/aspects/{en,nl}/grammar.tsv`).
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// A determiner, possessives included: `the`, `a`, `my`, `de`, `het`.
    public static let determiner = WordClass(rawValue: 1 << 0)
    /// A pronoun: `it`, `they`, `ik`, `je`.
    public static let pronoun = WordClass(rawValue: 1 << 1)
    /// A preposition: `of`, `with`, `van`, `met`.
    public static let preposition = WordClass(rawValue: 1 << 2)
    /// A coordinator: `and`, `or`, `en`, `of`.
    public static let conjunction = WordClass(rawValue: 1 << 3)
    /// A subordinator, which starts a clause: `because`, `omdat`, `which`.
    public static let subordinator = WordClass(rawValue: 1 << 4)
    /// An auxiliary verb: `has`, `will`, `can`, `heeft`, `zal`.
    public static let auxiliary = WordClass(rawValue: 1 << 5)
    /// Links a subject to its predicate: `is`, `was`, `tastes`, `smaakt`.
    public static let copula = WordClass(rawValue: 1 << 6)
    /// Takes an object and its predicate: `found the food bland`, `vond het eten lekker`.
    public static let consider = WordClass(rawValue: 1 << 7)
    /// An adverb, never part of a target: `very`, `really`, `erg`, `echt`.
    public static let adverb = WordClass(rawValue: 1 << 8)
    /// A frequent verb, never part of a target.
    public static let verb = WordClass(rawValue: 1 << 9)
    /// A contrast word: a clause boundary (`but`, `maar`, `although`).
    public static let contrast = WordClass(rawValue: 1 << 10)
    /// A negator, intensifier or other rule word of the sentiment lexicon.
    public static let ruleWord = WordClass(rawValue: 1 << 11)
    /// A negator of the sentiment lexicon (`not`, `niet`, `geen`).
    public static let negator = WordClass(rawValue: 1 << 12)
    /// `too`, `te`: before an adjective, a complaint (`too sweet`, `te duur`).
    public static let excess = WordClass(rawValue: 1 << 13)
    /// Lukewarm acceptance (`ok`, `okay`, `alright`, `in orde`): positive in the sentiment
    /// lexicon, but said of an aspect it grades it as merely acceptable, neither praise nor
    /// complaint, so it gives no polarity to an opinion (a negated one, `not ok`, keeps its
    /// negative score).
    public static let lukewarm = WordClass(rawValue: 1 << 14)
    /// A Dutch measure or container noun before what it holds, without `van` (`kop
    /// koffie`, `glas wijn`, `portie frietjes`), or an English measure noun before `of`
    /// (`piece of cheesecake`): the target is what it holds.
    public static let measure = WordClass(rawValue: 1 << 15)
    /// A third-person pronoun that can stand for a target as the subject of a predicate
    /// (`it`, `they`, `she`, `that`; `het`, `ze`, `hij`, `die`, `dat`): in `the bagels are
    /// fine, but they are overcooked` the predicate after `they` is about `bagels`.
    public static let anaphor = WordClass(rawValue: 1 << 16)

    static let names: [String: WordClass] = [
        "det": .determiner, "pron": .pronoun, "prep": .preposition, "conj": .conjunction, "sub": .subordinator,
        "aux": .auxiliary, "copula": .copula, "consider": .consider, "adv": .adverb, "verb": .verb, "contrast": .contrast, "excess": .excess,
        "lukewarm": .lukewarm, "measure": .measure, "anaphor": .anaphor,
    ]

    /// Closed-class words: never part of a target.
    static let functionWords: WordClass = [
        .determiner, .pronoun, .preposition, .conjunction, .subordinator, .auxiliary, .copula, .consider, .adverb, .verb, .contrast,
        .ruleWord,
    ]
}

/// One line of a term list.
public struct AspectTermEntry: Sendable, Hashable {
    /// The term, lower case; a phrase has its words separated by single spaces.
    public var term: String
    /// The category it gives a target or opinion.
    public var category: AspectCategory
    /// How the term is used: a target term, a weak head, a cue or an attribute.
    public var kind: AspectTermKind

    /// An entry; `kind` defaults to a plain term.
    public init(term: String, category: AspectCategory, kind: AspectTermKind = .term) {
        self.term = term
        self.category = category
        self.kind = kind
    }
}

/// A term list and a grammar list as read from files.
public struct AspectTermFile: Sendable {
    /// The file it was read from.
    public var path: String
    /// The entries in file order.
    public var entries: [AspectTermEntry] = []

    /// Reads a term file: `term<TAB>category[<TAB>kind[<TAB>note]]`, kind `term` (default),
    /// `weak`, `cue` or `attribute`; `#` comments.
    public init(contentsOf url: URL, taxonomy: AspectTaxonomy) throws(AspectDataError) {
        try self.init(file: DataFile(url: url), taxonomy: taxonomy)
    }

    /// Parses term-file text.
    public init(parsing data: Data, path: String, taxonomy: AspectTaxonomy) throws(AspectDataError) {
        try self.init(file: DataFile(parsing: data, path: path), taxonomy: taxonomy)
    }

    private init(file: DataFile, taxonomy: AspectTaxonomy) throws(AspectDataError) {
        path = file.path
        for line in file.lines {
            guard line.fields.count >= 2, !line.fields[0].isEmpty else {
                throw .malformed(path: path, line: line.number, reason: "expected term<TAB>category[<TAB>kind[<TAB>note]]")
            }
            let category = AspectCategory(line.fields[1])
            guard taxonomy.contains(category) else {
                throw .malformed(path: path, line: line.number, reason: "unknown category '\(category)'; add it to categories.tsv first")
            }
            let kindField = line.fields.count > 2 && !line.fields[2].isEmpty ? line.fields[2] : "term"
            guard let kind = AspectTermKind(rawValue: kindField) else {
                throw .malformed(path: path, line: line.number, reason: "kind '\(kindField)' is not term, weak, cue or attribute")
            }
            entries.append(AspectTermEntry(term: line.fields[0], category: category, kind: kind))
        }
    }
}

/// The aspect terms and word classes of one language, ready for matching: phrases,
/// normalized forms, Snowball stems and (for Dutch) compounds split into a known head and
/// a known first part.
///
/// ```swift
/// let dutch = extractor.lexicons[.dutch]
/// dutch.match("bezorgtijd")?.category                  // DELIVERY (head `tijd` is weak, `bezorg` is DELIVERY)
/// dutch.match("klantenservicemedewerker")?.category    // SUPPORT
/// ```
public struct AspectLexicon: Sendable {
    /// How a form was found in the term list.
    public enum MatchKind: String, Sendable, Hashable, Codable {
        /// The form itself is listed.
        case exact
        /// A listed phrase of several words.
        case phrase
        /// The form's Snowball stem is a listed term's stem.
        case stem
        /// A compound (Dutch) whose head, or for a weak head whose first part, is listed.
        case compound
    }

    /// A term found for a form or phrase.
    public struct Match: Sendable, Hashable {
        /// The category found (for a compound with a weak head, its first part's).
        public var category: AspectCategory
        /// The kind of the listed term (always `.term` for a compound).
        public var kind: AspectTermKind
        /// The listed term it came from (the head's term for a compound).
        public var entry: String
        /// How the form was found.
        public var how: MatchKind
    }

    /// The language of the term and grammar lists.
    public let language: Language
    /// The lookup tables, immutable once built and shared by reference: copying a lexicon
    /// (extraction holds it in per-text arrays and loops) costs one retain, not one per table.
    private let tables: Tables

    private final class Tables: Sendable {
        let forms: [String: AspectTermEntry]
        let stems: [String: AspectTermEntry]
        /// Phrases by first word, longest first.
        let phrases: [String: [(words: [String], entry: AspectTermEntry)]]
        let classes: [String: WordClass]
        /// Context-dependent opinion words: their valence for some categories (nil: any).
        let contextWords: [String: [ContextValence]]

        init(
            forms: [String: AspectTermEntry], stems: [String: AspectTermEntry], phrases: [String: [(words: [String], entry: AspectTermEntry)]],
            classes: [String: WordClass], contextWords: [String: [ContextValence]]
        ) {
            self.forms = forms
            self.stems = stems
            self.phrases = phrases
            self.classes = classes
            self.contextWords = contextWords
        }
    }

    private var forms: [String: AspectTermEntry] { tables.forms }
    private var stems: [String: AspectTermEntry] { tables.stems }
    private var phrases: [String: [(words: [String], entry: AspectTermEntry)]] { tables.phrases }
    private var classes: [String: WordClass] { tables.classes }
    private var contextWords: [String: [ContextValence]] { tables.contextWords }
    let stemmer: Stemmer
    /// Whether closed compounds are split (Dutch).
    let splitsCompounds: Bool

    /// Creates a lexicon from term files (later entries override earlier ones), grammar
    /// entries and rule words.
    public init(
        language: Language, termFiles: [AspectTermFile], wordClasses: [(word: String, class: WordClass)] = [],
        ruleWords: [String] = [], contextWords: [ContextValence] = []
    ) throws(AspectDataError) {
        self.language = language
        do {
            stemmer = try Stemmer(algorithm: language == .dutch ? "dutch" : "english")
        } catch {
            throw .unreadable(path: "libstemmer", reason: error.description)
        }
        splitsCompounds = language == .dutch
        var forms: [String: AspectTermEntry] = [:]
        var stems: [String: AspectTermEntry] = [:]
        var phrases: [String: [(words: [String], entry: AspectTermEntry)]] = [:]
        var classes: [String: WordClass] = [:]
        var contextTable: [String: [ContextValence]] = [:]
        for (word, wordClass) in wordClasses { classes[word, default: []].formUnion(wordClass) }
        for word in ruleWords where !word.contains(" ") { classes[word, default: []].insert(.ruleWord) }
        for context in contextWords { contextTable[context.word, default: []].append(context) }
        for file in termFiles {
            for entry in file.entries {
                let words = entry.term.split(separator: " ").map { TextNormalizer.wordForm(String($0)).form }
                if words.count == 1 {
                    forms[words[0]] = entry
                } else if words.count > 1 {
                    var list = phrases[words[0], default: []]
                    list.removeAll { $0.words == words }
                    list.append((words, entry))
                    list.sort { $0.words.count > $1.words.count }
                    phrases[words[0]] = list
                }
            }
        }
        stemmer.withInstance { stem in
            // Shortest form first, so that a stem shared by several forms keeps the base form's entry.
            for (form, entry) in forms.sorted(by: { ($0.key.count, $0.key) < ($1.key.count, $1.key) }) {
                let stemmed = stem(form)
                if stems[stemmed] == nil { stems[stemmed] = entry }
            }
        }
        tables = Tables(forms: forms, stems: stems, phrases: phrases, classes: classes, contextWords: contextTable)
    }

    /// The context-dependent valences of a normalized form (`cold` for FOOD).
    public func contextValences(of form: String) -> [ContextValence] { contextWords[form] ?? [] }

    /// The word classes of a normalized form.
    public func wordClass(of form: String) -> WordClass { classes[form] ?? [] }

    /// The phrases starting with a form, longest first.
    func phrases(startingWith form: String) -> [(words: [String], entry: AspectTermEntry)] { phrases[form] ?? [] }

    /// The term for a normalized single form: exact, by Snowball stem, or (Dutch) as a
    /// compound of a known head and a known first part.
    public func match(_ form: String) -> Match? {
        stemmer.withInstance { stem in match(form, stem: stem) }
    }

    func match(_ form: String, stem: (String) -> String) -> Match? {
        if let entry = forms[form] { return Match(category: entry.category, kind: entry.kind, entry: entry.term, how: .exact) }
        if form.unicodeScalars.count >= 4, classes[form] == nil, let entry = stems[stem(form)],
            !(splitsCompounds && entry.term.hasSuffix("ing") && !form.contains("ing"))
        {
            // Not for function words and frequent verbs, and (Dutch) not from a noun in -ing
            // to the verb it shares a stem with: `betalen` is not `betaling`.
            return Match(category: entry.category, kind: entry.kind, entry: entry.term, how: .stem)
        }
        // Nor is a function word or frequent verb a compound (`gegeten` is not `geg` + `eten`).
        if splitsCompounds, classes[form] == nil, let compound = compoundMatch(form, stem: stem, depth: 0) {
            return compound
        }
        return nil
    }

    /// A compound: the longest known head (a term, at least three letters) after a first
    /// part of at least three letters. A weak head yields to the first part's category when
    /// the first part is known (after dropping a linking `s`, `en` or `e`); a generic one
    /// (weak GENERAL: `avond`, `ding`) after an unknown first part is no head.
    private func compoundMatch(_ form: String, stem: (String) -> String, depth: Int) -> Match? {
        let scalars = Array(form.unicodeScalars)
        guard scalars.count >= 6, form.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        for split in 3...(scalars.count - 3) {
            let head = String(String.UnicodeScalarView(scalars[split...]))
            guard let entry = forms[head] ?? (head.unicodeScalars.count >= 5 ? stems[stem(head)] : nil), entry.kind != .cue else { continue }
            let first = String(String.UnicodeScalarView(scalars[..<split]))
            if entry.kind == .weak, let modifier = firstPartMatch(first, stem: stem, depth: depth) {
                return Match(category: modifier.category, kind: .term, entry: modifier.entry, how: .compound)
            }
            // A generic head after an unknown first part names nothing (`zondagavond`,
            // `bevindingen`, `melding`); a shorter head may still be a term.
            if entry.kind == .weak && entry.category == .general { continue }
            return Match(category: entry.category, kind: .term, entry: entry.term, how: .compound)
        }
        return nil
    }

    private func firstPartMatch(_ part: String, stem: (String) -> String, depth: Int) -> Match? {
        var candidates = [part]
        if part.hasSuffix("s") { candidates.append(String(part.dropLast())) }
        if part.hasSuffix("en") { candidates.append(String(part.dropLast(2))) }
        if part.hasSuffix("e") { candidates.append(String(part.dropLast())) }
        for candidate in candidates where candidate.unicodeScalars.count >= 3 {
            if let entry = forms[candidate] ?? stems[candidate] ?? (candidate.unicodeScalars.count >= 4 ? stems[stem(candidate)] : nil),
                entry.kind != .cue
            {
                return Match(category: entry.category, kind: entry.kind, entry: entry.term, how: .exact)
            }
        }
        if depth == 0, let inner = compoundMatch(part, stem: stem, depth: 1) { return inner }
        return nil
    }

    /// The category an opinion word cues, if it is listed as a cue (exact form, or the stem
    /// of a word of five letters or more).
    public func cue(_ form: String) -> AspectCategory? {
        stemmer.withInstance { stem in cue(form, stem: stem) }
    }

    func cue(_ form: String, stem: (String) -> String) -> AspectCategory? {
        if let entry = forms[form] { return entry.kind == .cue ? entry.category : nil }
        if form.unicodeScalars.count >= 5, let entry = stems[stem(form)], entry.kind == .cue { return entry.category }
        return nil
    }

    /// A cue phrase (`reasonably priced`, `waar voor je geld`) over these forms.
    func cuePhrase(_ words: [String]) -> AspectCategory? {
        guard let first = words.first else { return nil }
        return phrases[first]?.first(where: { $0.words == words && $0.entry.kind == .cue })?.entry.category
    }
}

/// A context-dependent opinion word (`Lexicons/aspects/{en,nl}/opinions.tsv`): its valence
/// when the opinion it is tied to has one of `categories` (nil: any category).
public struct ContextValence: Sendable, Hashable {
    /// The word's normalized form.
    public var word: String
    /// The categories it applies to; nil for any category (`*` in the file).
    public var categories: Set<AspectCategory>?
    /// Its valence on the sentiment lexicon's -4...4 scale.
    public var valence: Double

    /// A context-dependent opinion word.
    public init(word: String, categories: Set<AspectCategory>?, valence: Double) {
        self.word = word
        self.categories = categories
        self.valence = valence
    }

    /// Whether it applies to an opinion of this category.
    public func applies(to category: AspectCategory) -> Bool { categories?.contains(category) ?? true }
}

/// The aspect lexicons of both languages.
public struct AspectLexiconSet: Sendable {
    /// The English lexicon, also used for undetermined text.
    public let english: AspectLexicon
    /// The Dutch lexicon.
    public let dutch: AspectLexicon

    /// Both languages' lexicons.
    public init(english: AspectLexicon, dutch: AspectLexicon) {
        self.english = english
        self.dutch = dutch
    }

    /// The lexicon of a language (English for ``Language/undetermined``).
    public subscript(language: Language) -> AspectLexicon { language == .dutch ? dutch : english }

    /// Loads `aspects/{en,nl}/terms.tsv` and `grammar.tsv` from a `Lexicons` folder, the
    /// rule words of `{en,nl}/modifiers.tsv` when present, then the user's term files,
    /// which add to or override the built-in terms of both languages.
    public static func load(from lexicons: URL, taxonomy: AspectTaxonomy, additionalTerms: [URL] = []) throws(AspectDataError)
        -> AspectLexiconSet
    {
        let user = try additionalTerms.map { url throws(AspectDataError) in try AspectTermFile(contentsOf: url, taxonomy: taxonomy) }
        func load(_ language: Language, _ code: String) throws(AspectDataError) -> AspectLexicon {
            let folder = lexicons.appendingPathComponent("aspects/\(code)")
            let terms = try AspectTermFile(contentsOf: folder.appendingPathComponent("terms.tsv"), taxonomy: taxonomy)
            let grammar = try DataFile(url: folder.appendingPathComponent("grammar.tsv"))
            var classes: [(String, WordClass)] = []
            for line in grammar.lines {
                guard line.fields.count >= 2, let wordClass = WordClass.names[line.fields[1]] else {
                    throw .malformed(
                        path: grammar.path, line: line.number,
                        reason: "expected word<TAB>class with class one of \(WordClass.names.keys.sorted().joined(separator: ", "))")
                }
                classes.append((TextNormalizer.wordForm(line.fields[0]).form, wordClass))
            }
            var ruleWords: [String] = []
            let modifiers = lexicons.appendingPathComponent("\(code)/modifiers.tsv")
            if FileManager.default.fileExists(atPath: modifiers.path), let file = try? LexiconFile(contentsOf: modifiers) {
                for word in file.ruleWords {
                    ruleWords.append(word.term)
                    if word.role == .contrastAfter || word.role == .contrastBefore { classes.append((word.term, .contrast)) }
                    if word.role == .negator { classes.append((word.term, .negator)) }
                }
            }
            var context: [ContextValence] = []
            let opinionsURL = folder.appendingPathComponent("opinions.tsv")
            if FileManager.default.fileExists(atPath: opinionsURL.path) {
                let file = try DataFile(url: opinionsURL)
                for line in file.lines {
                    guard line.fields.count >= 3, let valence = Double(line.fields[2]), (-4...4).contains(valence) else {
                        throw .malformed(path: file.path, line: line.number, reason: "expected word<TAB>categories<TAB>valence (-4..4)[<TAB>note]")
                    }
                    var categories: Set<AspectCategory>?
                    if line.fields[1] != "*" {
                        categories = Set(line.fields[1].split(separator: ",").map { AspectCategory(String($0)) })
                        for category in categories! where !taxonomy.contains(category) {
                            throw .malformed(path: file.path, line: line.number, reason: "unknown category '\(category)'")
                        }
                    }
                    context.append(ContextValence(word: TextNormalizer.wordForm(line.fields[0]).form, categories: categories, valence: valence))
                }
            }
            return try AspectLexicon(
                language: language, termFiles: [terms] + user, wordClasses: classes, ruleWords: ruleWords, contextWords: context)
        }
        return AspectLexiconSet(english: try load(.english, "en"), dutch: try load(.dutch, "nl"))
    }
}
