import OpineAspects
import OpineSentiment
import OpineText
import Testing

/// Attribution of sentiment words to targets, on hand-made sentences whose expected
/// targets, categories and polarities are reasoned out in each test.
struct AttributionTests {
    /// `but` separates two clauses, each with a copula pattern: `great` belongs to `food`
    /// (FOOD), `rude` to `waiter` (SERVICE), not to the nearest noun across the contrast.
    @Test func contrastSplitsTwoTargetsWithOppositePolarity() throws {
        let opinions = Fixture.opinions("the food was great but the waiter was rude", .english)
        #expect(opinions.count == 2)
        let food = try #require(Fixture.opinion(about: "food", in: opinions))
        #expect(food.category == "FOOD")
        #expect(food.polarity == .positive)
        #expect(food.words.map(\.entry) == ["great"])
        #expect(food.words.first?.link == .predicate)
        let waiter = try #require(Fixture.opinion(about: "waiter", in: opinions))
        #expect(waiter.category == "SERVICE")
        #expect(waiter.polarity == .negative)
        #expect(waiter.words.map(\.entry) == ["rude"])
    }

    /// An unknown English word in -ed or -ing after an opinion word is a verb form, not a
    /// target: in `the fish was adequate, but inexpertly sliced` no target `sliced` takes
    /// `inexpertly`, and `worth visiting` makes no target `visiting`.
    @Test func englishParticiplesAreNoTargets() throws {
        for (text, verb) in [("The fish was adequate, but inexpertly sliced.", "sliced"), ("The museum nearby is worth visiting.", "visiting")] {
            let tokenized = Tokenizer().tokenize(text)
            let analysis = Fixture.analyzer.analyze(tokenized, language: .english)
            let targets = Fixture.extractor.targets(in: tokenized, analysis: analysis).map(\.text)
            #expect(!targets.contains(verb))
            #expect(!Fixture.extractor.opinions(in: tokenized, analysis: analysis).contains { $0.target?.text == verb })
        }
        #expect(Fixture.opinions("The fish was adequate, but inexpertly sliced.", .english).contains { $0.target?.text == "fish" })
    }

    /// A negator that reverses no sentiment word (`didn't`) colours the text's compound but
    /// is no opinion word: no opinion lists it, and the word after it is not made a target.
    @Test func aNegatorThatReversesNothingIsNoOpinionWord() throws {
        let text = "the waiter didn't bring the wine, but the food was great"
        let analysis = Fixture.analyzer.analyze(text, language: .english)
        #expect(analysis.contributions.contains { $0.match == .negation })
        let opinions = Fixture.opinions(text, .english)
        #expect(opinions.allSatisfy { opinion in opinion.words.allSatisfy { $0.entry != "didn't" } })
        #expect(Fixture.opinion(about: "bring", in: opinions) == nil)
        #expect(Fixture.opinion(about: "food", in: opinions)?.polarity == .positive)
    }

    /// The Dutch counterpart: `traag` (slow) is about `bezorging` (DELIVERY), `top` about
    /// `product` (PRODUCT).
    @Test func dutchContrastDeliveryAndProduct() throws {
        let opinions = Fixture.opinions("De bezorging was traag maar het product is top", .dutch)
        let delivery = try #require(Fixture.opinion(about: "bezorging", in: opinions))
        #expect(delivery.category == "DELIVERY")
        #expect(delivery.polarity == .negative)
        #expect(delivery.words.map(\.entry) == ["traag"])
        let product = try #require(Fixture.opinion(about: "product", in: opinions))
        #expect(product.category == "PRODUCT")
        #expect(product.polarity == .positive)
        #expect(product.words.map(\.entry) == ["top"])
    }

    /// Dutch inversion puts the opinion before the copula and the subject after it:
    /// `Lekker was het eten niet` is a negated opinion about `eten` (the scorer negates
    /// `lekker` with the `niet` after it); the second clause is about `bediening`.
    @Test func dutchInversionTiesTheOpinionToTheSubjectAfterTheVerb() throws {
        let opinions = Fixture.opinions("Lekker was het eten niet, maar de bediening was vriendelijk.", .dutch)
        let food = try #require(Fixture.opinion(about: "eten", in: opinions))
        #expect(food.category == "FOOD")
        #expect(food.polarity == .negative)
        #expect(food.words.first?.link == .inverted)
        let service = try #require(Fixture.opinion(about: "bediening", in: opinions))
        #expect(service.polarity == .positive)
        #expect(service.category == "SERVICE")
    }

    /// Dutch verb-final subordinate clause: in `omdat de ober zo onbeleefd was` the
    /// target comes before its opinion and the copula closes the clause.
    @Test func dutchSubordinateClauseWithTheVerbLast() throws {
        let opinions = Fixture.opinions("We komen niet terug omdat de ober zo onbeleefd was.", .dutch)
        let waiter = try #require(Fixture.opinion(about: "ober", in: opinions))
        #expect(waiter.category == "SERVICE")
        #expect(waiter.polarity == .negative)
        #expect(waiter.words.map(\.entry).contains("onbeleefd"))
    }

    /// `vinden` takes its object before the predicate: `het eten vond ik lekker`,
    /// `ik vond het eten lekker`.
    @Test func dutchVindenConstructionsBothOrders() throws {
        for text in ["Het eten vond ik erg lekker.", "Ik vond het eten erg lekker."] {
            let opinions = Fixture.opinions(text, .dutch)
            let food = try #require(Fixture.opinion(about: "eten", in: opinions), "\(text)")
            #expect(food.polarity == .positive, "\(text)")
            #expect(food.category == "FOOD", "\(text)")
        }
    }

    /// An adjective before its noun (`great pizza`, `terrible delivery`): each adjective
    /// goes to the noun right after it, not to the other one across the comma.
    @Test func attributiveAdjectivesGoToTheFollowingNoun() throws {
        let opinions = Fixture.opinions("Great pizza, terrible delivery.", .english)
        let pizza = try #require(Fixture.opinion(about: "pizza", in: opinions))
        #expect(pizza.category == "FOOD")
        #expect(pizza.polarity == .positive)
        #expect(pizza.words.first?.link == .attribute)
        let delivery = try #require(Fixture.opinion(about: "delivery", in: opinions))
        #expect(delivery.category == "DELIVERY")
        #expect(delivery.polarity == .negative)
    }

    /// Dutch attributive adjectives the lexicons do not know (`gedekte`, `kwaliteitsvolle`,
    /// `aangepaste`) modify the target noun and are not part of it; the sentiment word
    /// before them still reaches the noun, and a coordination across them still holds. A
    /// capitalized adjective names a kind and stays (`Thaise keuken`).
    @Test func dutchAttributiveAdjectivesAreLeftOutOfTheTarget() throws {
        #expect(Fixture.targets("Mooi gedekte tafels.", .dutch) == ["tafels"])
        let wines = Fixture.opinions("De wijnkaart is een goede selectie van lekkere kwaliteitsvolle wijnen.", .dutch)
        let wine = try #require(Fixture.opinion(about: "wijnen", in: wines))
        #expect(wine.words.first?.link == .attribute)
        let coordinated = Fixture.opinions("Super toffe bediening, aangepaste wijntjes.", .dutch)
        #expect(Fixture.opinion(about: "wijntjes", in: coordinated)?.polarity == .positive)
        #expect(Fixture.targets("Een heerlijke Thaise keuken.", .dutch) == ["Thaise keuken"])
    }

    /// A word read through its stem right after a copula is a predicate adjective, not a
    /// term: `jong` in `het personeel is jong` is not `jongen`, so the opinion goes to
    /// `personeel`.
    @Test func aStemReadingRightAfterACopulaIsNoTarget() throws {
        let staff = Fixture.opinions("Het personeel is jong en vriendelijk.", .dutch)
        #expect(staff.compactMap(\.target?.text) == ["personeel"])
        #expect(staff.first?.polarity == .positive)
    }

    /// A predicate whose subject is a pronoun is about the target the pronoun stands for:
    /// the nearest one before it in the sentence, or the previous sentence's last one when
    /// the pronoun opens its sentence; not an expletive subject (`it is nice to ...`).
    @Test func aPronounSubjectsPredicateGoesToItsAntecedent() throws {
        let bagels = Fixture.opinions("The bagels are fine, but they are a little overcooked.", .english)
        let overcooked = try #require(Fixture.opinion(tying: "overcooked", in: bagels))
        #expect(overcooked.target?.text == "bagels")
        #expect(overcooked.words.first { $0.text == "overcooked" }?.link == .pronoun)
        let place = Fixture.opinions("The place is nice but it is noisy.", .english)
        #expect(Fixture.opinion(tying: "noisy", in: place)?.target?.text == "place")
        let pizza = Fixture.opinions("The pizza was great. It was also cheap.", .english)
        #expect(Fixture.opinion(tying: "cheap", in: pizza)?.target?.text == "pizza")
        let fries = Fixture.opinions("De friet was lekker, maar ze was koud.", .dutch)
        #expect(Fixture.opinion(tying: "koud", in: fries)?.target?.text == "friet")
        let soup = Fixture.opinions("Toen kwam het eten en dat was perfect!", .dutch)
        #expect(Fixture.opinion(tying: "perfect", in: soup)?.target?.text == "eten")
        // Expletive subjects stand for nothing.
        let outside = Fixture.opinions("The food was great. It is nice to sit outside.", .english)
        #expect(try #require(Fixture.opinion(tying: "nice", in: outside)).target == nil)
        let om = Fixture.opinions("De soep was lekker. Het is leuk om buiten te zitten.", .dutch)
        #expect(try #require(Fixture.opinion(tying: "leuk", in: om)).target == nil)
    }

    /// Dutch: a weak head with a `van`/`aan` complement (`keuze aan pizza's`, `aanbod van
    /// kazen`) leaves the target to the complement, which keeps its category, while the
    /// phrase still carries the opinion; English keeps the phrase (`selection of wines`).
    @Test func dutchWeakHeadLeavesTheTargetToItsComplement() throws {
        let wines = Fixture.opinions("De keuze aan wijnen is beperkt.", .dutch)
        #expect(wines.compactMap(\.target?.text) == ["wijnen"])
        #expect(wines.first?.category == "DRINKS")
        #expect(wines.first?.polarity == .negative)
        #expect(Fixture.targets("Er is ook een ruim aanbod van kazen.", .dutch) == ["kazen"])
        #expect(Fixture.targets("Ik verwachtte een uitgebreid assortiment aan bieren.", .dutch) == ["bieren"])
        #expect(Fixture.targets("They have a great selection of wines.", .english) == ["selection of wines"])
    }

    /// A Dutch measure or container noun leaves the target to what it holds: `kop koffie`
    /// is about `koffie`; a measure word alone stays a target.
    @Test func dutchMeasureWordsLeaveTheTargetToWhatTheyHold() throws {
        let coffee = Fixture.opinions("De kop koffie was heerlijk.", .dutch)
        #expect(coffee.compactMap(\.target?.text) == ["koffie"])
        #expect(coffee.first?.polarity == .positive)
        #expect(Fixture.targets("De portie frietjes was veel te klein.", .dutch) == ["frietjes"])
        #expect(Fixture.targets("De portie was veel te klein.", .dutch) == ["portie"])
    }

    /// An attribute noun before a term leaves the target to the thing (`slechte kwaliteit
    /// vlees`, `low quality fish`), as a measure word does, and the opinion has the thing's category.
    @Test func anAttributeNounBeforeATermLeavesTheTarget() throws {
        let meat = try #require(Fixture.opinions("Slechte kwaliteit vlees.", .dutch).first)
        #expect(meat.target?.text == "vlees")
        #expect(meat.category == "FOOD")
        #expect(meat.polarity == .negative)
        let fish = try #require(Fixture.opinions("They serve low quality fish.", .english).first { $0.target != nil })
        #expect(fish.target?.text == "fish")
        #expect(fish.category == "FOOD")
    }

    /// An adjective before a Dutch measure word is attributive to what the measure holds, as
    /// one before a weak head is (`lekkere kop koffie`, `zielige stukjes stokbrood`): the
    /// measure word stays in the candidate's span and only the reported target leaves it out.
    @Test func anAdjectiveBeforeAMeasureWordIsAttributive() throws {
        let coffee = try #require(Fixture.opinions("Een lekkere kop koffie.", .dutch).first)
        #expect(coffee.target?.text == "koffie")
        #expect(coffee.words.first?.link == .attribute)
        let bread = Fixture.opinions("Ze serveerden een bordje met 3 zielige stukjes stokbrood.", .dutch)
        let stokbrood = try #require(Fixture.opinion(tying: "zielige", in: bread))
        #expect(stokbrood.target?.text == "stokbrood")
        #expect(stokbrood.words.first?.link == .attribute)
    }

    /// Dutch: an adjective of an attribute noun (`kwaliteit`, `smaak`, `prijs`) is about the
    /// thing the attribute's phrase belongs to, through `van`, `aan`/`voor` or `hebben`
    /// (`eten van slechte kwaliteit`, `de gerechten hadden een verfijnde smaak`), or after
    /// it through `van` (`de kwaliteit van de vis`); a price attribute keeps its
    /// category. An attribute that belongs to nothing named still has no target.
    @Test func dutchAttributeAdjectivesGoToWhatHasTheAttribute() throws {
        let food = Fixture.opinions("Eten was van zeer slechte kwaliteit.", .dutch)
        #expect(food.compactMap(\.target?.text) == ["Eten"])
        #expect(food.first?.category == "FOOD")
        #expect(food.first?.polarity == .negative)
        #expect(Fixture.targets("De gerechten hadden een verfijnde smaak.", .dutch) == ["gerechten"])
        #expect(Fixture.targets("Een nooit geziene kwaliteit van de vis.", .dutch) == ["vis"])
        let wine = try #require(Fixture.opinions("Wijn aan een correcte prijs.", .dutch).first)
        #expect(wine.target?.text == "Wijn")
        #expect(wine.category == "PRICE")
        #expect(wine.polarity == .positive)
        let prices = Fixture.opinions("De prijzen zijn hoog.", .dutch)
        #expect(prices.allSatisfy { $0.target == nil })
    }

    /// Dutch: a dish followed by `van` and a bare noun phrase is one name (`soepje van
    /// asperge`, `carpaccio van ossenhaas`); with a determiner the phrase after `van` is not
    /// part of it (`de soep van de dag`).
    @Test func dutchDishNamesGoOnAfterVan() throws {
        let soup = Fixture.opinions("Het soepje van asperge was lekker.", .dutch)
        #expect(soup.compactMap(\.target?.text) == ["soepje van asperge"])
        #expect(soup.first?.category == "FOOD")
        #expect(soup.first?.polarity == .positive)
        let carpaccio = Fixture.opinions("De carpaccio van ossenhaas was heerlijk.", .dutch)
        #expect(carpaccio.compactMap(\.target?.text) == ["carpaccio van ossenhaas"])
        #expect(Fixture.targets("De soep van de dag was lekker.", .dutch) == ["soep"])
    }

    /// Dutch: unknown words after a sentiment word are a noun phrase only when the sentiment
    /// word is attributive, inflected (`heerlijke zwuppels`) or after a determiner (`een
    /// heerlijk zwuppel`); an uninflected one without determiner is an adverb, and the word
    /// after it no target (`je bent goed bezig`, `het was aangenaam vertoefen`).
    @Test func dutchUnknownWordsAfterAnAdverbAreNoTargets() throws {
        #expect(Fixture.opinions("We proefden heerlijke zwuppels.", .dutch).compactMap(\.target?.text) == ["zwuppels"])
        #expect(Fixture.opinions("We proefden een heerlijk zwuppel.", .dutch).compactMap(\.target?.text) == ["zwuppel"])
        for text in ["Tanja, je bent goed bezig!", "Het was aangenaam vertoefen."] {
            let opinion = try #require(Fixture.opinions(text, .dutch).first)
            #expect(opinion.target == nil)
            #expect(opinion.polarity == .positive)
        }
    }

    /// A predicate after a noun with a prepositional phrase is about the noun, not the
    /// preposition's object: `de sfeer in dit gebouw`, `the staff at this place`.
    @Test func aPredicateSkipsThePrepositionalObject() throws {
        let dutch = Fixture.opinions("De sfeer in dit prachtige gebouw is gezellig.", .dutch)
        let sfeer = try #require(Fixture.opinion(about: "sfeer", in: dutch))
        #expect(sfeer.words.map(\.text) == ["gezellig"])
        #expect(sfeer.category == "AMBIENCE")
        let english = Fixture.opinions("The staff at this place were rude, but the food was great.", .english)
        let staff = try #require(Fixture.opinion(about: "staff", in: english))
        #expect(staff.polarity == .negative)
        #expect(Fixture.opinion(about: "place", in: english) == nil)
    }

    /// English: a bare `of`-complement belongs to its head's noun phrase (`glass of wine`);
    /// one with a determiner does not (`the reviews of the restaurant`).
    @Test func englishBareOfComplementIsPartOfTheTarget() throws {
        let opinions = Fixture.opinions("The glass of wine was great.", .english)
        let glass = try #require(opinions.first)
        #expect(glass.target?.text == "glass of wine")
        #expect(glass.category == "DRINKS")
        let views = Fixture.opinions("The views of the city were great.", .english)
        #expect(views.compactMap(\.target?.text) == ["views"])
    }

    /// `The food and service were great`: `great` is tied to `service` by the copula and
    /// shared with the coordinated `food`, which has no word of its own.
    @Test func coordinatedSubjectsShareThePredicate() throws {
        let opinions = Fixture.opinions("The food and service were great.", .english)
        let food = try #require(Fixture.opinion(about: "food", in: opinions))
        let service = try #require(Fixture.opinion(about: "service", in: opinions))
        #expect(food.polarity == .positive)
        #expect(service.polarity == .positive)
        #expect(food.words.first?.link == .coordinated)
        #expect(service.words.first?.link == .predicate)
    }

    /// After `but` without a subject of its own (`but slow`), the words are still about
    /// the first clause's target: one SERVICE opinion with both words. The scorer weighs
    /// the clause after `but` more, so the opinion is negative.
    @Test func ellipticalContrastKeepsTheTarget() throws {
        let opinions = Fixture.opinions("The staff was friendly but slow.", .english)
        #expect(opinions.count == 1)
        let staff = try #require(Fixture.opinion(about: "staff", in: opinions))
        #expect(staff.category == "SERVICE")
        #expect(staff.words.map(\.entry) == ["friendly", "slow"])
        #expect(staff.polarity == .negative)
        let dutch = Fixture.opinions("Bediening is een beetje traag, maar vriendelijk.", .dutch)
        #expect(dutch.count == 1)
        #expect(dutch.first?.target?.text == "Bediening")
        #expect(dutch.first?.words.count == 2)
    }

    /// Without a target noun, an opinion is implicit: GENERAL, unless its word cues a
    /// category (`expensive` → PRICE; `too` + adjective is a complaint).
    @Test func noTargetGivesAnImplicitOpinion() throws {
        let general = Fixture.opinions("Absolutely terrible, never again.", .english)
        #expect(general.count == 1)
        #expect(general.first?.target == nil)
        #expect(general.first?.category == .general)
        #expect(general.first?.polarity == .negative)
        let price = Fixture.opinions("Way too expensive!", .english)
        #expect(price.count == 1)
        #expect(price.first?.target == nil)
        #expect(price.first?.category == "PRICE")
        #expect(price.first?.polarity == .negative)
    }

    /// A price word decides the category even with a target of another category:
    /// `the food is expensive` is a PRICE opinion whose target is `food`.
    @Test func priceCueOverridesTheTargetCategory() throws {
        let opinions = Fixture.opinions("The food is expensive.", .english)
        #expect(opinions.count == 1)
        #expect(opinions.first?.target?.text == "food")
        #expect(opinions.first?.category == "PRICE")
        #expect(opinions.first?.polarity == .negative)
    }

    /// `cold` is negative for food and says nothing about beer (opinions.tsv lists it for
    /// FOOD only); the general lexicon has no entry for it.
    @Test func contextWordsDependOnTheCategory() throws {
        let soup = Fixture.opinions("The soup was cold.", .english)
        #expect(soup.count == 1)
        #expect(soup.first?.category == "FOOD")
        #expect(soup.first?.polarity == .negative)
        #expect(soup.first?.words.first?.rules.contains("context") == true)
        #expect(Fixture.opinions("The beer was cold.", .english).isEmpty)
    }

    /// An attribute noun (`prices`, `prijzen`) gives its opinion a category but is no
    /// explicit target: `the prices are too high` is a negative PRICE opinion with no target,
    /// next to the positive FOOD opinion about `food`.
    @Test func attributeNounsAreNoTargets() throws {
        let text = "The food was great but the prices are too high."
        let opinions = Fixture.opinions(text, .english)
        #expect(try #require(Fixture.opinion(about: "food", in: opinions)).polarity == .positive)
        let price = try #require(opinions.first { $0.category == "PRICE" })
        #expect(price.target == nil)
        #expect(price.polarity == .negative)
        let tokenized = Tokenizer().tokenize(text)
        let targets = Fixture.extractor.targets(in: tokenized, analysis: Fixture.analyzer.analyze(tokenized, language: .english))
        #expect(targets.map(\.text) == ["food"])
        let dutch = try #require(Fixture.opinions("De prijzen zijn schappelijk.", .dutch).first)
        #expect(dutch.target == nil)
        #expect(dutch.category == "PRICE")
        #expect(dutch.polarity == .positive)
    }

    /// Dutch: the price-quality ratio (`prijs kwaliteit`, `prijs/kwaliteit`,
    /// `prijs-kwaliteitverhouding`) is an attribute like `prijs`: a PRICE opinion with no
    /// explicit target, as SemEval marks it.
    @Test func dutchPriceQualityRatioIsAnAttribute() throws {
        for text in ["Prijs kwaliteit heel goed!", "De prijs-kwaliteitverhouding is uitstekend.", "De prijskwaliteitverhouding is uitstekend."] {
            let opinion = try #require(Fixture.opinions(text, .dutch).first)
            #expect(opinion.target == nil)
            #expect(opinion.category == "PRICE")
            #expect(opinion.polarity == .positive)
        }
    }

    /// Dutch `manier` and `gevoel` are generic heads like `ding` and `keer`: alone they name
    /// nothing, so `op een schitterende manier` and `een goed gevoel` make no target and
    /// their words are about the experience as a whole (GENERAL).
    @Test func dutchMannerAndFeelingAreNoTargets() throws {
        for text in ["Hij deed dit op een schitterende manier.", "Wij hadden een goed gevoel."] {
            let opinion = try #require(Fixture.opinions(text, .dutch).first)
            #expect(opinion.target == nil)
            #expect(opinion.category == "GENERAL")
            #expect(opinion.polarity == .positive)
        }
    }

    /// Dutch `aan de ... kant` (`aan de karige kant`, `aan de dure kant`) grades the subject:
    /// `kant` is a generic head, no target, and the adjective goes to the subject.
    @Test func dutchAanDeKantGradesTheSubject() throws {
        let opinions = Fixture.opinions("Het toetje was wat aan de karige kant.", .dutch)
        #expect(opinions.compactMap(\.target?.text) == ["toetje"])
        #expect(opinions.first?.polarity == .negative)
    }

    /// A lukewarm word grades an aspect as acceptable: `the service ok` and `het eten was
    /// in orde` are neutral opinions, while `great` still makes the food positive and a
    /// negated `niet ok` stays negative.
    @Test func lukewarmWordsGiveNeutralOpinions() throws {
        let english = Fixture.opinions("The food was great and the service ok.", .english)
        #expect(try #require(Fixture.opinion(about: "food", in: english)).polarity == .positive)
        let service = try #require(Fixture.opinion(about: "service", in: english))
        #expect(service.polarity == .neutral)
        #expect(service.words.first?.rules.contains("lukewarm") == true)
        #expect(try #require(Fixture.opinion(about: "eten", in: Fixture.opinions("Het eten was in orde.", .dutch))).polarity == .neutral)
        #expect(try #require(Fixture.opinion(about: "eten", in: Fixture.opinions("Het eten was niet ok.", .dutch))).polarity == .negative)
    }

    /// `too` + adjective is a complaint (`too small`), but `not too bad` keeps the
    /// scorer's litotes reading (mildly positive).
    @Test func excessReadingAndItsNegation() throws {
        let portions = Fixture.opinions("The portions were too small.", .english)
        #expect(portions.first?.target?.text == "portions")
        #expect(portions.first?.polarity == .negative)
        let service = Fixture.opinions("The service was not too bad.", .english)
        #expect(service.first?.target?.text == "service")
        #expect(service.first?.polarity == .positive)
    }

    /// Byte ranges are UTF-8 offsets: `café` is five bytes, and its range selects it. A
    /// GENERAL target with an AMBIENCE cue (`gezellig`) is an AMBIENCE opinion.
    @Test func targetRangesAreUTF8ByteRanges() throws {
        let text = "Het café was gezellig."
        let tokenized = Tokenizer().tokenize(text)
        let analysis = Fixture.analyzer.analyze(tokenized, language: .dutch)
        let opinion = try #require(Fixture.extractor.opinions(in: tokenized, analysis: analysis).first)
        let target = try #require(opinion.target)
        #expect(target.range == 4..<9)
        #expect(tokenized.text(in: target.range) == "café")
        #expect(opinion.category == "AMBIENCE")
        let word = try #require(opinion.words.first)
        #expect(tokenized.text(in: word.range) == "gezellig")
    }

    /// The score is the words' sum normalized as the scorer's compound, in -1 ... 1, with
    /// the sign of the polarity.
    @Test func scoreIsNormalizedAndAgreesWithPolarity() throws {
        let opinions = Fixture.opinions("The pizza was absolutely amazing!!! The delivery was horribly slow.", .english)
        #expect(opinions.count == 2)
        for opinion in opinions {
            #expect((-1...1).contains(opinion.score))
            #expect(opinion.polarity == (opinion.score > 0 ? .positive : .negative))
        }
        #expect(Fixture.opinion(about: "pizza", in: opinions)?.sentence == 0)
        #expect(Fixture.opinion(about: "delivery", in: opinions)?.sentence == 1)
    }

    /// Extraction is pure: the same text gives the same opinions on any thread.
    @Test func extractionIsDeterministicAcrossThreads() async throws {
        let text = "Het eten was lekker, maar de bezorger was onbeleefd en het pakket kwam beschadigd aan."
        let expected = Fixture.opinions(text, .dutch)
        #expect(expected.count >= 2)
        let results = await withTaskGroup(of: [Opinion].self) { group in
            for _ in 0..<16 { group.addTask { Fixture.opinions(text, .dutch) } }
            var all: [[Opinion]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}

/// `OpinionExtractor.opinion(about:in:analysis:)`: the opinion about what a reader names.
struct OpinionAboutTests {
    func about(_ query: String, _ text: String, _ language: Language) -> Opinion? {
        let tokens = Tokenizer().tokenize(text)
        let analysis = Fixture.analyzer.analyze(tokens, language: language)
        return Fixture.extractor.opinion(about: query, in: tokens, analysis: analysis)
    }

    /// A word of the text gets the words tied to it, not those of other targets.
    @Test func aWordOfTheTextGetsItsOwnOpinion() throws {
        let waiter = try #require(about("Waiter", "the food was great but the waiter was rude", .english))
        #expect(waiter.target?.text == "waiter")
        #expect(waiter.polarity == .negative)
        #expect(waiter.words.map(\.entry) == ["rude"])
    }

    /// A category id (any case) collects that category's opinions.
    @Test func aCategoryCollectsItsOpinions() throws {
        let delivery = try #require(about("delivery", "De bezorging was traag maar het product is top", .dutch))
        #expect(delivery.category == "DELIVERY")
        #expect(delivery.polarity == .negative)
        #expect(about("DELIVERY", "Het product is top", .dutch) == nil, "no delivery in the text")
        #expect(about("food", "We had the salmon. Lovely evening!", .english)?.polarity == .positive, "a FOOD target, no word of its own")
    }

    /// With no word tied to it, a target in a sentence without sentiment takes the tone
    /// of the whole text; on its own the same sentence is neutral.
    @Test func aNeutralSentenceTakesTheTextsTone() throws {
        let salmon = try #require(about("salmon", "What a wonderful little place. We had the salmon.", .english))
        #expect(salmon.words.isEmpty)
        #expect(salmon.polarity == .positive)
        let alone = try #require(about("salmon", "We had the salmon.", .english))
        #expect(alone.polarity == .neutral)
    }

    /// Phrases match on normalized forms; what the text does not mention gives nil.
    @Test func phrasesMatchAndAbsentTargetsGiveNil() throws {
        let battery = try #require(about("Battery Life", "The battery life is terrible.", .english))
        #expect(battery.target?.text.lowercased() == "battery life")
        #expect(battery.polarity == .negative)
        #expect(about("screen", "The battery life is terrible.", .english) == nil)
    }
}
