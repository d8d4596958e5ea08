import Foundation

/// Dutch separable verbs read across their clause: in a main clause the particle of
/// `tegenvallen` or `aanraden` goes to the end (`het viel ons erg tegen`, `ik raad het
/// iedereen aan`), where no phrase of the lexicon reaches it.
///
/// ```swift
/// var slots = matcher.slots(for: text)          // `viel` neutral, `tegen` neutral
/// let particles = DutchSeparableVerbs.join(&slots, lexicon: dutch)
/// // `viel` now carries tegenvallen's valence; particles maps its position to `tegen`'s
/// ```
enum DutchSeparableVerbs {
    /// Finite forms of separable verbs whose infinitive carries sentiment, with the
    /// particles that complete them.
    private static let verbs = FormTable(verbList, nfc: { $0.precomposedStringWithCanonicalMapping })

    private static let verbList: [String: [(particle: String, infinitive: String)]] = {
        var table: [String: [(String, String)]] = [:]
        func add(_ forms: [String], _ particle: String, _ infinitive: String) {
            for form in forms { table[form, default: []].append((particle, infinitive)) }
        }
        add(["valt", "viel", "vielen"], "tegen", "tegenvallen")
        add(["valt", "viel", "vielen"], "mee", "meevallen")
        add(["raad", "raadt", "raden", "raadde", "raadden"], "aan", "aanraden")
        add(["raad", "raadt", "raden", "raadde", "raadden"], "af", "afraden")
        add(["beveel", "beveelt", "bevelen", "beval", "bevalen"], "aan", "aanbevelen")
        add(["staat", "stond", "stonden"], "tegen", "tegenstaan")
        add(["knap", "knapt", "knapte", "knapten"], "af", "afknappen")
        add(["blinkt", "blinken", "blonk", "blonken"], "uit", "uitblinken")
        add(["stel", "stelt", "stellen", "stelde", "stelden"], "teleur", "teleurstellen")
        add(["valt", "vallen", "viel", "vielen"], "weg", "wegvallen")
        add(["denkt", "denken", "dacht", "dachten"], "mee", "meedenken")
        add(["gaat", "gaan", "ging", "gingen"], "achteruit", "achteruitgaan")
        add(["gaat", "gaan", "ging", "gingen"], "vooruit", "vooruitgaan")
        return table
    }()

    /// Words after which a separable verb's particle ends its clause (`raad ik aan om`),
    /// or starts a prepositional phrase put after it (`blinkt uit in vis`).
    private static let particleFollowers: FormSet = [
        "om", "maar", "want", "omdat", "als", "en", "dat", "te", "in", "qua", "voor", "met", "bij", "door", "na",
    ]

    /// Gives a neutral finite verb the sentiment of its separable infinitive when its
    /// particle ends the clause after it (`viel ons tegen` as `tegenvallen`); returns the
    /// verb positions with their particle positions.
    static func join(_ slots: inout [Slot], lexicon: Lexicon) -> [Int: Int] {
        var joined: [Int: Int] = [:]
        for index in slots.indices {
            guard case .neutral = slots[index].role, let candidates = verbs[slots[index].form] else { continue }
            var position = index + 1
            search: while position < slots.count, position - index <= 10, slots[position].sentence == slots[index].sentence {
                switch slots[position].role {
                case .clauseBreak: break search
                case .modifier(let modifier) where modifier.role == .contrastAfter || modifier.role == .contrastBefore: break search
                default: break
                }
                if SentenceScorer.dutchClauseLinks.contains(slots[position].form) { break }
                if case .neutral = slots[position].role, let match = candidates.first(where: { $0.particle == slots[position].form }) {
                    let next = position + 1
                    let endsClause =
                        next >= slots.count || slots[next].sentence != slots[position].sentence
                        || slots[next].isClauseBreak
                        || particleFollowers.contains(slots[next].form)
                    if endsClause, let valence = lexicon.valence(of: match.infinitive), valence != 0 {
                        slots[index].role = .sentiment(valence: valence, entry: match.infinitive, match: .phrase)
                        joined[index] = position
                    }
                    break search
                }
                position += 1
            }
        }
        return joined
    }
}
