extension TextView {
    /// Suffixes of English adjectives that hardly end a noun in a restaurant or product
    /// review: `bustling`, `unpretensious`, `fastest`, `comfortable`, `different`,
    /// `endless`, `wonderful`, `attentive`. Not -ed (a dish name keeps its cooking word:
    /// `grilled branzino`, `fried dumplings`) nor -y (`crunchy tuna`, `spicy tuna roll`).
    static let englishAdjectiveSuffixes = ["ing", "ous", "est", "able", "ible", "ent", "less", "ful", "ive"]

    /// An English adjective among unknown words: at least five letters with an adjective
    /// suffix (``englishAdjectiveSuffixes``). Unknown words only: terms are checked first.
    static func looksLikeEnglishAttributive(_ form: String) -> Bool {
        guard form.unicodeScalars.count >= 5, form.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }) else { return false }
        return englishAdjectiveSuffixes.contains { form.hasSuffix($0) }
    }
}
