/// The language of a text as Opine sees it: English, Dutch, or undetermined.
///
/// Opine scores English and Dutch. Everything else — another language, emoji only,
/// numbers or links only, or too little text to tell — is ``undetermined``. The raw
/// values are the BCP 47 / ISO 639 codes `en`, `nl` and `und`.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    /// English (`en`).
    case english = "en"
    /// Dutch (`nl`).
    case dutch = "nl"
    /// Undetermined (`und`): another language, or not enough letters to tell.
    case undetermined = "und"
}

/// A language and how sure the identifier is of it.
///
/// ``confidence`` is in [0, 1] and reads as the model's estimate of the probability that
/// ``language`` is right. For ``Language/english`` and ``Language/dutch`` it is the
/// model's probability of that language, and never below 0.5: a guess under that
/// becomes ``Language/undetermined``. For ``Language/undetermined`` it is one minus the
/// probability of the likelier of English and Dutch, and 1 when the text has no letters
/// to judge (empty, emoji, numbers, links).
public struct LanguageGuess: Sendable, Hashable, Codable {
    /// The language: English, Dutch or undetermined.
    public var language: Language
    /// How sure the identifier is, from 0 to 1.
    public var confidence: Double

    /// Creates a guess.
    public init(language: Language, confidence: Double) {
        self.language = language
        self.confidence = confidence
    }
}
