import OpineText

/// Dutch names spelled as lexicon words: Dutch capitalises only names and sentence starts,
/// so a capitalised word inside a sentence after a noun that introduces a name (`mijn
/// woonplaats Goor`) or after another capitalised word of no sentiment (`het Justitieel
/// Complex`, `de App Store`) is part of a name, not the word it is spelled as.
///
/// ```swift
/// var slots = matcher.slots(for: text)       // `Goor` carries goor's valence
/// DutchNames.neutralize(&slots, in: text)    // `Goor` is neutral
/// ```
enum DutchNames {
    /// Nouns that introduce a name after them (`mijn woonplaats Goor`, `de gemeente Best`,
    /// `meneer De Goede`).
    private static let nameNouns: FormSet = [
        "woonplaats", "dorp", "stad", "gemeente", "plaats", "provincie", "meneer", "mevrouw", "familie",
    ]

    /// Makes neutral each sentiment word of `slots` that is part of a name. A word after a
    /// capitalised sentence start (`Na Goede Vrijdag`), after a capitalised sentiment word
    /// (title case: `Geweldig Mooi`) or after a preposition keeps its sentiment: tweets
    /// capitalise common nouns too, and a preposition comes before names and common words
    /// alike (`van Ondernemend Nederland` is a name, measured worse on the Dutch development
    /// sets).
    static func neutralize(_ slots: inout [Slot], in text: TokenizedText) {
        for index in slots.indices.dropFirst() {
            guard case .sentiment(_, _, let match) = slots[index].role, match != .hashtag,
                isCapitalisedInsideSentence(index, slots, text),
                // The parts of one hyphenated token share its range: `Tof-Gezellig-Lekker`.
                slots[index - 1].range != slots[index].range
            else { continue }
            if nameNouns.contains(slots[index - 1].form) || isNamePart(index - 1, slots, text) { slots[index].role = .neutral }
        }
    }

    /// Whether the slot at `index` is a capitalised word of no sentiment inside its sentence.
    private static func isNamePart(_ index: Int, _ slots: [Slot], _ text: TokenizedText) -> Bool {
        guard case .neutral = slots[index].role else { return false }
        return isCapitalisedInsideSentence(index, slots, text)
    }

    /// Whether the slot at `index` is a word that starts with a capital (and is not written
    /// all in capitals) after another word of its sentence.
    private static func isCapitalisedInsideSentence(_ index: Int, _ slots: [Slot], _ text: TokenizedText) -> Bool {
        let slot = slots[index]
        guard index > 0, slot.isWord, !slot.flags.contains(.allCaps), slots[index - 1].sentence == slot.sentence, slots[index - 1].isWord
        else { return false }
        return text.startsWithCapital(slot.range)
    }
}
