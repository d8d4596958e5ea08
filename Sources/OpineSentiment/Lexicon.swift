public import Foundation
public import OpineText

/// A rule word and what it does to the sentiment around it.
public struct Modifier: Sendable, Hashable {
    /// What a rule word does.
    public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
        /// Flips and weakens sentiment in its scope (`not`, `niet`, `geen`).
        case negator
        /// Strengthens the next sentiment term by `value` (0.3 = +30 %).
        case intensifier
        /// Weakens the next sentiment term by `value` (negative).
        case downtoner
        /// The clause after it weighs `value` times, the one before less (`but`, `maar`).
        case contrastAfter = "contrast-after"
        /// The clause it introduces weighs `value` times (`although`, `hoewel`).
        case contrastBefore = "contrast-before"
        /// Sentiment in its clause is multiplied by `value` (`would`, `zou`, `hoopte`).
        case irrealis
        /// Marks a question.
        case question
    }

    /// The role.
    public var role: Role
    /// The role's strength (see ``Role``).
    public var value: Double
    /// The term as listed in the lexicon.
    public var term: String
}

/// A multi-word lexicon entry: a sentiment phrase or a rule phrase.
struct Phrase: Sendable, Hashable {
    var words: [String]
    var term: String
    var valence: Double?
    var modifier: Modifier?
}

/// The lexicon of one language, ready for matching: exact forms, a stem index, phrases
/// and rule words.
///
/// ```swift
/// let lexicons = try LexiconSet.builtIn()
/// lexicons[.dutch].valence(of: "geweldig")   // 3.1
/// ```
public struct Lexicon: Sendable {
    /// The language.
    public let language: Language
    /// What the lexicon knows about one normalized form: a class, so that the units of a
    /// text refer to it instead of copying it.
    final class WordInfo: Sendable {
        /// Its valence as a single-word entry, emoji or emoticon.
        let valence: Double?
        /// Its role as a single-word rule word.
        let modifier: Modifier?
        /// The phrases it starts, longest first.
        let phrases: [Phrase]

        init(_ draft: Draft) {
            valence = draft.valence
            modifier = draft.modifier
            phrases = draft.phrases
        }

        /// The word's entry while the lexicon is read.
        struct Draft {
            var valence: Double?
            var modifier: Modifier?
            var phrases: [Phrase] = []
        }
    }

    /// The lookup tables, one reference shared by every copy of the lexicon (a lexicon is
    /// copied into every scorer).
    private let tables: Tables
    /// The stemmer for this language.
    let stemmer: Stemmer

    private final class Tables: Sendable {
        /// Everything about every form, so that matching a word costs one lookup.
        let words: FormTable<WordInfo>
        /// Valence by Snowball stem, for stems whose forms agree in sign.
        let stems: FormTable<(valence: Double, entry: String)>
        /// Valence by Dutch verb form (`weigert`) made from an infinitive entry (`weigeren`).
        let verbForms: FormTable<(valence: Double, entry: String)>

        init(
            words: [String: WordInfo.Draft], stems: [String: (valence: Double, entry: String)],
            verbForms: [String: (valence: Double, entry: String)]
        ) {
            let nfc = { (form: String) in form.precomposedStringWithCanonicalMapping }
            self.words = FormTable(words.mapValues(WordInfo.init), nfc: nfc)
            self.stems = FormTable(stems, nfc: nfc)
            self.verbForms = FormTable(verbForms, nfc: nfc)
        }
    }

    /// Creates a lexicon from files, later files overriding earlier ones.
    public init(language: Language, files: [LexiconFile]) throws {
        self.language = language
        stemmer = try Stemmer(algorithm: language == .dutch ? "dutch" : "english")
        let tokenizer = Tokenizer()
        var words: [String: WordInfo.Draft] = [:]
        for file in files {
            for entry in file.entries {
                let key = Self.words(of: entry.term, tokenizer)
                if key.count == 1 {
                    words[key[0], default: WordInfo.Draft()].valence = entry.valence
                } else if key.count > 1 {
                    Self.addPhrase(Phrase(words: key, term: entry.term, valence: entry.valence), to: &words)
                }
            }
            for ruleWord in file.ruleWords {
                let modifier = Modifier(role: ruleWord.role, value: ruleWord.value, term: ruleWord.term)
                let key = Self.words(of: ruleWord.term, tokenizer)
                if key.count == 1 {
                    words[key[0], default: WordInfo.Draft()].modifier = modifier
                } else if key.count > 1 {
                    Self.addPhrase(Phrase(words: key, term: ruleWord.term, modifier: modifier), to: &words)
                }
            }
        }
        tables = Tables(
            words: words, stems: Self.stemIndex(of: words, stemmer: stemmer),
            verbForms: language == .dutch ? Self.dutchVerbFormIndex(of: words) : [:]
        )
    }

    /// The valence of a normalized single-word form, emoji or emoticon, if it has one.
    public func valence(of form: String) -> Double? { tables.words[form]?.valence }

    /// The rule word with this normalized form, if any.
    public func modifier(_ form: String) -> Modifier? { tables.words[form]?.modifier }

    /// What the lexicon knows about a form, nil when nothing.
    func info(_ form: some StringProtocol) -> WordInfo? { tables.words[form] }

    /// The valence reached through the Snowball stem of an inflected form, with the entry
    /// it came from. A word that is its own stem (`use`, `wonder`) is a base form: had it
    /// sentiment, the lexicon would list it, so it gets none from `useful` or `wonderful`.
    /// Short words are left alone: Dutch `door` (through) stems to `dor` (dry).
    func stemMatch(_ form: String, stem: (String) -> String) -> (valence: Double, entry: String)? {
        guard form.hasScalars(atLeast: 5) else { return nil }
        let stemmed = stem(form)
        guard stemmed != form, stemmed.hasScalars(atLeast: 4) else { return nil }
        return tables.stems[stemmed]
    }

    /// The valence of a Dutch verb form that no entry lists (`weigert`, `geweigerd`,
    /// `weigerde`) through the infinitive entry it is made from (`weigeren`), with that entry.
    func verbFormMatch(_ form: String) -> (valence: Double, entry: String)? {
        tables.verbForms[form]
    }


    /// The normalized forms of a lexicon term, as the tokenizer would give them. A plain
    /// word (letters, apostrophes, inner hyphens: most entries) is normalized directly,
    /// which keeps loading fast; anything else goes through the tokenizer. So do terms of
    /// up to three letters: the tokenizer reads some of them as emoticons, which keep their
    /// case (`XD`, `xD`), and normalizing them as words would key them as `xd`, which the
    /// emoticon never matches.
    static func words(of term: String, _ tokenizer: Tokenizer) -> [String] {
        let plain = term.unicodeScalars.count > 3
            && term.unicodeScalars.allSatisfy(isWordScalar)
            && term.unicodeScalars.first.map(isLetter) == true
            && term.unicodeScalars.last.map(isLetter) == true
            && zip(term.utf8, term.utf8.dropFirst()).allSatisfy { !($0 == 0x2D && $1 == 0x2D) }
        if plain { return [TextNormalizer.wordForm(term).form] }
        return tokenizer.tokenize(term).tokens.map(\.form)
    }

    private static func addPhrase(_ phrase: Phrase, to words: inout [String: WordInfo.Draft]) {
        var list = words[phrase.words[0], default: WordInfo.Draft()].phrases
        list.removeAll { $0.words == phrase.words && ($0.valence == nil) == (phrase.valence == nil) }
        list.append(phrase)
        list.sort { $0.words.count > $1.words.count }
        words[phrase.words[0], default: WordInfo.Draft()].phrases = list
    }

    /// Indexes the Dutch verb forms of the infinitive entries (see ``DutchVerbForms``).
    /// A form that is an entry or rule word itself is left to it (`vlucht`, flight, is
    /// listed at 0 against `vluchten`, to flee); a form made from infinitives that
    /// disagree in sign is left out; otherwise it takes the shortest infinitive.
    private static func dutchVerbFormIndex(of words: [String: WordInfo.Draft]) -> [String: (valence: Double, entry: String)] {
        var byForm: [String: [(infinitive: String, valence: Double)]] = [:]
        for (infinitive, info) in words {
            guard let valence = info.valence, valence != 0 else { continue }
            for form in DutchVerbForms.forms(ofInfinitive: infinitive) {
                if let known = words[form], known.valence != nil || known.modifier != nil { continue }
                byForm[form, default: []].append((infinitive, valence))
            }
        }
        var index: [String: (valence: Double, entry: String)] = [:]
        for (form, sources) in byForm {
            guard !(sources.contains { $0.valence > 0 } && sources.contains { $0.valence < 0 }) else { continue }
            let shortest = sources.min { ($0.infinitive.count, $0.infinitive) < ($1.infinitive.count, $1.infinitive) }!
            index[form] = (shortest.valence, shortest.infinitive)
        }
        return index
    }

    /// Indexes single-word entries by stem. Only forms that are the stem plus at most
    /// three letters of ending are indexed (`disappointed` under `disappoint`, not
    /// `wonderful` under `wonder`: a derivation can change the meaning). A stem whose
    /// forms disagree in sign (Dutch `geweldig`, great, and `geweld`, violence) is left
    /// out; otherwise the stem takes the valence of its shortest form.
    private static func stemIndex(of words: [String: WordInfo.Draft], stemmer: Stemmer) -> [String: (valence: Double, entry: String)] {
        var stems: [String: (valence: Double, entry: String)] = [:]
        var byStem: [String: [(form: String, valence: Double)]] = [:]
        stemmer.withInstance { stem in
            for (form, info) in words {
                guard let valence = info.valence, form.unicodeScalars.allSatisfy(isWordScalar) else { continue }
                let stemmed = stem(form)
                guard form.hasPrefix(stemmed) ? form.count - stemmed.count <= 3 : form.count <= stemmed.count + 2 else { continue }
                byStem[stemmed, default: []].append((form, valence))
            }
        }
        for (stem, forms) in byStem {
            let positive = forms.contains { $0.valence > 0 }
            let negative = forms.contains { $0.valence < 0 }
            guard !(positive && negative) else { continue }
            let shortest = forms.min { ($0.form.count, $0.form) < ($1.form.count, $1.form) }!
            guard shortest.valence != 0 else { continue }
            stems[stem] = (shortest.valence, shortest.form)
        }
        return stems
    }
}

/// The lexicons of every supported language.
public struct LexiconSet: Sendable {
    /// English.
    public let english: Lexicon
    /// Dutch.
    public let dutch: Lexicon

    /// The lexicon of a language (English for ``Language/undetermined``).
    public subscript(language: Language) -> Lexicon {
        language == .dutch ? dutch : english
    }

    /// Creates a set from two lexicons.
    public init(english: Lexicon, dutch: Lexicon) {
        self.english = english
        self.dutch = dutch
    }

    /// The built-in `Lexicons` folder: `$OPINE_LEXICONS` when set, else `../share/opine/Lexicons`
    /// next to the executable (an installation), else a `Lexicons` folder next to the
    /// executable or one of its parent folders (a checkout's `.build/release/opine`).
    /// - Throws: ``LexiconError/builtInNotFound(searched:)`` naming every place searched.
    public static func builtInFolder() throws(LexiconError) -> URL {
        try LexiconLocator.builtInFolder()
    }

    /// The files of the built-in lexicon of a language, in the order they are applied.
    public static func builtInFiles(for language: Language, in folder: URL) -> [URL] {
        let code = language == .dutch ? "nl" : "en"
        return [
            "\(code)/base.tsv", "shared/emoji.tsv", "shared/emoticons.tsv", "\(code)/additions.tsv",
            "\(code)/idioms.tsv", "\(code)/modifiers.tsv",
        ].map { folder.appendingPathComponent($0) }
    }

    /// Loads the built-in lexicons, then the user's files, which win over them.
    ///
    /// The built-in folder is `$OPINE_LEXICONS` when set, else the first `Lexicons` folder
    /// found in `../share/opine` next to the executable (an installation), or next to the
    /// executable or one of its parent folders (a checkout's `.build/release/opine`).
    /// - Parameter overrides: lexicon files whose entries are added to both languages.
    public static func builtIn(overrides: [URL] = []) throws -> LexiconSet {
        let folder = try LexiconLocator.builtInFolder()
        let userFiles = try overrides.map { url throws(LexiconError) in try LexiconFile(contentsOf: url) }
        func load(_ language: Language) throws -> Lexicon {
            let files = try builtInFiles(for: language, in: folder).map { url throws(LexiconError) in
                try LexiconFile(contentsOf: url)
            }
            return try Lexicon(language: language, files: files + userFiles)
        }
        return LexiconSet(english: try load(.english), dutch: try load(.dutch))
    }
}

/// Finds the built-in `Lexicons` folder of a checkout or an installation.
enum LexiconLocator {
    static func builtInFolder() throws(LexiconError) -> URL {
        let candidates = candidateFolders()
        for folder in candidates where FileManager.default.fileExists(atPath: folder.appendingPathComponent("SOURCES.md").path) {
            return folder
        }
        throw .builtInNotFound(searched: candidates.map(\.path))
    }

    static func candidateFolders() -> [URL] {
        var candidates: [URL] = []
        if let environment = ProcessInfo.processInfo.environment["OPINE_LEXICONS"], !environment.isEmpty {
            return [URL(fileURLWithPath: environment)]
        }
        let executable = executableURL().resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        candidates.append(folder.appendingPathComponent("../share/opine/Lexicons").standardized)
        for _ in 0..<5 {
            candidates.append(folder.appendingPathComponent("Lexicons"))
            folder = folder.deletingLastPathComponent()
        }
        return candidates
    }

    /// The running executable: `/proc/self/exe` on Linux (argv[0] is only the name typed
    /// when the binary is found through PATH), else Foundation's idea of it.
    private static func executableURL() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "")
    }
}

/// A letter, with a fast path for ASCII.
private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x61...0x7A, 0x41...0x5A: true
    case 0..<0x80: false
    default: scalar.properties.isAlphabetic
    }
}

/// A letter, apostrophe or hyphen: what plain lexicon words are made of.
private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "'" || scalar == "-" || isLetter(scalar)
}
