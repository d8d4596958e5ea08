internal import CICU

/// The normal forms that tokens and lexicon entries are compared in.
///
/// Words are case-folded and NFC-normalized (so decomposed input matches precomposed
/// input), typographic apostrophes become ASCII `'`, and letters repeated three or more
/// times for emphasis are collapsed. Emoji lose variation selectors and skin-tone
/// modifiers, so 👍🏽 and 👍 share the form 👍.
///
/// ```swift
/// TextNormalizer.fold("Geïrriteerd")      // "geïrriteerd"
/// TextNormalizer.wordForm("Goooood")      // ("good", elongated: true)
/// TextNormalizer.emojiForm("👍🏽")          // "👍"
/// ```
public enum TextNormalizer {
    /// Case-folds and NFC-normalizes `text`.
    public static func fold(_ text: some StringProtocol) -> String {
        var copy = String(text)
        return copy.withUTF8 { fold(utf8: $0) }
    }

    /// Case-folds and NFC-normalizes UTF-8 bytes; ill-formed bytes become U+FFFD.
    static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() {
                    buffer[index] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
        return bytes.withMemoryRebound(to: CChar.self) { source in
            var capacity = source.count * 2 + 16
            while true {
                var result: String?
                let needed = withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { out in
                    let needed = Int(opine_fold_nfc(source.baseAddress, Int32(source.count), out.baseAddress, Int32(capacity)))
                    if needed >= 0 && needed <= capacity {
                        result = String(decoding: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(out)[0..<needed]), as: UTF8.self)
                    }
                    return needed
                }
                if let result { return result }
                if needed < 0 { return String(decoding: UnsafeRawBufferPointer(bytes), as: UTF8.self) }
                capacity = needed
            }
        }
    }

    /// The lexicon form of a word: folded, apostrophes made ASCII, elongation collapsed.
    ///
    /// A run of three or more of the same letter is emphasis: at the end of the word it
    /// collapses to one letter (`sooooo` → `so`, `superrrr` → `super`), inside the word to
    /// two (`goooood` → `good`). ``elongationVariants(of:)`` gives the other readings.
    public static func wordForm(_ written: some StringProtocol) -> (form: String, elongated: Bool) {
        let folded = normalizeApostrophes(fold(written))
        guard hasElongation(folded) else { return (folded, false) }
        return (collapseElongation(folded), true)
    }

    /// Every reading of an elongated word, each letter run read as one or two letters,
    /// most likely first; empty when the word has no elongation. At most 16 variants.
    ///
    /// `greeeeat` gives `greeat`, `great`; the scorer keeps the first one its lexicon knows.
    public static func elongationVariants(of written: some StringProtocol) -> [String] {
        let folded = Array(normalizeApostrophes(fold(written)))
        var runs: [(character: Character, length: Int)] = []
        for character in folded {
            if let last = runs.last, last.character == character {
                runs[runs.count - 1].length += 1
            } else {
                runs.append((character, 1))
            }
        }
        let elongated = runs.indices.filter { runs[$0].length >= 3 && runs[$0].character.isLetter }
        guard !elongated.isEmpty else { return [] }
        let choices = elongated.prefix(4)
        var variants: [String] = []
        for mask in 0..<(1 << choices.count) {
            var text = ""
            for (index, run) in runs.enumerated() {
                if let position = choices.firstIndex(of: index) {
                    let bit = (mask >> (position - choices.startIndex)) & 1
                    text += String(repeating: run.character, count: bit == 0 ? 2 : 1)
                } else {
                    text += String(repeating: run.character, count: run.length >= 3 && run.character.isLetter ? 1 : run.length)
                }
            }
            variants.append(text)
        }
        let preferred = collapseElongation(String(folded))
        variants.removeAll { $0 == preferred }
        return [preferred] + variants
    }

    /// Replaces typographic apostrophes (’ ‘ ʼ ´ `) with `'`.
    public static func normalizeApostrophes(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 || $0 == 0x60 }) else { return text }
        var result = ""
        result.unicodeScalars.append(
            contentsOf: text.unicodeScalars.map { scalar in
                switch scalar.value {
                case 0x2019, 0x2018, 0x02BC, 0x00B4, 0x0060: "'"
                default: scalar
                }
            })
        return result
    }

    /// The form of an emoji: without variation selectors and skin-tone modifiers.
    public static func emojiForm(_ text: some StringProtocol) -> String {
        var result = ""
        result.unicodeScalars.append(
            contentsOf: text.unicodeScalars.filter { scalar in
                !(0xFE00...0xFE0F).contains(scalar.value) && !(0x1F3FB...0x1F3FF).contains(scalar.value)
            })
        return result.isEmpty ? String(text) : result
    }

    private static func hasElongation(_ text: String) -> Bool {
        var previous: Character?
        var run = 0
        for character in text {
            if character == previous {
                run += 1
                if run >= 3 && character.isLetter { return true }
            } else {
                previous = character
                run = 1
            }
        }
        return false
    }

    private static func collapseElongation(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            var end = index + 1
            while end < characters.count && characters[end] == characters[index] { end += 1 }
            let length = end - index
            if length >= 3 && characters[index].isLetter {
                result.append(String(repeating: characters[index], count: end == characters.count ? 1 : 2))
            } else {
                result.append(contentsOf: characters[index..<end])
            }
            index = end
        }
        return result
    }
}

/// The Unicode properties the tokenizer needs, from ICU.
struct CharacterProperties: OptionSet {
    let rawValue: Int32

    static let extendedPictographic = CharacterProperties(rawValue: Int32(OPINE_CHAR_EXTENDED_PICTOGRAPHIC))
    static let regionalIndicator = CharacterProperties(rawValue: Int32(OPINE_CHAR_REGIONAL_INDICATOR))
    static let emojiModifier = CharacterProperties(rawValue: Int32(OPINE_CHAR_EMOJI_MODIFIER))
    static let uppercase = CharacterProperties(rawValue: Int32(OPINE_CHAR_UPPERCASE))
    static let lowercase = CharacterProperties(rawValue: Int32(OPINE_CHAR_LOWERCASE))
    static let punctuation = CharacterProperties(rawValue: Int32(OPINE_CHAR_PUNCTUATION))
    static let whiteSpace = CharacterProperties(rawValue: Int32(OPINE_CHAR_WHITE_SPACE))

    init(rawValue: Int32) { self.rawValue = rawValue }

    init(of scalar: Unicode.Scalar) {
        rawValue = opine_char_properties(Int32(bitPattern: scalar.value))
    }
}
