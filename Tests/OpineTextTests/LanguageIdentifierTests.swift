import Foundation
import OpineText
import Testing

/// Language identification on hand-written texts whose language is known by
/// construction. "High confidence" is a confidence of 0.5 or more: English and Dutch
/// are only ever returned at that level, so other languages must come out `und`.
@Suite("LanguageIdentifier")
struct LanguageIdentifierTests {
    let identifier = LanguageIdentifier()

    @Test(
        "short Dutch posts are Dutch",
        arguments: [
            "Wat een top service!",
            "ik vond het niet leuk",
            "nooit meer bij deze winkel",
            "Bedankt voor de snelle reactie",
            "waarom duurt het zo lang?",
            "Het pakket is nog steeds niet bezorgd",
            "Super lekker gegeten, echt een aanrader",
            "de klantenservice is slecht bereikbaar",
            "Ik ben heel tevreden",
            "Zeer slecht, nooit meer 😡",
        ])
    func shortDutch(text: String) {
        let guess = identifier.identify(text)
        #expect(guess.language == .dutch, "\(text): \(guess)")
        #expect(guess.confidence >= 0.5)
    }

    @Test(
        "short English posts are English",
        arguments: [
            "Worst purchase ever, never again",
            "I love this product so much",
            "the delivery was late again",
            "Thanks for the quick reply!",
            "why is my order still not here?",
            "This is really good value",
            "customer service was very helpful",
            "not happy with the quality at all 👎",
            "What a great experience",
            "I would not recommend this shop",
        ])
    func shortEnglish(text: String) {
        let guess = identifier.identify(text)
        #expect(guess.language == .english, "\(text): \(guess)")
        #expect(guess.confidence >= 0.5)
    }

    @Test("longer reviews are identified with high confidence")
    func longerReviews() {
        let dutch = identifier.identify(
            "We hebben hier gisteren met vrienden gegeten. Het eten was lekker, de bediening vriendelijk "
                + "en de prijzen zijn redelijk. We komen zeker nog eens terug!")
        #expect(dutch.language == .dutch)
        #expect(dutch.confidence > 0.95)
        let english = identifier.identify(
            "We had dinner here last night with friends. The food was tasty, the staff were friendly "
                + "and the prices are fair. We will definitely come back!")
        #expect(english.language == .english)
        #expect(english.confidence > 0.95)
    }

    @Test("the majority language of a mixed text wins")
    func mixedTexts() {
        // A Dutch sentence with English loanwords: Dutch words are the majority.
        #expect(identifier.identify("De service was echt awesome, ik kom zeker terug").language == .dutch)
        #expect(identifier.identify("Wat een slechte customer service zeg").language == .dutch)
        // An English sentence with one Dutch word.
        let english = identifier.identify("The stroopwafels were great and the staff was friendly")
        #expect(english.language == .english)
    }

    @Test("hashtags count as words, mentions and links do not")
    func hashtagsAndMentions() {
        #expect(identifier.identify("#nooitmeer #slechteservice").language == .dutch)
        #expect(identifier.identify("@bol_com https://www.bol.com/nl/").language == .undetermined)
        #expect(identifier.identify("@kpn waarom werkt mijn internet weer niet?").language == .dutch)
    }

    @Test(
        "texts without letters to judge are undetermined with confidence 1",
        arguments: [
            "", "   ", "👍🏽🔥😍", ":) :( <3", "12345 67,50", "https://example.com/x", "@someone", "!!!", "k",
        ])
    func noEvidence(text: String) {
        let guess = identifier.identify(text)
        #expect(guess == LanguageGuess(language: .undetermined, confidence: 1), "\(text): \(guess)")
    }

    @Test(
        "German is not called English or Dutch",
        arguments: [
            "Das ist wirklich sehr schlecht, ich bin enttäuscht",
            "Die Lieferung kam zwei Tage zu spät und niemand hilft mir.",
            "Sehr gutes Produkt, ich würde es wieder kaufen!",
            "Der Kundenservice war freundlich und hat schnell geantwortet.",
        ])
    func german(text: String) {
        let guess = identifier.identify(text)
        #expect(guess.language == .undetermined, "\(text): \(guess)")
        #expect(guess.confidence >= 0.5)
    }

    @Test(
        "French is not called English or Dutch",
        arguments: [
            "Le service client est vraiment nul, je suis très déçu.",
            "Je n'ai jamais reçu ma commande et personne ne répond.",
            "Très bon produit, je le recommande à tous mes amis.",
            "C'est la dernière fois que j'achète chez vous.",
        ])
    func french(text: String) {
        let guess = identifier.identify(text)
        #expect(guess.language == .undetermined, "\(text): \(guess)")
        #expect(guess.confidence >= 0.5)
    }

    @Test(
        "other decoy languages and non-Latin scripts are undetermined",
        arguments: [
            "El servicio al cliente es muy malo, estoy muy decepcionado.",
            "Il servizio clienti è pessimo, sono molto deluso.",
            "O atendimento ao cliente é péssimo, estou muito decepcionado.",
            "Obsługa klienta jest okropna, nigdy więcej nie kupię.",
            "Kundtjänsten var usel, jag är besviken.",
            "Pakken kom aldrig frem, og kundeservice svarer ikke.",
            "Очень плохой сервис, больше не закажу",
            "服务很差，再也不买了",
        ])
    func otherLanguages(text: String) {
        let guess = identifier.identify(text)
        #expect(guess.language == .undetermined, "\(text): \(guess)")
        #expect(guess.confidence >= 0.5)
    }

    @Test("the confidence is a probability and grows with evidence")
    func confidenceRange() {
        let short = identifier.identify("niet leuk")
        let long = identifier.identify("ik vond het echt helemaal niet leuk en ik kom hier nooit meer terug")
        for guess in [short, long] {
            #expect(guess.confidence >= 0 && guess.confidence <= 1)
        }
        #expect(long.language == .dutch)
        #expect(long.confidence >= short.confidence)
    }

    @Test("the same text gives the same guess, from a string or from tokens, on any thread")
    func determinism() async {
        let text = "Wat een top service! Echt super geholpen 👍🏽 #aanrader"
        let first = identifier.identify(text)
        #expect(identifier.identify(Tokenizer().tokenize(text)) == first)
        #expect(LanguageIdentifier().identify(text) == first)
        let identifier = self.identifier
        let guesses = await withTaskGroup(of: LanguageGuess.self) { group in
            for _ in 0..<8 { group.addTask { identifier.identify(text) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(guesses.allSatisfy { $0 == first })
    }

    @Test("Language and LanguageGuess encode with their codes")
    func codes() throws {
        #expect(Language.allCases.map(\.rawValue) == ["en", "nl", "und"])
        #expect(Language(rawValue: "nl") == .dutch)
        let guess = LanguageGuess(language: .dutch, confidence: 0.75)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(guess), as: UTF8.self)
        #expect(json == #"{"confidence":0.75,"language":"nl"}"#)
        #expect(try JSONDecoder().decode(LanguageGuess.self, from: Data(json.utf8)) == guess)
    }
}
