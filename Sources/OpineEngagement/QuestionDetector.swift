public import OpineText

/// Tells whether a text asks the brand something, in English and Dutch: a question, or a
/// request for a reply.
///
/// Three kinds of cue, tried in order:
///
/// 1. A question mark (`?` or `？`) anywhere outside a link. Rhetorical questions count:
///    a public "who does that?" deserves an answer too.
/// 2. A sentence that opens like a question, for texts that leave the mark out. Leading
///    @handles, hashtags, greetings and fillers ("hi", "hallo", "please", "ok") are
///    skipped; sentences ending in `!` are exclamations, not questions.
///    - A question word followed within three words by an auxiliary or finite verb,
///      before any subject: "where is my order", "how long does it take", "waar blijft
///      mijn pakket", "hoe lang duurt het". Exclamations do not match: "what a joke",
///      "wat een service", "wat leuk" (no verb), "when I called, they hung up" (a
///      subject comes first).
///    - An auxiliary or finite verb followed by a subject: "can you help", "is the store
///      open", "kunnen jullie", "heeft iemand". Subject-dropped statements do not match:
///      "will never buy again", "is broken", "heb het al geprobeerd" (after a
///      first-person verb form only `ik`, `je`, `jij` count as subjects).
/// 3. A request for a reply: "please help", "let me know", "dm me", "still no answer",
///    "graag een reactie", "laat me weten", "bel me", "nog steeds geen antwoord".
///
/// With a language, only that language's openings are tried; without one (or
/// undetermined), both. Requests are tried in both languages always.
///
/// ```swift
/// let detector = QuestionDetector()
/// detector.asksQuestion("@kpn waar blijft mijn pakket")     // true
/// detector.asksQuestion("Wat een top service!")             // false
/// detector.cue(in: "Can you help me with my bill")         // .interrogative("can you")
/// ```
public struct QuestionDetector: Sendable {
    /// What showed that a text asks something.
    public enum Cue: Sendable, Hashable, Codable {
        /// A question mark.
        case questionMark
        /// A sentence opening like a question; the words that matched.
        case interrogative(String)
        /// A request for a reply; the phrase that matched.
        case request(String)
    }

    /// Creates a detector.
    public init() {}

    /// Whether the text asks a question or for a reply.
    public func asksQuestion(_ text: String, language: Language? = nil) -> Bool {
        cue(in: text, language: language) != nil
    }

    /// The first cue that the text asks something, or nil.
    public func cue(in text: String, language: Language? = nil) -> Cue? {
        let scan = Scan(text)
        if scan.questionMark { return .questionMark }
        let english = language != .dutch
        let dutch = language != .english
        for sentence in scan.sentences where !sentence.exclaimed {
            let words = scan.opening(of: sentence)
            guard !words.isEmpty else { continue }
            if english, let match = Self.englishOpening(words) { return .interrogative(match) }
            if dutch, let match = Self.dutchOpening(words) { return .interrogative(match) }
        }
        for phrase in Self.requests where scan.contains(phrase) {
            return .request(String(decoding: phrase.dropFirst().dropLast(), as: UTF8.self))
        }
        return nil
    }

    static func englishOpening(_ words: ArraySlice<String>) -> String? {
        let first = words.first!
        if englishWhContractions.contains(first) { return first }
        if first == "how", words.dropFirst().first == "come" { return "how come" }
        if englishWh.contains(first) {
            for (offset, word) in words.dropFirst().prefix(3).enumerated() {
                if englishAuxiliaries.contains(word) { return words.prefix(offset + 2).joined(separator: " ") }
                if englishSubjects.contains(word) || word == "a" || word == "an" { return nil }
            }
            return nil
        }
        if englishAuxiliaries.contains(first), let second = words.dropFirst().first, englishSubjects.contains(second) {
            return "\(first) \(second)"
        }
        return nil
    }

    static func dutchOpening(_ words: ArraySlice<String>) -> String? {
        let first = words.first!
        if dutchWh.contains(first) {
            for (offset, word) in words.dropFirst().prefix(3).enumerated() {
                if dutchVerbs.contains(word) || dutchFirstPersonVerbs.contains(word) {
                    return words.prefix(offset + 2).joined(separator: " ")
                }
                if dutchSubjects.contains(word) || word == "een" { return nil }
            }
            return nil
        }
        guard let second = words.dropFirst().first else { return nil }
        if dutchFirstPersonVerbs.contains(first) {
            return ["ik", "je", "jij"].contains(second) ? "\(first) \(second)" : nil
        }
        if dutchVerbs.contains(first) && dutchSubjects.contains(second) { return "\(first) \(second)" }
        return nil
    }

    // MARK: Word lists

    static let fillers: Set<String> = [
        "hi", "hello", "hey", "heya", "dear", "morning", "yo", "ok", "okay", "so", "and", "but", "also", "btw", "ps",
        "please", "pls", "plz", "sorry", "excuse", "hallo", "hoi", "hee", "beste", "goedemorgen", "goedemiddag",
        "goedenavond", "goedendag", "oke", "oké", "en", "maar", "dus", "ook", "svp", "aub", "trouwens",
    ]
    static let englishWh: Set<String> = ["what", "when", "where", "why", "how", "who", "which", "whom", "whose"]
    static let englishWhContractions: Set<String> = [
        "what's", "when's", "where's", "why's", "how's", "who's", "whats", "wheres", "hows", "whos",
    ]
    static let englishAuxiliaries: Set<String> = [
        "is", "are", "was", "were", "am", "do", "does", "did", "can", "could", "will", "would", "should", "shall", "may",
        "might", "must", "has", "have", "had", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't",
        "can't", "cannot", "couldn't", "won't", "wouldn't", "shouldn't", "hasn't", "haven't", "hadn't",
    ]
    static let englishSubjects: Set<String> = [
        "i", "you", "we", "they", "he", "she", "it", "there", "this", "that", "these", "those", "anyone", "anybody",
        "someone", "somebody", "everyone", "u", "ya", "y'all", "the", "my", "your", "ur", "our", "their", "his", "her",
        "its", "any", "some",
    ]
    static let dutchWh: Set<String> = [
        "wat", "wanneer", "waar", "waarom", "hoe", "wie", "welke", "welk", "hoeveel", "hoelang", "hoezo", "waarmee",
        "waarvoor", "waarop", "waardoor", "waarover", "waarheen", "vanwaar",
    ]
    /// Finite verb forms that open Dutch questions ("is het", "kunnen jullie", "werkt de app").
    static let dutchVerbs: Set<String> = [
        "is", "zijn", "bent", "was", "waren", "hebt", "heeft", "hebben", "had", "hadden", "kun", "kunt", "kunnen", "kon",
        "konden", "wilt", "willen", "wou", "wilde", "moeten", "moest", "mogen", "mocht", "zult", "zullen", "zou",
        "zouden", "wordt", "worden", "werd", "werden", "doet", "doen", "deed", "gaat", "gaan", "ging", "komt", "komen",
        "kwam", "blijft", "blijven", "duurt", "duren", "duurde", "krijgt", "krijgen", "kreeg", "staat", "staan", "kost",
        "kosten", "werkt", "werken", "weten", "ziet", "zien", "vindt", "vinden", "gebeurt", "gebeurde", "betekent",
        "bedoelt", "heet", "lukt", "levert", "leveren", "bezorgt", "bezorgen", "stuurt", "sturen", "loopt", "klopt",
    ]
    /// First-person singular forms, which also open subject-dropped statements ("heb het al
    /// geprobeerd"); they open a question only before `ik`, `je` or `jij`.
    static let dutchFirstPersonVerbs: Set<String> = [
        "heb", "ben", "kan", "wil", "moet", "mag", "zal", "doe", "ga", "kom", "krijg", "weet", "vind", "zie", "snap",
        "begrijp", "blijf", "zit", "sta", "lig", "hoop", "mis", "bel", "betaal", "bestel", "probeer", "wacht",
    ]
    static let dutchSubjects: Set<String> = [
        "ik", "je", "jij", "u", "jullie", "we", "wij", "ze", "zij", "hij", "het", "er", "iemand", "men", "dit", "dat",
        "deze", "die", "de", "mijn", "m'n", "mn", "onze", "ons", "uw", "jouw", "hun", "iedereen", "niemand",
    ]
    /// Requests for a reply, padded with spaces so they match whole words.
    static let requests: [[UInt8]] = [
        "please help", "help me", "help us", "need help", "need your help", "let me know", "let us know", "please advise",
        "contact me", "dm me", "call me", "get back to me", "please respond", "please reply", "please answer",
        "waiting for a reply", "waiting for a response", "waiting for an answer", "waiting for your reply",
        "waiting for your response", "any update", "any news", "still no answer", "still no reply", "still no response",
        "no answer yet", "no reply yet", "no response yet", "anyone there",
        "graag een reactie", "graag reactie", "graag antwoord", "graag een antwoord", "graag contact", "laat me weten",
        "laat mij weten", "laat het me weten", "laat het mij weten", "laat even weten", "bel me", "bel mij",
        "neem contact op", "neem contact met me op", "neem contact met mij op", "help mij", "hulp nodig",
        "wacht op antwoord", "wacht op een antwoord", "wacht op reactie", "wacht op een reactie",
        "nog steeds geen antwoord", "nog steeds geen reactie", "nog geen antwoord", "nog geen reactie", "reageer aub",
        "reageer alstublieft", "reageer svp", "stuur me een bericht", "stuur mij een bericht",
    ].map { Array(" \($0) ".utf8) }
}

/// A text read for question cues: its words lowercased and joined by single spaces
/// (for requests), and the opening words of each sentence, with links, @handles and
/// hashtags left out. Reads UTF-8 bytes; only non-ASCII characters look up Unicode
/// properties.
struct Scan {
    struct Sentence {
        /// The first words (at most ``Scan/openingWords``), as ranges in ``Scan/normalized``.
        var words: [Range<Int>] = []
        /// How many words the first clause has, when a comma, colon or dash ends it.
        var firstClause: Int?
        var wordCount = 0
        var exclaimed = false
    }

    static let openingWords = 12

    /// " word word word ": lowercased words, each followed by one space.
    var normalized: [UInt8] = [0x20]
    var sentences: [Sentence] = []
    var questionMark = false

    init(_ text: String) {
        var text = text
        text.withUTF8 { self.read($0) }
    }

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        normalized.reserveCapacity(bytes.count + 2)
        var sentence = Sentence()
        var wordStart = -1  // index in `normalized` of the word being read, -1 outside a word
        var atChunkStart = true
        var index = 0
        let count = bytes.count

        func endWord() {
            guard wordStart >= 0 else { return }
            while normalized.count > wordStart, normalized[normalized.count - 1] == UInt8(ascii: "'") {
                normalized.removeLast()
            }
            if normalized.count > wordStart {
                if sentence.words.count < Scan.openingWords { sentence.words.append(wordStart..<normalized.count) }
                sentence.wordCount += 1
                normalized.append(0x20)
            }
            wordStart = -1
        }
        func endClause() {
            endWord()
            if sentence.firstClause == nil && sentence.wordCount > 0 { sentence.firstClause = sentence.wordCount }
        }
        func endSentence(exclaimed: Bool) {
            endWord()
            if sentence.wordCount > 0 {
                sentence.exclaimed = exclaimed
                sentences.append(sentence)
            }
            sentence = Sentence()
        }
        func append(_ byte: UInt8) {
            if wordStart < 0 { wordStart = normalized.count }
            normalized.append(byte)
        }
        func startsLink(_ at: Int) -> Bool {
            func matches(_ prefix: StaticString) -> Bool {
                let length = prefix.utf8CodeUnitCount
                guard at + length <= count else { return false }
                let start = prefix.utf8Start
                for offset in 0..<length where bytes[at + offset] | 0x20 != start[offset] { return false }
                return true
            }
            return matches("http://") || matches("https://") || matches("www.")
        }
        func isHandleByte(_ at: Int) -> Bool {
            let byte = bytes[at]
            if byte >= 0x80 { return true }
            if byte == UInt8(ascii: "_") { return true }
            if isASCIIWordByte(byte) { return true }
            return byte == UInt8(ascii: ".") && at + 1 < count && isASCIIWordByte(bytes[at + 1])
        }

        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x20, 0x09, 0x0B, 0x0C:
                    endWord()
                    atChunkStart = true
                    index += 1
                    continue
                case 0x0A, 0x0D:
                    endSentence(exclaimed: false)
                    atChunkStart = true
                    index += 1
                    continue
                default: break
                }
                if atChunkStart {
                    atChunkStart = false
                    if startsLink(index) {
                        while index < count && !isASCIISpace(bytes[index]) { index += 1 }
                        continue
                    }
                    if byte == UInt8(ascii: "@") || byte == UInt8(ascii: "#") {
                        index += 1
                        while index < count && isHandleByte(index) { index += 1 }
                        continue
                    }
                }
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): append(byte | 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): append(byte)
                case UInt8(ascii: "?"):
                    questionMark = true
                    endSentence(exclaimed: false)
                case UInt8(ascii: "."), UInt8(ascii: ";"): endSentence(exclaimed: false)
                case UInt8(ascii: "!"): endSentence(exclaimed: true)
                case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"): endClause()
                case UInt8(ascii: "'"), UInt8(ascii: "`"): if wordStart >= 0 { append(UInt8(ascii: "'")) }
                default: endWord()
                }
                index += 1
                continue
            }
            // A non-ASCII character (Swift strings hold valid UTF-8): decode it.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= count else { break }
            var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            let bytesOfScalar = UnsafeBufferPointer(rebasing: bytes[index..<(index + length)])
            index += length
            guard let scalar = Unicode.Scalar(value) else {
                endWord()
                continue
            }
            switch value {
            case 0xFF1F:  // ？
                questionMark = true
                endSentence(exclaimed: false)
                continue
            case 0x2026, 0x3002: endSentence(exclaimed: false); continue  // … 。
            case 0xFF01: endSentence(exclaimed: true); continue  // ！
            case 0x2013, 0x2014: endClause(); continue  // – —
            case 0x2018, 0x2019:  // ‘ ’
                if wordStart >= 0 { append(UInt8(ascii: "'")) }
                continue
            default: break
            }
            let properties = scalar.properties
            if properties.isWhitespace {
                endWord()
                if value == 0x2028 || value == 0x2029 { endSentence(exclaimed: false) }
                atChunkStart = true
            } else if properties.isAlphabetic || properties.numericType != nil
                || properties.generalCategory == .nonspacingMark
            {
                atChunkStart = false
                if properties.changesWhenLowercased {
                    for unit in properties.lowercaseMapping.utf8 { append(unit) }
                } else {
                    for unit in bytesOfScalar { append(unit) }
                }
            } else {
                atChunkStart = false
                endWord()
            }
        }
        endSentence(exclaimed: false)
    }

    /// The word at a range, as a string.
    func word(_ range: Range<Int>) -> String { String(decoding: normalized[range], as: UTF8.self) }

    /// The opening words of a sentence after a leading greeting clause and fillers.
    func opening(of sentence: Sentence) -> ArraySlice<String> {
        var words = sentence.words.map(word)[...]
        if let first = words.first, QuestionDetector.fillers.contains(first), let clause = sentence.firstClause,
            clause < sentence.wordCount
        {
            words = words.dropFirst(clause)
        }
        while let first = words.first, QuestionDetector.fillers.contains(first) { words = words.dropFirst() }
        return words
    }

    /// Whether the normalized words contain a phrase (given padded with spaces).
    func contains(_ phrase: [UInt8]) -> Bool {
        let length = phrase.count
        guard length <= normalized.count else { return false }
        let first = phrase[0]
        let second = phrase[1]
        var start = 0
        while start + length <= normalized.count {
            if normalized[start] == first && normalized[start + 1] == second {
                var offset = 2
                while offset < length && normalized[start + offset] == phrase[offset] { offset += 1 }
                if offset == length { return true }
            }
            start += 1
        }
        return false
    }
}

@inline(__always) func isASCIIWordByte(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

@inline(__always) func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
}

/// The number of words (runs of letters and digits, apostrophes inside) in a text.
func wordCount(_ text: String) -> Int {
    var count = 0
    var inWord = false
    for scalar in text.unicodeScalars {
        let isWord: Bool
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            if inWord && byte == UInt8(ascii: "'") { continue }
            isWord = isASCIIWordByte(byte)
        } else {
            let properties = scalar.properties
            if inWord && (scalar == "’" || properties.generalCategory == .nonspacingMark) { continue }
            isWord = properties.isAlphabetic || properties.numericType != nil
        }
        if isWord && !inWord { count += 1 }
        inWord = isWord
    }
    return count
}
