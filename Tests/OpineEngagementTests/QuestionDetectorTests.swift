import OpineEngagement
import OpineText
import Testing

/// Questions and requests for a reply in English and Dutch, with and without the
/// question mark, and the exclamations and subject-dropped statements that open like one.
struct QuestionDetectorTests {
    let detector = QuestionDetector()

    @Test(arguments: [
        "Is it possible to return this?",
        "Where is my order",
        "How long does shipping take",
        "Can you help me with my bill",
        "Is the store open on Sunday",
        "Does anyone know if this works",
        "What's going on with the app",
        "Hi, when do you open",
        "@brand why is my internet down again",
        "Could you check my account please",
        "What time do you close",
        "Still no answer after three days",
        "Please let me know when it ships",
    ])
    func englishQuestions(text: String) {
        #expect(detector.asksQuestion(text), "\(text)")
    }

    @Test(arguments: [
        "Will never buy again",
        "What a joke!",
        "What a joke",
        "When I called, they hung up.",
        "Is broken again",
        "Could not be happier with the service",
        "Do not buy this",
        "Great service, thanks",
        "Check https://example.com/faq?id=3 for details",
        "Can't wait to try it",
        "Can’t wait to try it 😍",
        "See https://example.com/orders?id=3 #blessed @brand",
        "How nice is that!",
        "",
    ])
    func englishStatements(text: String) {
        #expect(!detector.asksQuestion(text), "\(text)")
    }

    @Test(arguments: [
        "Komt mijn pakket vandaag nog?",
        "@brand waar blijft mijn pakket",
        "Hoe lang duurt het nog",
        "Kunnen jullie mij helpen",
        "Is de winkel zondag open",
        "Heeft iemand dit ook",
        "Wanneer komt de monteur",
        "Heb je mijn mail gezien",
        "Wat kost een abonnement",
        "Graag een reactie",
        "Nog steeds geen antwoord op mijn mail",
        "Hallo, kan ik mijn bestelling nog wijzigen",
        "Oké, kan ik nog ruilen",
        "WAAR BLIJFT MIJN PAKKET",
        "Waar is mijn pakket @kpn?",
    ])
    func dutchQuestions(text: String) {
        #expect(detector.asksQuestion(text), "\(text)")
    }

    @Test(arguments: [
        "Wat een top service!",
        "Wat een service",
        "Wat leuk",
        "Heb het al drie keer geprobeerd",
        "Ben er helemaal klaar mee",
        "Wanneer ik bel, neemt niemand op",
        "Echt een aanrader",
        "Wat jammer dat het niet werkt",
        "Kan niet wachten",
    ])
    func dutchStatements(text: String) {
        #expect(!detector.asksQuestion(text), "\(text)")
    }

    @Test func theCueSaysWhatMatched() {
        #expect(detector.cue(in: "Can you help me with my bill") == .interrogative("can you"))
        #expect(detector.cue(in: "@brand waar blijft mijn pakket") == .interrogative("waar blijft"))
        #expect(detector.cue(in: "Hoe lang duurt het nog") == .interrogative("hoe lang duurt"))
        #expect(detector.cue(in: "ok?") == .questionMark)
        #expect(detector.cue(in: "graag een reactie") == .request("graag een reactie"))
    }

    @Test func aKnownLanguageLimitsTheOpenings() {
        #expect(detector.asksQuestion("Kunnen jullie mij helpen", language: .dutch))
        #expect(!detector.asksQuestion("Kunnen jullie mij helpen", language: .english))
        #expect(!detector.asksQuestion("Can you help", language: .dutch))
        // Question marks and requests count in every language.
        #expect(detector.asksQuestion("Kan ik ruilen?", language: .english))
        #expect(detector.asksQuestion("graag een reactie", language: .english))
    }
}
