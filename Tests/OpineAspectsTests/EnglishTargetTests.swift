import OpineAspects
import OpineSentiment
import OpineText
import Testing

/// English target spans: which words of a sentence make the target of its opinion.
struct EnglishTargetTests {
    /// The targets of the opinions of an English text, as written.
    private func targets(_ text: String) -> [String] {
        Fixture.opinions(text, .english).compactMap { $0.target?.text }
    }

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
}
