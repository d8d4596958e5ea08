/// The finite forms and past participles of Dutch weak verbs, made from the infinitives
/// of the lexicon, which lists verbs only as infinitives: `weigeren` gives `weigert`,
/// `weigerde(n)` and `geweigerd`; `slagen` gives `slaagt`; `verwennen` gives `verwend`.
/// Snowball reduces none of these to the infinitive's stem (`weigert` stays `weigert`).
///
/// ```swift
/// DutchVerbForms.forms(ofInfinitive: "stellen")   // ["stelt", "gesteld", "stelde", "stelden"]
/// DutchVerbForms.forms(ofInfinitive: "dromen")    // ["droomt", "gedroomd", "droomde", "droomden"]
/// ```
///
/// Only the regular (weak) conjugation is made; strong verbs (`schieten`, `schoot`,
/// `geschoten`) keep just the forms that happen to be regular (`schiet`). Where the
/// spelling of the stem cannot be told from the infinitive (`weigeren`, stem `weiger`,
/// against `reserveren`, stem `reserveer`), both readings are made: the wrong one is not a
/// Dutch word and never occurs.
enum DutchVerbForms {
    /// Prefixes that take the stress off the first syllable and the `ge-` off the
    /// participle (`bestellen`, `besteld`).
    private static let unstressedPrefixes = ["be", "ge", "ver", "ont", "her", "er"]

    /// The stem consonants after which the past takes `-t(e)` instead of `-d(e)`
    /// ('t kofschip), as spelled in the infinitive.
    private static let voicelessEndings: Set<Character> = ["t", "k", "f", "s", "p", "x"]

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// The present (`-t`), past (`-de`, `-den`, `-te`, `-ten`) and participle forms of
    /// the infinitive, empty when it is no plain verb infinitive (`-en` after a consonant,
    /// five letters or more, ASCII).
    static func forms(ofInfinitive infinitive: String) -> [String] {
        guard infinitive.utf8.count >= 5, infinitive.utf8.allSatisfy({ (0x61...0x7A).contains($0) }),
              infinitive.hasSuffix("en")
        else { return [] }
        let root = Array(infinitive.dropLast(2))
        guard let last = root.last, !vowels.contains(last), root.count >= 3 else { return [] }
        let voiceless = voicelessEndings.contains(last) || root.suffix(2) == ["c", "h"]
        let prefixed = unstressedPrefixes.contains { infinitive.hasPrefix($0) && infinitive.count - $0.count >= 5 }
        return stems(of: root).flatMap { stem in
            let ending = voiceless ? "t" : "d"
            let present = stem.hasSuffix("t") ? stem : stem + "t"
            let participleBody = stem.hasSuffix(ending) ? stem : stem + ending
            let participle = prefixed ? participleBody : "ge" + participleBody
            return [present, participle, stem + ending + "e", stem + ending + "en"]
        }
    }

    /// The stem (the first person singular) read from the infinitive without `-en`: a
    /// doubled consonant is single (`stell` → `stel`); a single vowel before one
    /// consonant stood in an open syllable and is long, so it is doubled (`drom` →
    /// `droom`), except for an `e` in an unstressed syllable, which is a schwa
    /// (`weiger`); a final `v` or `z` is spelled `f` or `s` (`leef`, `verbaas`).
    private static func stems(of root: [Character]) -> [String] {
        var readings: [[Character]] = []
        let count = root.count
        if root[count - 1] == root[count - 2] {
            readings = [Array(root.dropLast())]
        } else if vowels.contains(root[count - 2]), let vowel = singleVowel(before: count - 1, in: root) {
            var long = root
            long.insert(root[vowel], at: vowel)
            if root[vowel] == "e", syllables(inStressedPart: root) > 1 {
                readings = [root, long]
            } else {
                readings = [long]
            }
        } else {
            readings = [root]
        }
        return readings.map { reading in
            var stem = String(reading)
            if stem.hasSuffix("v") { stem = String(stem.dropLast()) + "f" }
            if stem.hasSuffix("z") { stem = String(stem.dropLast()) + "s" }
            return stem
        }
    }

    /// The position of the vowel before `index` when it stands alone (`a`, `e`, `o`, `u`
    /// not next to another vowel), nil otherwise (`ui`, `ei`, `ie`, `aa`).
    private static func singleVowel(before index: Int, in root: [Character]) -> Int? {
        let vowel = index - 1
        guard "aeou".contains(root[vowel]) else { return nil }
        if vowel > 0, vowels.contains(root[vowel - 1]) { return nil }
        return vowel
    }

    /// The number of vowel groups after an unstressed prefix (`bestel` counts `stel`).
    private static func syllables(inStressedPart root: [Character]) -> Int {
        var part = root[...]
        for prefix in unstressedPrefixes where root.starts(with: prefix) && root.count - prefix.count >= 3 {
            part = root.dropFirst(prefix.count)
            break
        }
        var groups = 0
        var previousWasVowel = false
        for character in part {
            let isVowel = vowels.contains(character)
            if isVowel, !previousWasVowel { groups += 1 }
            previousWasVowel = isVowel
        }
        return groups
    }
}
