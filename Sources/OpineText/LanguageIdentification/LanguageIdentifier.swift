#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells whether a comment is English, Dutch or neither, with a confidence.
///
/// A small multinomial (naive Bayes) model scores every word's character 1-, 2- and
/// 3-grams (with the word's edges marked, `" th"`, `"he "`) and hand-written lists of
/// function words, for English and Dutch and for the decoy languages German, French,
/// Spanish, Italian, Portuguese, Danish, Swedish, Polish and Czech. The scores are
/// tempered, given a prior towards English and Dutch (the languages Opine's users
/// receive), and turned into probabilities. The majority language of a mixed text wins,
/// since every word adds its evidence. The result is ``Language/undetermined`` when
/// - a decoy language wins (so German or French text comes out `und`),
/// - the winner's probability is below 0.5,
/// - the text has fewer than two Latin letters in words and hashtags (empty, emoji only,
///   numbers, links or mentions only), or more letters of other scripts than Latin.
///
/// English or Dutch is therefore only ever returned with confidence ≥ 0.5: that is what
/// "high confidence" means in Opine, and other languages are built to stay below it.
/// See ``LanguageGuess`` for what the confidence of `und` means.
///
/// Only word and hashtag tokens count: mentions, links, e-mail addresses, numbers and
/// emoji are ignored. The identifier is a value with no mutable state; the model is
/// built once, on first use, and shared. Call it from any number of threads.
///
/// ```swift
/// let identifier = LanguageIdentifier()
/// identifier.identify("Wat een top service!")           // nl, confidence ≈ 1
/// identifier.identify("Worst purchase ever, never again") // en
/// identifier.identify("Das ist wirklich sehr schlecht")   // und (German)
/// identifier.identify("👍🏽🔥")                              // und, confidence 1
///
/// let tokens = Tokenizer().tokenize("ik vond het niet leuk")
/// let guess = identifier.identify(tokens)
/// if guess.language == .dutch { print(guess.confidence) }
/// ```
public struct LanguageIdentifier: Sendable {
    /// The lowest probability at which English or Dutch is returned; below it, `und`.
    static let minimumConfidence = 0.5

    // The temperature, the prior and LanguageModel.functionWordBonus were chosen with
    // `scripts/eval-language.py --tune` on non-test data only: the train files and VADER
    // sets of the development corpora (full texts and 5-word slices) and decoy sentences
    // written for tuning, never a *-test file nor the decoys the measurement reports.
    // Grid: bonus 2-10, prior 0-15 raw nats, temperature 1-5; rule, in order: fewest
    // decoys called en/nl, mean accuracy within 0.1 point of the best, fewest decoys with
    // an en/nl probability of 0.1 or more, lowest log-loss. Neighbouring settings score
    // within a few texts of it.

    /// Scores are divided by this before the softmax: the overlapping 1-, 2- and 3-grams
    /// of a word are far from independent, so the raw naive Bayes odds are overconfident.
    static let temperature: Float = 2
    /// The log-prior, after tempering, of English and of Dutch over each decoy language.
    static let englishDutchPrior: Float = 5

    private let model: LanguageModel

    /// Creates an identifier (the shared model is built on first use).
    public init() {
        model = LanguageModel.shared
    }

    /// Identifies the language of a tokenized text from its word and hashtag tokens.
    ///
    /// The token forms must be as ``Tokenizer`` makes them (case-folded, NFC).
    public func identify(_ text: TokenizedText) -> LanguageGuess {
        var evidence = Evidence()
        // The tokens are read in place, not copied with their strings.
        let tokens = text.tokens
        model.withGrams { grams in
            for index in tokens.indices {
                switch tokens[index].kind {
                case .word:
                    add(tokens[index].form, skippingFirstByte: false, to: &evidence, grams)
                case .hashtag:
                    if tokens[index].parts.isEmpty {
                        add(tokens[index].form, skippingFirstByte: true, to: &evidence, grams)
                    } else {
                        for part in tokens[index].parts { add(part, skippingFirstByte: false, to: &evidence, grams) }
                    }
                default:
                    break
                }
            }
        }
        return decide(evidence)
    }

    /// Tokenizes a text with ``Tokenizer`` and identifies its language.
    public func identify(_ text: String) -> LanguageGuess {
        identify(Tokenizer().tokenize(text))
    }

    // MARK: Scoring

    /// What the words of a text add up to.
    struct Evidence {
        /// Per-language sums of log-probabilities and function-word bonuses.
        var scores = SIMD16<Float>(repeating: 0)
        /// Letters whose unigram the model knows (Latin script).
        var knownLetters = 0
        /// Letters of other scripts.
        var unknownLetters = 0
    }

    private func add(_ word: String, skippingFirstByte: Bool, to evidence: inout Evidence, _ grams: LanguageModel.Grams) {
        let done: Void? = word.utf8.withContiguousStorageIfAvailable { bytes in
            add(bytes, skippingFirstByte: skippingFirstByte, to: &evidence, grams)
        }
        if done == nil {
            let bytes = Array(word.utf8)
            bytes.withUnsafeBufferPointer { add($0, skippingFirstByte: skippingFirstByte, to: &evidence, grams) }
        }
    }

    /// Adds one word's n-grams and function-word bonus. Letters are scalars with the
    /// Unicode property Alphabetic; anything else (apostrophe, hyphen, digit) ends a
    /// letter run, as in the generator.
    private func add(
        _ bytes: UnsafeBufferPointer<UInt8>, skippingFirstByte: Bool, to evidence: inout Evidence, _ grams: LanguageModel.Grams
    ) {
        let model = self.model
        let edge = LanguageModel.GramScalar(LanguageModel.edge)
        var scores = evidence.scores
        var hash = LanguageModel.fnvBasis
        var prefixHash: UInt64 = 0  // the word up to its first inner apostrophe, included
        var previous2 = LanguageModel.GramScalar.none
        var previous1 = LanguageModel.GramScalar.none  // none: not in a letter run
        var index = skippingFirstByte ? 1 : 0
        let start = index
        let count = bytes.count

        @inline(__always) func endRun(_ scores: inout SIMD16<Float>, _ previous2: inout LanguageModel.GramScalar, _ previous1: inout LanguageModel.GramScalar) {
            if previous1.value != 0 {
                grams.add(.none, previous1, edge, to: &scores)
                grams.add(previous2, previous1, edge, to: &scores)
                previous1 = .none
                previous2 = .none
            }
        }

        while index < count {
            let lead = bytes[index]
            var value: UInt32
            var length: Int
            if lead < 0x80 {
                value = UInt32(lead)
                length = 1
            } else if lead < 0xE0 {
                value = UInt32(lead & 0x1F)
                length = 2
            } else if lead < 0xF0 {
                value = UInt32(lead & 0x0F)
                length = 3
            } else {
                value = UInt32(lead & 0x07)
                length = 4
            }
            if index + length > count { break }
            for offset in 0..<length {
                let byte = bytes[index + offset]
                hash = LanguageModel.fnv(hash, byte)
                if offset > 0 { value = (value << 6) | UInt32(byte & 0x3F) }
            }
            if lead == UInt8(ascii: "'"), index > start, prefixHash == 0 { prefixHash = hash }
            index += length

            let isLetter: Bool
            if value < 0x80 {
                if value >= 0x41 && value <= 0x5A { value |= 0x20 }
                isLetter = value >= 0x61 && value <= 0x7A
            } else {
                isLetter = Unicode.Scalar(value)?.properties.isAlphabetic ?? false
            }
            guard isLetter else {
                endRun(&scores, &previous2, &previous1)
                continue
            }
            let scalar = LanguageModel.GramScalar(UInt64(value))
            if grams.add(.none, .none, scalar, to: &scores) {
                evidence.knownLetters += 1
            } else {
                evidence.unknownLetters += 1
            }
            if previous1.value == 0 {
                previous1 = edge
                previous2 = .none
            }
            grams.add(.none, previous1, scalar, to: &scores)
            if previous2.value != 0 { grams.add(previous2, previous1, scalar, to: &scores) }
            previous2 = previous1
            previous1 = scalar
        }
        endRun(&scores, &previous2, &previous1)

        if let row = model.row(LanguageModel.wordKey(hash)) {
            scores += grams.rows[row]
        } else if prefixHash != 0, let row = model.row(LanguageModel.wordKey(prefixHash)) {
            scores += grams.rows[row]
        }
        evidence.scores = scores
    }

    private func decide(_ evidence: Evidence) -> LanguageGuess {
        guard evidence.knownLetters >= 2 else {
            return LanguageGuess(language: .undetermined, confidence: 1)
        }
        if evidence.unknownLetters > evidence.knownLetters {
            let letters = evidence.unknownLetters + evidence.knownLetters
            return LanguageGuess(language: .undetermined, confidence: Double(evidence.unknownLetters) / Double(letters))
        }
        var logits = evidence.scores / Self.temperature
        logits[0] += Self.englishDutchPrior
        logits[1] += Self.englishDutchPrior
        let count = model.languages.count
        var top = logits[0]
        for index in 1..<count { top = max(top, logits[index]) }
        var total = 0.0
        for index in 0..<count { total += exp(Double(logits[index] - top)) }
        let english = exp(Double(logits[0] - top)) / total
        let dutch = exp(Double(logits[1] - top)) / total
        let best = max(english, dutch)
        guard best >= Self.minimumConfidence else {
            return LanguageGuess(language: .undetermined, confidence: 1 - best)
        }
        return LanguageGuess(language: english >= dutch ? .english : .dutch, confidence: best)
    }
}
