/// The constants of the scoring rules, with their defaults and where they come from.
///
/// VADER's published constants are the starting point (Hutto & Gilbert 2014); the others
/// were set on the development corpora (`train` files and the VADER sets), never on the
/// `test` files.
public struct ScoringParameters: Sendable, Hashable, Codable {
    /// Factor on a negated positive term (VADER's N_SCALAR): `not good` ≈ -0.74 × good.
    public var negation = -0.74
    /// Factor on a negated negative term, the litotes: `not bad` is mildly positive.
    public var litotes = -0.35
    /// How many words before a term a negator reaches.
    public var negationWindow = 3
    /// Added to the magnitude of a term written in capitals among lower-case text (VADER).
    public var allCapsBoost = 0.733
    /// Added to the magnitude of an elongated term (`goooood`).
    public var elongationBoost = 0.3
    /// How many words before a term an intensifier or downtoner reaches.
    public var intensifierWindow = 2
    /// Weight of the clause before `but`/`maar` (VADER: 0.5; the clause after: 1.5).
    public var beforeContrast = 0.5
    /// Weight of terms in a question sentence.
    public var question = 0.6
    /// Added to a sentence's magnitude per `!`, at most four (VADER: 0.292).
    public var exclamation = 0.292
    /// The compound's normalization constant, s / sqrt(s² + alpha) (VADER: 15).
    public var alpha = 15.0
    /// Boost of a Dutch intensifying prefix (`super`, `mega`, `kei`) on the rest of the word.
    public var prefixBoost = 0.3

    /// The default parameters.
    public init() {}
}
