import OpineAspects
import OpineSentiment
import OpineText
import Testing

/// English target spans: which words of a sentence make the target of its opinion.
struct EnglishTargetTests {
    /// The targets of the opinions of an English text, as written.
    private func targets(_ text: String) -> [String] { Fixture.targets(text, .english) }

    /// An unknown noun in a list with a known term is a thing of the same kind and shares
    /// the list's opinion: `spiedini` (unknown) with `calamari` (FOOD), across `and the`,
    /// and a list with commas grows item by item (`chai`, `chole` after `somosas`).
    @Test func unknownNounsCoordinatedWithATermAreTargets() throws {
        let opinions = Fixture.opinions("The spiedini and the calamari were great.", .english)
        let spiedini = try #require(Fixture.opinion(about: "spiedini", in: opinions))
        #expect(spiedini.category == "FOOD")
        #expect(spiedini.polarity == .positive)
        #expect(Set(targets("I like the somosas, chai, and the chole.")) == ["somosas", "chai", "chole"])
    }

    /// What only looks like a list item is not one: a sentence adverb before a comma and a
    /// determiner (`Furthermore, the rice`), a predicate adjective (`the crust is thin,`)
    /// and a verb with an object (`or sample anything`).
    @Test func clauseOpenersPredicatesAndVerbsAreNoListItems() {
        #expect(!targets("Furthermore, the rice was bland.").contains("Furthermore"))
        #expect(!targets("The crust is thin, the staff is friendly.").contains("thin"))
        #expect(!targets("Try the Pad Thai, or sample anything on the menu, they're all delicious.").contains("sample"))
    }

    /// An unknown word with an adjective suffix before a term is left out of the target
    /// (`bustling atmosphere`, `unpretensious setting`), and an opinion word before it still
    /// reaches the noun as an attribute; a cooking word in -ed stays part of a dish's name
    /// (`fried dumplings`).
    @Test func englishAdjectivesBeforeATermAreLeftOut() throws {
        #expect(targets("We loved the bustling atmosphere.") == ["atmosphere"])
        let setting = try #require(Fixture.opinion(about: "setting", in: Fixture.opinions("A great unpretensious setting.", .english)))
        #expect(setting.words.first?.link == .attribute)
        #expect(targets("The fried dumplings were great.") == ["fried dumplings"])
    }

    /// An English compound has its head last: unknown nouns after a term belong to the
    /// target when the phrase ends there (`duck confit`, `shrimp scampi`), not when a verb
    /// may follow the term (`the staff knows ...`, `the dishes offered were ...`).
    @Test func unknownNounsAfterATermEndTheEnglishTarget() {
        #expect(targets("The duck confit is always amazing.") == ["duck confit"])
        #expect(targets("We loved the shrimp scampi.") == ["shrimp scampi"])
        #expect(targets("The dishes offered were unique.") == ["dishes"])
    }

    /// A word that is both a term and a verb is a term after a sentiment word (`a short
    /// wait`), but not inside a sentiment phrase with the word before it: `can't wait` and
    /// `never return` are opinions with no target `wait` or `return`.
    @Test func aTermInsideASentimentPhraseIsNoTarget() {
        #expect(targets("I can't wait to go back.").isEmpty)
        #expect(targets("I will never return.").isEmpty)
    }

    /// An English dish's name goes on after `with` or `over` and a bare noun phrase, with a
    /// coordinated bare noun (`spaghetti with scallops and shrimp`, `chicken over rice`);
    /// not after a determiner (`the salmon with the sauce`) or a sentiment word (`food with
    /// great service`).
    @Test func englishDishNamesGoOnAfterWithAndOver() {
        #expect(targets("The spaghetti with scallops and shrimp is great.") == ["spaghetti with scallops and shrimp"])
        #expect(targets("The chicken over rice was great.") == ["chicken over rice"])
        #expect(targets("The salmon with the sauce was great.") == ["salmon"])
        #expect(!targets("Great food with great service.").contains { $0.contains("with") })
    }

    /// A place named as the predicate noun of a named subject (`Mermaid Inn is an overall
    /// good restaurant`) passes its opinion to the subject; with a pronoun subject (`this is
    /// a great place`) the place keeps it.
    @Test func aPredicatePlaceGivesItsOpinionToTheNamedSubject() {
        #expect(targets("Myagi is one of my favorite restaurants.") == ["Myagi"])
        #expect(targets("This is a great place.") == ["place"])
    }

    /// A place after `one of` names the class the restaurant is in: `this is one of my
    /// favorite restaurants` is a GENERAL opinion with no explicit target.
    @Test func aPlaceAfterOneOfIsNoTarget() throws {
        let opinions = Fixture.opinions("This is one of my favorite restaurants.", .english)
        let opinion = try #require(opinions.first)
        #expect(opinion.target == nil)
        #expect(opinion.category == "GENERAL")
        #expect(opinion.polarity == .positive)
    }

    /// The clitic of an English term in -'s is not part of the target (`the food's as good
    /// as ever` is about `food`); a Dutch plural in -'s is (`pizza's`).
    @Test func anEnglishCliticIsLeftOutOfTheTarget() {
        #expect(targets("The food's as good as ever.") == ["food"])
        #expect(Fixture.opinions("De pizza's waren lekker.", .dutch).compactMap { $0.target?.text } == ["pizza's"])
    }

    /// After an English measure word and `of` the target is what it measures (`an excellent
    /// piece of cheesecake`: `cheesecake`), while a container stays in it (`glass of wine`).
    @Test func anEnglishMeasureWordIsLeftOutOfTheTarget() {
        #expect(targets("I got an excellent piece of cheesecake.") == ["cheesecake"])
        #expect(targets("We had a great glass of wine.") == ["glass of wine"])
    }

    /// A generic head after unknown words names no more than on its own: `the second
    /// time`, `a hot day` are no targets.
    @Test func aGenericHeadAfterUnknownWordsIsNoTarget() {
        #expect(targets("The second time the sushi was a little bland.") == ["sushi"])
        #expect(targets("On a hot day it was fabulous.").isEmpty)
    }

    /// Words for spans of time and outings are generic heads (en/terms.tsv, weak GENERAL):
    /// `worth the trip`, `a lovely visit`, `for several years` name no target.
    @Test func timeAndOutingWordsAreGenericHeads() {
        #expect(targets("Worth the trip from Manhattan.").isEmpty)
        #expect(targets("Thanks for a lovely visit.").isEmpty)
        #expect(!targets("I have loved it for several years.").contains("years"))
    }

    /// `seat` is a verb after `to` or a pronoun (en/grammar.tsv), no target: `they made sure
    /// to seat me quickly`.
    @Test func seatAfterToIsAVerb() {
        #expect(!targets("They made sure to seat me quickly, which was great.").contains("seat"))
    }

    /// `on the pricey side` grades the subject; `side` is a generic head (weak GENERAL).
    @Test func sideIsAGenericHead() {
        #expect(!targets("Slightly on the pricey side but worth it!").contains("side"))
    }

    /// `dinner` and `lunch` name the visit, not a dish (weak GENERAL): `great place for a
    /// romantic dinner` has no target `dinner`.
    @Test func mealsNameTheVisit() {
        #expect(Set(targets("Gorgeous place ideal for a romantic dinner.")) == ["place"])
        #expect(targets("It's great to go for a quick lunch.").isEmpty)
    }
}
