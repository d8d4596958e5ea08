import OpineSentiment
import OpineText
import Testing

/// The built-in lexicons on the words and constructions that real comments use and that
/// the sentiment issue names: slang and customer-service words, idioms, negation and
/// wishes. Only the sign is checked, so retuning a value does not break a test; losing an
/// entry, or a rule that stops reaching it, does.
struct BuiltInLexiconTests {
    static let analyzer = Result { try SentimentAnalyzer() }

    @Test(arguments: [
        "Toppie!", "Echt vet", "Heel gaaf gedaan", "Tof team", "Een aanrader", "Klantvriendelijk personeel",
        "Het is de moeite waard", "Echt waar voor je geld", "Niet slecht", "Topkwaliteit",
        "Werkt precies zoals beschreven", "Doet wat het moet doen", "Het is zijn geld meer dan waard",
        "Je wordt er verwend", "Het is erg meegevallen", "Ze denken echt met je mee", "Ze staan altijd voor je klaar",
        "Een fijne app, werkt heel intuïtief", "Niets was teveel gevraagd", "Het overtrof al mijn verwachtingen",
        "De service is met sprongen vooruitgegaan", "Alles was naar onze zin",
    ])
    func dutchPraise(_ text: String) throws {
        #expect(try Self.analyzer.get().dutch(text).compound > 0)
    }

    @Test(arguments: [
        "Kut bedrijf", "Klote service", "Waardeloos", "Wat een bagger", "Een afrader", "Oplichters!", "Ik ben teleurgesteld",
        "Superslecht", "Kutservice", "Klantonvriendelijk", "Geen aanrader", "Niet te vreten", "Dit werkt voor geen meter",
        "Om te huilen", "Ik vond het niet leuk", "Het werkt helemaal niet", "Bedankt voor niks", "Dank je wel voor niets!",
        "Geweldig, de trein heeft weer vertraging", "Super, weer te laat", "Voor verbetering vatbaar",
        "De app crasht steeds", "Ik wacht al twee weken op antwoord", "Het bedrag is dubbel afgeschreven",
        "Weer vertraging. Top hoor.", "Ze reageren niet op mijn mails", "Het product voldoet niet",
        "Het ziet er goedkoop uit", "Ik voel me niet serieus genomen", "Het eten was ons tegengevallen",
        "Het restaurant stelde ons teleur", "Er ontbrak een onderdeel", "Het scherm is gebarsten",
        "De ober weigerde ons te helpen", "Het onderdeel ontbreekt", "Mijn internet valt steeds weg",
        "De monteur is niet komen opdagen", "Er wordt niet teruggebeld", "De rekening is veel te hoog", "Ik ben er klaar mee",
        "Dit is de druppel", "Ik stap over naar een andere provider", "Jullie zijn mij als klant kwijt",
        "Ze hebben maling aan hun klanten", "Sinds de update werkt niks meer", "Er wordt totaal niet geluisterd",
        "Bedankt NS, weer te laat", "Goed bezig KPN, al drie dagen geen internet", "Knap hoor, drie keer dezelfde fout",
        "Het kan lekkerder", "De kamer rook naar rook", "De douche deed het amper", "Geen oog dichtgedaan",
        "Na twee keer wassen uit elkaar gevallen", "De klantenservice is een lachertje", "Ze hingen gewoon op",
        "Ik moest er wekenlang achteraan zitten", "Ze hebben mijn geld gewoon ingepikt", "Ik heb wel beter gehad",
        "Pas op met deze winkel", "De kwaliteit is hard achteruit gegaan", "Het gaat hard achteruit met deze zaak",
    ])
    func dutchComplaints(_ text: String) throws {
        #expect(try Self.analyzer.get().dutch(text).compound < 0)
    }

    @Test(arguments: [
        "This app is a lifesaver", "Not bad at all", "Kind of nice", "The burger was the bomb", "@united you guys rock",
        "Smooth flight", "Not gonna lie, pretty impressed", "Shout out to Sarah at the front desk", "Props to the driver",
        "Does exactly what it says on the tin", "Would definitely use them again", "Well done, the new app is great",
        "Great job fixing my phone", "Thanks Comcast, the internet works again", "Nothing was too much trouble",
        "Staff bent over backwards to help us", "They finally sorted it out", "Zero issues",
    ])
    func englishPraise(_ text: String) throws {
        #expect(try Self.analyzer.get().english(text).compound > 0)
    }

    @Test(arguments: [
        "This sucks", "Total scam", "Useless", "What a waste of money", "Meh", "I want a refund", "The staff was not helpful",
        "I expected more from this place", "I was expecting more", "We had hoped for more", "I was hoping for more", "Thanks for nothing",
        "Great, another delay", "Oh perfect, it broke again", "I won't be coming back", "Would not stay again", "Service could be faster",
        "Nothing to write home about", "Thanks for charging me twice", "Thanks for getting my order wrong again",
        "Service was just ok", "Be prepared to wait", "Forgot my phone at home. Great.",
        "Nice paperweight", "It was nice while it lasted", "You get what you pay for", "My internet keeps dropping",
        "I keep getting transferred", "Nobody ever called me back", "The bill is way too high", "I can't cancel my subscription",
        "The delivery date keeps getting pushed back", "I'm done with this company", "This is the last straw",
        "I'm switching to another provider", "You just lost a customer", "I will not be using them again", "Nobody listens",
        "They don't give a damn", "Since the update nothing works", "The screen cracked",
        "Great job losing my package again", "Well done, another cancelled train", "Good luck getting your money back",
        "Thanks Comcast, no internet again", "The staff could be friendlier", "Staff could be a bit more friendly",
        "The food was cold by the time it arrived", "The portions were tiny for the price", "Customer support was a joke",
        "I had to chase them for weeks", "Took my money and ran", "Daylight robbery", "I've had better",
    ])
    func englishComplaints(_ text: String) throws {
        #expect(try Self.analyzer.get().english(text).compound < 0)
    }

    /// What was only wished for, or would have been, is not praise: a past hope names what
    /// did not come.
    @Test(arguments: [
        ("It would have been great if they had called", Language.english), ("I hoped for a great meal", .english),
        ("I had hoped for better", .english), ("I had hoped it would be great", .english),
        ("We were hoping for a nice evening", .english),
        ("Het had leuk kunnen zijn", .dutch), ("Ik hoopte op een leuke avond", .dutch),
        ("We hoopten op een gezellige avond", .dutch), ("We hadden gehoopt op een lekker diner", .dutch),
    ])
    func wishesAreNotPraise(_ text: String, _ language: Language) throws {
        #expect(try Self.analyzer.get().analyze(text, language: language).compound <= 0)
    }

    /// A hope still open is optimism, not an unmet expectation.
    @Test(arguments: ["Hoping for a great weekend!", "I hope you have a great day"])
    func anOpenHopeStaysPositive(_ text: String) throws {
        #expect(try Self.analyzer.get().english(text).compound > 0)
    }
}
