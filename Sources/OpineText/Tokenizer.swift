/// Splits comment text into tokens with ICU's word and sentence break iterators.
///
/// ICU finds word and sentence boundaries over the UTF-8 text in place. On top of that
/// the tokenizer keeps together what ICU splits but sentiment needs whole: URLs, e-mail
/// addresses, hashtags, mentions, ASCII emoticons, punctuation runs (`!!!`, `?!`),
/// hyphenated words and Dutch clitics (`'t`, `'n`). Every token carries its kind, its
/// normalized form and its UTF-8 byte range. The tokenizer is a value with no state:
/// call it from any number of threads.
///
/// ```swift
/// let tokens = Tokenizer().tokenize("Ik vond het NIET leuk :( #nietmeer").tokens
/// tokens.map(\.form)   // ["ik", "vond", "het", "niet", "leuk", ":(", "#nietmeer"]
/// ```
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// Tokenizes a string.
    public func tokenize(_ text: String) -> TokenizedText {
        var text = text
        let (tokens, sentences) = text.withUTF8 { bytes in
            var scanner = TokenScanner(bytes: bytes)
            return (scanner.scan(), Self.sentenceRanges(scanner.sentenceStarts, length: bytes.count))
        }
        return TokenizedText(text: text, tokens: tokens, sentences: sentences)
    }

    /// Tokenizes UTF-8 bytes as read from a file; ill-formed sequences become U+FFFD
    /// and byte ranges refer to the repaired text.
    public func tokenize(utf8 bytes: some Collection<UInt8>) -> TokenizedText {
        tokenize(String(decoding: bytes, as: UTF8.self))
    }

    private static func sentenceRanges(_ starts: [Int], length: Int) -> [Range<Int>] {
        starts.indices.map { index in
            starts[index]..<(index + 1 < starts.count ? starts[index + 1] : length)
        }
    }
}

/// One pass over ICU's word segments that builds the tokens.
private struct TokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var segments: [WordSegment]
    var tokens: [Token] = []
    var index = 0
    let sentenceStarts: [Int]
    /// Whether the text has an `@` at all: without one, no segment starts an e-mail address.
    let hasAtSign: Bool

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        hasAtSign = bytes.contains(UInt8(ascii: "@"))
        segments = ICUBreaks.wordSegments(bytes)
        sentenceStarts = ICUBreaks.sentenceStarts(bytes)
    }

    mutating func scan() -> [Token] {
        // Spaces make about a third of the segments; every other segment may be a token.
        tokens.reserveCapacity(segments.count * 3 / 4 + 1)
        while index < segments.count {
            let segment = segments[index]
            if let special = specialToken(at: segment) {
                let end = special.range.upperBound
                append(special)
                skip(to: end)
            } else {
                index += 1
                if let token = segmentToken(segment) { append(token) }
            }
        }
        assignSentences()
        return tokens
    }

    // MARK: Tokens ICU splits apart

    /// A URL, e-mail address, hashtag, mention or emoticon starting at the segment.
    private func specialToken(at segment: WordSegment) -> Token? {
        let start = segment.start
        let first = bytes[start]
        // White space and control characters start none of them.
        if first <= 0x20 { return nil }
        if first == UInt8(ascii: "h") || first == UInt8(ascii: "H") || first == UInt8(ascii: "w") || first == UInt8(ascii: "W"),
            let end = WebSyntax.url(in: bytes, at: start)
        {
            return token(.url, start..<end, form: TextNormalizer.fold(utf8: slice(start..<end)))
        }
        if hasAtSign, segment.kind != .none || first == UInt8(ascii: "_"),
            let end = WebSyntax.email(in: bytes, at: start)
        {
            return token(.email, start..<end, form: TextNormalizer.fold(utf8: slice(start..<end)))
        }
        if first == UInt8(ascii: "@"), segment.kind != .none, segment.end > start + 1 {
            // ICU keeps `@name` together as one segment.
            return token(.mention, start..<segment.end, form: TextNormalizer.fold(utf8: slice(start..<segment.end)))
        }
        if first == UInt8(ascii: "#") || first == UInt8(ascii: "@"), segment.end == start + 1,
            index + 1 < segments.count, segments[index + 1].start == start + 1,
            segments[index + 1].kind != .none
        {
            let end = segments[index + 1].end
            let body = slice(start + 1..<end)
            let form = String(UnicodeScalar(first)) + TextNormalizer.fold(utf8: body)
            if first == UInt8(ascii: "#") {
                return Token(kind: .hashtag, form: form, range: start..<end, parts: Self.hashtagWords(body))
            }
            return token(.mention, start..<end, form: form)
        }
        if let (end, emphatic) = Emoticons.match(in: bytes, at: start) {
            let written = String(decoding: slice(start..<end), as: UTF8.self)
            var form = Emoticons.htmlUnescaped(written)
            while form.count > 2, form.last == form.dropLast().last { form.removeLast() }
            return Token(kind: .emoticon, form: form, range: start..<end, flags: emphatic ? .emphatic : [])
        }
        return nil
    }

    // MARK: Tokens from ICU segments

    private mutating func segmentToken(_ segment: WordSegment) -> Token? {
        switch segment.kind {
        case .letter, .kana, .ideographic:
            return wordToken(from: segment)
        case .number:
            let range = segment.start..<segment.end
            if containsKeycap(range) { return token(.emoji, range, form: TextNormalizer.emojiForm(string(range))) }
            return token(.number, range, form: string(range))
        case .none:
            return otherToken(from: segment)
        }
    }

    /// A word, joined with following hyphenated parts (`e-mail`) when no space intervenes.
    private mutating func wordToken(from segment: WordSegment) -> Token {
        var end = segment.end
        var parts: [String] = []
        while index + 1 < segments.count,
            segments[index].start == end, isHyphen(segments[index].start..<segments[index].end),
            segments[index + 1].kind == .letter, segments[index + 1].start == segments[index].end
        {
            if parts.isEmpty { parts.append(TextNormalizer.wordForm(string(segment.start..<end)).form) }
            let part = segments[index + 1]
            parts.append(TextNormalizer.wordForm(string(part.start..<part.end)).form)
            end = part.end
            index += 2
        }
        let range = segment.start..<end
        // The token is made whole where it is built: one changed after it is made is
        // copied out when returned (a retain of its form) and the original destroyed.
        return asciiWordToken(range, parts: parts) ?? unicodeWordToken(range, parts: parts)
    }

    /// The word token for ASCII text without elongation, built on the bytes (the common
    /// case, and several times faster than the general path); nil for anything else.
    /// `parts` are the words of a hyphenated word, empty for any other.
    private func asciiWordToken(_ range: Range<Int>, parts: [String]) -> Token? {
        var upper = 0
        var lower = 0
        var apostrophe = false
        var dot = false
        var plain = true
        // One pass reads the flags and writes the lower-case form; `plain` turns false
        // (and the form is dropped) at a non-ASCII byte or an elongation.
        let form = String(unsafeUninitializedCapacity: range.count) { buffer in
            var previous: UInt8 = 0
            var run = 0
            for (offset, byte) in slice(range).enumerated() {
                guard byte < 0x80 else {
                    plain = false
                    return 0
                }
                if byte == previous {
                    run += 1
                    if run >= 3 && (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                        plain = false
                        return 0
                    }
                } else {
                    previous = byte
                    run = 1
                }
                switch byte {
                case 0x41...0x5A: upper += 1
                case 0x61...0x7A: lower += 1
                case UInt8(ascii: "'"): apostrophe = true
                case UInt8(ascii: "."): dot = true
                default: break
                }
                buffer[offset] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            }
            return range.count
        }
        guard plain else { return nil }
        if dot && WebSyntax.isDomain(form) { return Token(kind: .url, form: form, range: range, flags: Self.hyphenation(parts), parts: parts) }
        var flags = Self.hyphenation(parts)
        if apostrophe { flags.insert(.apostrophe) }
        if upper >= 2 && lower == 0 { flags.insert(.allCaps) }
        return Token(kind: .word, form: form, range: range, flags: flags, parts: parts)
    }

    /// The word token for any text: Unicode folding, apostrophes, elongation, capitals.
    /// `parts` are the words of a hyphenated word, empty for any other.
    private func unicodeWordToken(_ range: Range<Int>, parts: [String]) -> Token {
        let written = string(range)
        let (form, elongated) = TextNormalizer.wordForm(written)
        if form.contains("."), WebSyntax.isDomain(form) { return Token(kind: .url, form: form, range: range, flags: Self.hyphenation(parts), parts: parts) }
        var flags = Self.hyphenation(parts)
        if elongated { flags.insert(.elongated) }
        if form.contains("'") { flags.insert(.apostrophe) }
        if Self.isAllCaps(written) { flags.insert(.allCaps) }
        return Token(kind: .word, form: form, range: range, flags: flags, parts: parts)
    }

    /// The flags a word starts with: ``TokenFlags/hyphenated`` when it has hyphenated parts.
    private static func hyphenation(_ parts: [String]) -> TokenFlags {
        parts.isEmpty ? [] : .hyphenated
    }

    /// Emoji, punctuation runs, Dutch clitics (`'t`), symbols; nil for white space.
    private mutating func otherToken(from segment: WordSegment) -> Token? {
        let range = segment.start..<segment.end
        let firstByte = bytes[segment.start]
        if firstByte <= 0x20 || firstByte == 0x7F { return nil }
        let text = string(range)
        guard let first = text.unicodeScalars.first else { return nil }
        let properties = CharacterProperties(of: first)
        if properties.contains(.whiteSpace) || first.value < 0x20 || first.value == 0x7F { return nil }
        if isEmoji(first, properties, in: text) {
            return token(.emoji, range, form: TextNormalizer.emojiForm(text))
        }
        if isApostrophe(first), text.unicodeScalars.count == 1, let clitic = clitic(after: segment) {
            index += 1
            let cliticRange = range.lowerBound..<clitic.end
            return Token(kind: .word, form: TextNormalizer.wordForm(string(cliticRange)).form, range: cliticRange, flags: .apostrophe)
        }
        if properties.contains(.punctuation) {
            return punctuationRun(from: segment, first: first)
        }
        return token(.symbol, range, form: text)
    }

    /// `!`, `?` and repeated punctuation joined into one token; emphatic when it is a run
    /// of `!`/`?` or contains `‼`/`⁉`.
    private mutating func punctuationRun(from segment: WordSegment, first: Unicode.Scalar) -> Token {
        let isExclamationOrQuestion = { (scalar: Unicode.Scalar) in scalar == "!" || scalar == "?" || scalar == "‼" || scalar == "⁉" }
        var end = segment.end
        while index < segments.count, segments[index].start == end {
            let next = string(segments[index].start..<segments[index].end)
            guard next.unicodeScalars.count == 1, let scalar = next.unicodeScalars.first else { break }
            let joins = isExclamationOrQuestion(first) ? isExclamationOrQuestion(scalar) : scalar == first
            guard joins else { break }
            end = segments[index].end
            index += 1
        }
        let range = segment.start..<end
        let written = string(range)
        let emphatic = isExclamationOrQuestion(first) && (written.unicodeScalars.count > 1 || first == "‼" || first == "⁉")
        return Token(kind: .punctuation, form: written, range: range, flags: emphatic ? .emphatic : [])
    }

    // MARK: Helpers

    private static let clitics: Set<String> = ["t", "n", "s", "k", "m", "r", "ns", "ie", "em"]

    /// The letter segment right after an apostrophe that makes a Dutch clitic (`'t`, `'n`),
    /// when the apostrophe does not follow a letter.
    private func clitic(after apostrophe: WordSegment) -> WordSegment? {
        guard index < segments.count else { return nil }
        let next = segments[index]
        guard next.kind == .letter, next.start == apostrophe.end,
            Self.clitics.contains(string(next.start..<next.end).lowercased())
        else { return nil }
        if apostrophe.start > 0, let previous = tokens.last, previous.range.upperBound == apostrophe.start,
            previous.kind == .word
        {
            return nil
        }
        return next
    }

    private func isEmoji(_ first: Unicode.Scalar, _ properties: CharacterProperties, in text: String) -> Bool {
        if properties.contains(.regionalIndicator) || properties.contains(.emojiModifier) { return true }
        if properties.contains(.extendedPictographic) {
            return first.value >= 0x2300 || text.unicodeScalars.contains("\u{FE0F}")
        }
        return text.unicodeScalars.contains("\u{20E3}")
    }

    private func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}"
    }

    /// Whether the bytes are `-`, U+2010 or U+2011 (UTF-8 `E2 80 90` / `E2 80 91`).
    private func isHyphen(_ range: Range<Int>) -> Bool {
        switch range.count {
        case 1: return bytes[range.lowerBound] == UInt8(ascii: "-")
        case 3:
            return bytes[range.lowerBound] == 0xE2 && bytes[range.lowerBound + 1] == 0x80
                && (bytes[range.lowerBound + 2] == 0x90 || bytes[range.lowerBound + 2] == 0x91)
        default: return false
        }
    }

    private func containsKeycap(_ range: Range<Int>) -> Bool {
        string(range).unicodeScalars.contains("\u{20E3}")
    }

    /// Whether a word is written in capitals: two or more letters, none lower-case.
    static func isAllCaps(_ written: String) -> Bool {
        var upper = 0
        for scalar in written.unicodeScalars {
            let properties: CharacterProperties =
                switch scalar.value {
                case 0x41...0x5A: .uppercase
                case 0x61...0x7A: .lowercase
                case 0..<0x80: []
                default: CharacterProperties(of: scalar)
                }
            if properties.contains(.lowercase) { return false }
            if properties.contains(.uppercase) { upper += 1 }
        }
        return upper >= 2
    }

    /// The words of a hashtag body, split where a lower-case letter meets a capital and at
    /// digits and underscores: `NietMeer` gives `niet`, `meer`.
    static func hashtagWords(_ body: UnsafeBufferPointer<UInt8>) -> [String] {
        let written = String(decoding: body, as: UTF8.self)
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        var previousWasDigit = false
        for character in written {
            let isDigit = character.isNumber
            if character == "_" || (character.isUppercase && previousWasLower) || (isDigit != previousWasDigit && !current.isEmpty) {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
            if character != "_" { current.append(character) }
            previousWasLower = character.isLowercase
            previousWasDigit = isDigit
        }
        if !current.isEmpty { words.append(current) }
        return words.map { TextNormalizer.wordForm($0).form }
    }

    private func token(_ kind: TokenKind, _ range: Range<Int>, form: String) -> Token {
        Token(kind: kind, form: form, range: range)
    }

    private func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: slice(range), as: UTF8.self)
    }

    private mutating func append(_ token: Token) { tokens.append(token) }

    /// Moves past every segment that ends at or before `offset`; a segment that straddles
    /// it keeps only its remainder.
    private mutating func skip(to offset: Int) {
        while index < segments.count, segments[index].end <= offset { index += 1 }
        if index < segments.count, segments[index].start < offset {
            segments[index].start = offset
            segments[index].kind = .none
        }
    }

    private mutating func assignSentences() {
        var sentence = 0
        for position in tokens.indices {
            while sentence + 1 < sentenceStarts.count, sentenceStarts[sentence + 1] <= tokens[position].range.lowerBound {
                sentence += 1
            }
            tokens[position].sentence = sentence
        }
    }
}
