import Foundation
import OpineText
import Testing

/// Tokenizer behaviour, one group per kind of thing real comments contain. Expected
/// tokens are worked out by hand from the rules in the tokenizer's documentation.
struct TokenizerTests {
    let tokenizer = Tokenizer()

    func tokens(_ text: String) -> [Token] { tokenizer.tokenize(text).tokens }
    func forms(_ text: String) -> [String] { tokens(text).map(\.form) }
    func kinds(_ text: String) -> [TokenKind] { tokens(text).map(\.kind) }

    // MARK: Long texts

    @Test func textWithMoreBoundariesThanOneBatchKeepsEveryWord() {
        // 300 words and 299 spaces: ICU's boundaries come in batches, and none is lost
        // where one batch ends.
        let words = (0..<300).map { ["alpha", "beta", "gamma"][$0 % 3] }
        let text = words.joined(separator: " ")
        let result = tokens(text)
        #expect(result.map(\.form) == words)
        #expect(result.last?.range == (text.utf8.count - 5)..<text.utf8.count)
    }

    // MARK: Emoji and emoticons

    @Test func zwjSequenceIsOneEmojiWithItsByteRange() {
        // "Family " is 7 bytes; 👨 👩 👧 are 4 bytes each and the two ZWJs 3 each: 18 bytes.
        let result = tokens("Family 👨‍👩‍👧 time")
        #expect(result.map(\.kind) == [.word, .emoji, .word])
        #expect(result[1].range == 7..<25)
        #expect(result[1].form == "👨‍👩‍👧")
    }

    @Test func skinToneStaysWithItsEmojiAndLeavesTheForm() {
        let result = tokens("👍🏽👍")
        #expect(result.map(\.kind) == [.emoji, .emoji])
        #expect(result.map(\.form) == ["👍", "👍"])
        #expect(result[0].range == 0..<8)
    }

    @Test func flagsAreRegionalIndicatorPairs() {
        let result = tokens("🇳🇱🇧🇪")
        #expect(result.map(\.kind) == [.emoji, .emoji])
        #expect(result.map(\.range) == [0..<8, 8..<16])
    }

    @Test func keycapIsOneEmojiNotANumber() {
        // 1 + U+FE0F + U+20E3: one grapheme; the form drops the variation selector.
        let result = tokens("1️⃣ keer")
        #expect(result.map(\.kind) == [.emoji, .word])
        #expect(result[0].form == "1\u{20E3}")
    }

    @Test func variationSelectorDoesNotChangeTheForm() {
        let result = tokens("❤️ ❤")
        #expect(result.map(\.kind) == [.emoji, .emoji])
        #expect(result[0].form == result[1].form)
        #expect(result[0].form == "❤")
    }

    @Test(arguments: [":)", ":-(", ":D", ";)", ":P", "<3", "</3", ":'(", "xD", "^^", ":/", "-_-"])
    func asciiEmoticonIsOneToken(_ emoticon: String) {
        let result = tokens("ok \(emoticon) ok")
        #expect(result.map(\.kind) == [.word, .emoticon, .word])
        #expect(result[1].form == emoticon)
    }

    @Test func emoticonRightAfterAWordAndWithARepeatedMouth() {
        let result = tokens("great:))) lol")
        #expect(result.map(\.kind) == [.word, .emoticon, .word])
        #expect(result[1].form == ":)")
        #expect(result[1].flags.contains(.emphatic))
    }

    @Test func lettersAndTimesAreNotEmoticons() {
        #expect(kinds(":Dit") == [.punctuation, .word])
        #expect(kinds("10:30") == [.number, .punctuation, .number])
        #expect(kinds("exD") == [.word])
    }

    // MARK: Web syntax

    @Test func hashtagIsOneTokenAndKeepsItsWords() {
        let result = tokens("#nietmeer #NietMeer #klanten_service")
        #expect(result.map(\.kind) == [.hashtag, .hashtag, .hashtag])
        #expect(result.map(\.form) == ["#nietmeer", "#nietmeer", "#klanten_service"])
        #expect(result[0].parts == ["nietmeer"])
        #expect(result[1].parts == ["niet", "meer"])
        #expect(result[2].parts == ["klanten", "service"])
        #expect(tokenizer.tokenize("#NietMeer").words == ["niet", "meer"])
    }

    @Test func mentionsAreOneToken() {
        let result = tokens("@KPN en @jan_de.vries")
        #expect(result.map(\.kind) == [.mention, .word, .mention])
        #expect(result[0].form == "@kpn")
        #expect(result[2].form == "@jan_de.vries")
    }

    @Test func urlsAreOneTokenWithoutTrailingPunctuation() {
        let text = "Zie https://www.kpn.com/klantenservice?id=12&x=y. En www.bol.com, of bol.com!"
        let result = tokens(text)
        #expect(result.map(\.kind) == [.word, .url, .punctuation, .word, .url, .punctuation, .word, .url, .punctuation])
        #expect(tokenizer.tokenize(text).text(of: result[1]) == "https://www.kpn.com/klantenservice?id=12&x=y")
    }

    @Test func emailAddressesAreOneToken() {
        let result = tokens("Mail klantenservice@bol.com of jan.de-vries+x@mail.example.nl.")
        #expect(result.map(\.kind) == [.word, .email, .word, .email, .punctuation])
        #expect(result[3].form == "jan.de-vries+x@mail.example.nl")
    }

    // MARK: Emphasis

    @Test func punctuationRunsCarryEmphasis() {
        let result = tokens("Nee!!! Echt?! Ok.")
        #expect(result.map(\.form) == ["nee", "!!!", "echt", "?!", "ok", "."])
        #expect(result[1].flags.contains(.emphatic))
        #expect(result[3].flags.contains(.emphatic))
        #expect(!result[5].flags.contains(.emphatic))
    }

    @Test func allCapsIsFlaggedButTheFormIsFolded() {
        let result = tokens("GREAT Great I OK")
        #expect(result.map(\.form) == ["great", "great", "i", "ok"])
        #expect(result.map { $0.flags.contains(.allCaps) } == [true, false, false, true])
    }

    @Test func elongatedWordsAreCollapsedAndFlagged() {
        let result = tokens("sooooo goooood superrrr good")
        #expect(result.map(\.form) == ["so", "good", "super", "good"])
        #expect(result.map { $0.flags.contains(.elongated) } == [true, true, true, false])
    }

    @Test func elongationVariantsOfferEveryReading() {
        let variants = TextNormalizer.elongationVariants(of: "greeeeat")
        #expect(variants.first == "greeat")
        #expect(variants.contains("great"))
        #expect(TextNormalizer.elongationVariants(of: "great").isEmpty)
    }

    // MARK: Contractions, clitics, hyphens, diacritics

    @Test(arguments: ["don't", "isn't", "won't", "can't"])
    func englishContractionIsOneWord(_ word: String) {
        let result = tokens("I \(word) care")
        #expect(result.map(\.form) == ["i", word, "care"])
        #expect(result[1].flags.contains(.apostrophe))
    }

    @Test func typographicApostropheGivesTheAsciiForm() {
        #expect(forms("don’t") == ["don't"])
        #expect(forms("z’n") == ["z'n"])
    }

    @Test func dutchCliticsAndPossessivesAreWords() {
        let result = tokens("'t Is zo'n gedoe met m'n auto's, z'n baby's en d'r 'n boel")
        #expect(
            result.map(\.form) == [
                "'t", "is", "zo'n", "gedoe", "met", "m'n", "auto's", ",", "z'n", "baby's", "en", "d'r", "'n", "boel",
            ])
        #expect(result.filter { $0.kind == .word }.count == 13)
    }

    @Test func quotedWordIsNotAClitic() {
        // An apostrophe right after a word closes a quote; it does not start `'t`.
        #expect(forms("zei 'top' toen").contains("top"))
    }

    @Test func hyphenatedWordsAreOneTokenWithParts() {
        let result = tokens("mijn e-mail aan de klanten-service - nu")
        #expect(result.map(\.form) == ["mijn", "e-mail", "aan", "de", "klanten-service", "-", "nu"])
        #expect(result[1].parts == ["e", "mail"])
        #expect(result[4].parts == ["klanten", "service"])
        #expect(result[4].flags.contains(.hyphenated))
    }

    @Test func diacriticsAreKept() {
        #expect(forms("Één GEÏRRITEERD Café") == ["één", "geïrriteerd", "café"])
    }

    @Test func decomposedInputGivesTheSameFormsAsComposed() {
        let composed = "één geïrriteerde café-eigenaar"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array(composed.utf8))
        #expect(forms(decomposed) == forms(composed))
        #expect(tokens(decomposed).map(\.kind) == tokens(composed).map(\.kind))
    }

    // MARK: Robustness

    @Test func invalidUTF8IsReplacedNotFatal() {
        let bytes: [UInt8] = Array("goed ".utf8) + [0xFF, 0xC3] + Array(" service".utf8)
        let result = tokenizer.tokenize(utf8: bytes)
        #expect(result.text.contains("\u{FFFD}"))
        #expect(result.tokens.first?.form == "goed")
        #expect(result.tokens.last?.form == "service")
    }

    @Test(arguments: ["", " ", "\n\t  \r\n", "\u{00A0}\u{2003}"])
    func emptyAndWhitespaceOnlyTextsHaveNoTokens(_ text: String) {
        #expect(tokens(text).isEmpty)
    }

    @Test func nulBytesSeparateWordsAndAreNotTokens() {
        let result = tokens("goed\u{0}slecht\u{0}")
        #expect(result.map(\.form) == ["goed", "slecht"])
        #expect(result[1].range == 5..<11)
    }

    @Test func aTenMegabyteCommentIsTokenizedWhole() {
        let text = String(repeating: "goed ", count: 2 * 1024 * 1024)
        #expect(text.utf8.count == 10 * 1024 * 1024)
        let result = tokens(text)
        #expect(result.count == 2 * 1024 * 1024)
        #expect(result.last?.range == (text.utf8.count - 5)..<(text.utf8.count - 1))
    }

    // MARK: Sentences and ranges

    @Test func tokensKnowTheirSentence() {
        let tokenized = tokenizer.tokenize("Eten was top. Service was slecht! Nooit meer")
        #expect(tokenized.sentences.count == 3)
        #expect(tokenized.sentences.first?.lowerBound == 0)
        #expect(tokenized.sentences.last?.upperBound == tokenized.text.utf8.count)
        #expect(tokenized.tokens.map(\.sentence) == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2])
    }

    @Test func byteRangesPointAtTheWrittenText() {
        let tokenized = tokenizer.tokenize("Één café, GEWELDIG 👍🏽!")
        for token in tokenized.tokens {
            #expect(TextNormalizer.fold(tokenized.text(of: token)) == TextNormalizer.fold(token.form) || token.kind == .emoji)
        }
        #expect(tokenized.tokens.map(\.range) == [0..<5, 6..<11, 11..<12, 13..<21, 22..<30, 30..<31])
    }

    @Test func concurrentTokenizationGivesTheSameTokens() async {
        let texts = (0..<200).map { "Text \($0): sooo goed!!! 👍🏽 maar #NietMeer @kpn :( https://x.nl/\($0)" }
        let expected = texts.map { tokens($0) }
        let tokenizer = self.tokenizer
        let results = await withTaskGroup(of: (Int, [Token]).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, tokenizer.tokenize(text).tokens) }
            }
            var results = [[Token]](repeating: [], count: texts.count)
            for await (index, tokens) in group { results[index] = tokens }
            return results
        }
        #expect(results == expected)
    }
}
