import Foundation
import OpineSentiment
import OpineText
import Testing

/// The scoring rules, checked on a small hand-made lexicon so that each expectation
/// follows from the rule alone, not from the values of the built-in lexicons.
struct SentimentAnalyzerTests {
    static let english = """
        good\t2
        great\t3
        bad\t-2
        rude\t-2
        recommend\t1.5
        disappoint\t-2
        waste of money\t-2.5
        :)\t2
        👍\t2
        not\tnegator\t1
        never\tnegator\t1
        so\tintensifier\t0.3
        very\tintensifier\t0.3
        kind of\tdowntoner\t-0.3
        but\tcontrast-after\t1.5
        although\tcontrast-before\t0.5
        would\tirrealis\t0
        hoped\tirrealis\t0
        """
    static let dutch = """
        leuk\t2
        lekker\t2
        slecht\t-2
        bevalt\t1.5
        onvriendelijk\t-2
        top\t2.5
        geweldig\t3
        geweld\t-3
        niet\tnegator\t1
        geen\tnegator\t1
        echt\tintensifier\t0.3
        te\tintensifier\t0.2
        beschermen\t1
        maar\tcontrast-after\t1.5
        hoewel\tcontrast-before\t0.5
        had\tirrealis\t0
        """

    static func analyzer(extra: String = "") throws -> SentimentAnalyzer {
        let english = try LexiconFile(parsing: Data(Self.english.utf8), path: "en.tsv")
        let dutch = try LexiconFile(parsing: Data(Self.dutch.utf8), path: "nl.tsv")
        let override = try LexiconFile(parsing: Data(extra.utf8), path: "user.tsv")
        return SentimentAnalyzer(
            lexicons: LexiconSet(
                english: try Lexicon(language: .english, files: [english, override]),
                dutch: try Lexicon(language: .dutch, files: [dutch, override])))
    }

    let analyzer: SentimentAnalyzer
    init() throws { analyzer = try Self.analyzer() }

    func en(_ text: String) -> Analysis { analyzer.analyze(text, language: .english) }
    func nl(_ text: String) -> Analysis { analyzer.analyze(text, language: .dutch) }

    // MARK: Matching

    @Test func phrasesAreMatchedBeforeWords() {
        let analysis = en("what a waste of money")
        #expect(analysis.contributions.map(\.entry) == ["waste of money"])
        #expect(analysis.contributions.first?.match == .phrase)
        #expect(analysis.label == .negative)
    }

    @Test func phrasesMayStartWithANumber() throws {
        let analyzer = try Self.analyzer(extra: "5 stars\t2.5\n1 star\t-2\n")
        let praise = analyzer.analyze("I give it 5 stars", language: .english)
        #expect(praise.contributions.map(\.entry) == ["5 stars"])
        #expect(praise.label == .positive)
        #expect(analyzer.analyze("1 star, sadly", language: .english).label == .negative)
        #expect(analyzer.analyze("5 cars", language: .english).contributions.isEmpty)
    }

    @Test func stemsReachInflectedDutchForms() {
        let analysis = nl("leuke mensen, slechte koffie")
        #expect(analysis.contributions.map(\.match) == [.stem, .stem])
        #expect(analysis.contributions.map(\.entry) == ["leuk", "slecht"])
    }

    @Test func englishStemsAreOptIn() throws {
        #expect(en("disappointing").contributions.isEmpty)
        var analyzer = try Self.analyzer()
        analyzer.parameters.steps.insert(.englishStems)
        let analysis = analyzer.analyze("disappointing and disappointed", language: .english)
        #expect(analysis.contributions.map(\.match) == [.stem, .stem])
        #expect(analysis.compound < 0)
    }

    @Test func aStemWhoseFormsDisagreeInSignIsNotUsed() {
        // geweldig (+) and geweld (-) share the Snowball stem `geweld`: `geweldige`
        // must not be scored through it, and certainly not as violence.
        let analysis = nl("een geweldige avond")
        #expect(analysis.contributions.allSatisfy { $0.match != .stem })
        #expect(analysis.compound >= 0)
    }

    @Test func dutchComparativesAndSuperlatives() {
        #expect(nl("het lekkerste eten").contributions.first?.entry == "lekker")
        #expect(nl("nog slechtere service").compound < 0)
    }

    @Test func dutchCompoundsAndIntensifyingPrefixes() {
        let prefixed = nl("superslecht")
        #expect(prefixed.contributions.first?.match == .compound)
        #expect(prefixed.compound < nl("slecht").compound)
        #expect(nl("klantonvriendelijk").contributions.first?.entry == "klant+onvriendelijk")
        #expect(nl("kutservice topkwaliteit").contributions.map(\.match) == [.compound])
    }

    @Test func aDutchCurseBeforeAnAdjectiveSaysHowMuch() throws {
        let analyzer = try Self.analyzer(extra: "kanker\t-3\nlekkere\t2\nkanker\tintensifier\t0.3\n")
        // `kankerlekker`, `kanker lekker`: very tasty, not a curse.
        #expect(analyzer.dutch("kankerlekker").compound > analyzer.dutch("lekker").compound)
        #expect(analyzer.dutch("kanker lekker").compound > analyzer.dutch("lekker").compound)
        // Before a noun it is the curse, or as a medical topic the disease, no verdict.
        #expect(analyzer.dutch("kankerbedrijf").compound < 0)
        #expect(analyzer.dutch("aan kanker overleden").compound < 0)
        #expect(analyzer.dutch("kankerpatiënten en kankeronderzoekers").contributions.isEmpty)
    }

    @Test func anUnknownHyphenatedWordIsReadPartByPart() {
        // `food-great` is no entry; its part `great` is (and `klanten-service` stays whole).
        #expect(en("food-great").contributions.map(\.entry) == ["great"])
        #expect(en("food-great").compound > 0)
    }

    @Test func elongatedWordsFindTheirEntry() {
        let analysis = en("greeeeat")
        #expect(analysis.contributions.first?.entry == "great")
        #expect(analysis.contributions.first?.rules.map(\.rule) == [.elongation])
    }

    @Test func emojiAndEmoticonsAreScored() {
        let analysis = en("ok 👍🏽 :)")
        #expect(analysis.contributions.map(\.match) == [.emoji, .emoticon])
        #expect(analysis.label == .positive)
        // The writer's smile is not negated by the words before it.
        #expect(en("not today :)").compound > 0)
    }

    @Test func letterEmoticonsKeepTheirCase() throws {
        // `xD` and `XD` are emoticons to the tokenizer, which keeps their case; the
        // lexicon must key them so, not as the word `xd`.
        let analyzer = try Self.analyzer(extra: "xD\t2.8\nXD\t2.8\n")
        for text in ["that was fun xD", "that was fun XD"] {
            let analysis = analyzer.analyze(text, language: .english)
            #expect(analysis.contributions.map(\.match) == [.emoticon])
            #expect(analysis.compound > 0)
        }
    }

    @Test func htmlEscapedEmoticonsAreRead() throws {
        // Text from web pages and APIs often keeps HTML's escapes: `&lt;3` is `<3`.
        let analyzer = try Self.analyzer(extra: "<3\t1.9\n>:(\t-2.7\n")
        let heart = analyzer.analyze("see you soon &lt;333", language: .english)
        #expect(heart.contributions.map(\.entry) == ["<3"])
        #expect(heart.contributions.map(\.match) == [.emoticon])
        #expect(analyzer.analyze("late again &gt;:(", language: .english).compound < 0)
        #expect(analyzer.analyze("salt &amp; pepper", language: .english).contributions.isEmpty)
    }

    @Test func interjectionsAreNotNegated() throws {
        // Like an emoticon, `lol` is the writer's mood, not a claim the negation reverses.
        let analyzer = try Self.analyzer(extra: "lol\t1.8\n")
        let analysis = analyzer.analyze("I'm not the latter lol", language: .english)
        #expect(analysis.contributions.first?.rules.isEmpty == true)
        #expect(analysis.compound > 0)
        #expect(analyzer.analyze("not good", language: .english).compound < 0)
    }

    @Test func hashtagWordsAreScored() {
        #expect(nl("#nietleuk").compound < 0)
        #expect(en("#VeryGood").compound > en("good").compound)
    }

    @Test func uncertainLanguageIsScoredInBothAndTheReadingWithTermsWins() {
        // Two words are too few to identify reliably; `great` is only in the English lexicon.
        let analysis = analyzer.analyze("great!!")
        #expect(analysis.contributions.map(\.entry) == ["great"])
        #expect(analysis.compound > 0)
        #expect(analyzer.analyze("superslecht!!").compound < 0)
    }

    // MARK: Rules

    @Test func negationFlipsAndWeakens() {
        let negated = en("not good")
        #expect(negated.compound < 0)
        #expect(abs(negated.compound) < en("good").compound)
        #expect(negated.contributions.first?.rules.first?.rule == .negation)
        #expect(negated.contributions.first?.rules.first?.trigger == "not")
        #expect(en("isn't good").compound < 0)
    }

    @Test func anEnglishNegatorNegatesOneTerm() {
        // `not disappointed great camera`: the negator is spent on `disappointed`.
        let analysis = en("not disappoint great camera")
        #expect(analysis.contributions.map(\.entry) == ["disappoint", "great"])
        #expect(analysis.contributions[1].rules.isEmpty)
        #expect(analysis.compound > 0)
    }

    @Test func neverSoComparesRatherThanNegates() {
        #expect(en("never so good").compound > 0)
        #expect(en("never good").compound < 0)
        // The negator is the comparison's, so it is no negative cue of its own.
        #expect(en("never so good").contributions.map(\.entry) == ["good"])
    }

    @Test func notBeenThisComparesWithThePresent() {
        // `haven't been this bad in years` says it is very bad now; `so` stays a negation.
        #expect(en("I haven't been this bad in years").contributions.contains { $0.rules.contains { $0.rule == .litotes } } == false)
        #expect(en("I haven't been this bad in years").compound < 0)
        #expect(en("I haven't been this bad in years").contributions.map(\.entry) == ["bad"])
        #expect(en("it hasn't been so good lately").compound < 0)
    }

    @Test func anEnglishNegatorThatReversesNothingIsAWeakNegativeCue() throws {
        // No sentiment word, but a denial: `it doesn't play my files` leans negative.
        let denial = en("it doesn't play my files")
        #expect(denial.contributions.map(\.match) == [.negation])
        #expect(denial.compound < 0)
        // A negator spent on a term is not scored again; one clear word outweighs the cue.
        #expect(en("not good").contributions.map(\.entry) == ["good"])
        #expect(en("not today, good service").compound > 0)
        // A preposition is no denial (`comes without a case`).
        var analyzer = try Self.analyzer(extra: "without\tnegator\t1\n")
        #expect(analyzer.analyze("comes without a case", language: .english).contributions.isEmpty)
        // Dutch too (`het speelt mijn bestanden niet af`, `dat krijg je hier niet`), but not
        // `zonder`, `minder`, or `is/was anders` with nothing to deny (`het was anders`).
        #expect(nl("het speelt mijn bestanden niet af").contributions.map(\.match) == [.negation])
        #expect(nl("dat krijg je hier niet").compound < 0)
        #expect(nl("zonder saus").contributions.isEmpty)
        #expect(nl("met minder personeel").contributions.isEmpty)
        #expect(nl("het was anders").contributions.isEmpty)
        // The parameter switches it off.
        analyzer.parameters.danglingNegation = 0
        #expect(analyzer.analyze("it doesn't play my files", language: .english).contributions.isEmpty)
    }

    @Test func aNegatorWithAValenceOfItsOwnIsReadByItsScope() throws {
        // `no` is a negator and, as in VADER, a term (-1.2); `you` starts a phrase.
        let analyzer = try Self.analyzer(extra: "no\t-1.2\nno\tnegator\t1\nyou betcha\t2\n")
        // Nothing in its scope: its own term, whether the next word starts a phrase or not.
        for text in ["no you fool", "no I fool"] {
            let analysis = analyzer.english(text)
            #expect(analysis.contributions.map(\.match) == [.exact], "\(text)")
            #expect(analysis.contributions.first?.score == -1.2, "\(text)")
        }
        // A term in its scope: a rule word, also past an unknown word (`no real problems`).
        let denied = analyzer.english("no real good")
        #expect(denied.contributions.map(\.entry) == ["good"])
        #expect(denied.contributions.first?.rules.map(\.rule) == [.negation])
        #expect(denied.compound < 0)
        #expect(analyzer.english("no good").contributions.map(\.entry) == ["good"])
    }

    @Test func anyCarriesTheNegatorsScopeOn() throws {
        // `not` is four words before `problems`, beyond the window, but `any` stands in its
        // scope: the problems are denied (a litotes, mildly positive).
        let analyzer = try Self.analyzer(extra: "problems\t-1.7\n")
        let denied = analyzer.analyze("I have not had any distortion problems", language: .english)
        #expect(denied.contributions.first?.rules.map(\.rule) == [.litotes])
        #expect(denied.compound > 0)
        #expect(analyzer.analyze("I have not had those distortion problems", language: .english).compound < 0)
    }

    @Test func englishTooBeforeAnInfinitiveIsAnExcess() throws {
        let analyzer = try Self.analyzer(extra: "too\tintensifier\t0.2\neasy\t1.9\n")
        // The excess gets in the way: a complaint.
        #expect(analyzer.english("the buttons are too easy to hit").compound < 0)
        #expect(analyzer.english("the buttons are too easy to hit").contributions.first?.rules.map(\.rule) == [.excess])
        #expect(analyzer.english("too good for a part-time job").compound < 0)
        // Plain `too` stays a degree word, and `too good not to share` stays praise.
        #expect(analyzer.english("it is too good").compound > analyzer.english("it is good").compound)
        #expect(analyzer.english("too good not to share").compound > 0)
    }

    @Test func lessReversesButIsNoDenialOnItsOwn() throws {
        // `less expensive` is praise, as `not expensive` is; `spend less` denies nothing.
        let analyzer = try Self.analyzer(extra: "less\tnegator\t1\nexpensive\t-1.2\n")
        #expect(analyzer.analyze("less expensive than the rest", language: .english).compound > 0)
        #expect(analyzer.analyze("you spend less", language: .english).contributions.isEmpty)
    }

    @Test func articlesDoNotCountTowardTheNegationWindow() {
        // `bad` is four words after `wouldn't`, but two of them are `such a`: a litotes.
        #expect(en("it wouldn't be such a bad idea").compound > 0)
        #expect(en("it wouldn't be such a bad idea").contributions.first?.rules.map(\.rule) == [.litotes])
        // Other words still count: `not` is too far from `bad` here.
        #expect(en("not that we went there on bad days").compound < 0)
    }

    @Test func englishShouldHedgesWithoutAPerfect() throws {
        // `should be great` is an expectation or a demand, not a report: hedged by half.
        let analyzer = try Self.analyzer(extra: "should\tirrealis\t0.5\n")
        let should = analyzer.analyze("the service should be great", language: .english)
        #expect(should.contributions.first?.rules.map(\.rule) == [.irrealis])
        #expect(should.compound > 0)
        #expect(should.compound < analyzer.analyze("the service is great", language: .english).compound)
    }

    @Test func negationEndsAtTheClause() {
        #expect(en("not today, good service").compound > 0)
        // A hyphen standing alone is a dash, which ends the clause as `–` does.
        #expect(en("not today - good service").compound > 0)
        #expect(en("not today -- good service").compound > 0)
        #expect(en("not today – good service").compound > 0)
        #expect(nl("niet vandaag - lekker").compound > 0)
    }

    @Test func litotesIsMildlyPositive() {
        let litotes = en("not bad")
        #expect(litotes.compound > 0)
        #expect(litotes.compound < en("good").compound)
        #expect(litotes.contributions.first?.rules.first?.rule == .litotes)
        #expect(nl("niet slecht").compound > 0)
    }

    @Test func dutchNegatorAfterTheVerb() {
        #expect(nl("ik vond het niet leuk").compound < 0)
        #expect(nl("het bevalt me niet").compound < 0)
        // A negator after a second sentiment word belongs to that one.
        let analysis = nl("lekker eten maar niet leuk")
        #expect(analysis.contributions.first?.rules.contains { $0.rule == .negation } == false)
    }

    @Test func dutchNegatorReachesBackOnlyWhenItClosesItsClause() throws {
        let analyzer = try Self.analyzer(extra: "drukke\t-1\nbetere\t1.5\nslagen\t1\nthuis\t1\n")
        func negated(_ text: String) -> Bool {
            analyzer.dutch(text).contributions.first?.rules.contains { $0.rule == .negation || $0.rule == .litotes } == true
        }
        // A negator followed by a verb or phrase of its own negates that, not the word before.
        #expect(!negated("laat de drukke omgeving je niet afschrikken"))
        #expect(!negated("blijf thuis ga niet naar buiten"))
        #expect(analyzer.dutch("laat de drukke omgeving je niet afschrikken").compound < 0)
        // One that closes the clause, or heads a verb-final cluster, still reaches back.
        #expect(negated("lekker was het niet meer"))
        #expect(negated("een betere keuze had hij niet kunnen maken"))
        #expect(negated("ze slagen er niet in"))
    }

    @Test func aDutchNegatorNegatesTheInfinitiveThatClosesItsClause() throws {
        let analyzer = try Self.analyzer(extra: "discrimineren\t-2\nhelpen\t1\nzonder\tnegator\t1\n")
        func rules(_ text: String) -> [RuleEffect.Rule] { analyzer.dutch(text).contributions.last?.rules.map(\.rule) ?? [] }
        // `te` + infinitive ends its clause: a negator of the clause reaches it from afar.
        #expect(rules("om niet op leeftijd te discrimineren") == [.litotes])
        #expect(analyzer.dutch("om niet op leeftijd te discrimineren").compound > 0)
        #expect(rules("zonder de klanten van het hotel te helpen") == [.negation])
        // Not into the clause that `om` opens, nor past a term of its own.
        #expect(rules("ze waren niet bereid om de mensen te helpen").isEmpty)
        #expect(rules("niet lekker voor de mensen te helpen").isEmpty)
    }

    @Test func aCapitalisedDutchWordInsideANameHasNoSentiment() throws {
        let analyzer = try Self.analyzer(extra: "goor\t-2\n")
        // After a noun that introduces a name, or inside a name of several capitalised words.
        #expect(analyzer.dutch("mijn woonplaats Goor werd bevrijd").contributions.isEmpty)
        #expect(analyzer.dutch("we aten in het Grand Café Top").contributions.isEmpty)
        // The word itself, a sentence start, and title case keep their sentiment.
        #expect(analyzer.dutch("het eten was goor").compound < 0)
        #expect(analyzer.dutch("Goor eten. Top eten").contributions.map(\.entry) == ["goor", "top"])
        #expect(analyzer.dutch("het was Lekker Geweldig").contributions.map(\.entry) == ["lekker", "geweldig"])
        #expect(analyzer.dutch("de woonplaats goor").compound < 0)
    }

    @Test func dutchIsAndersNegatesOnlyTheTermBeforeIt() throws {
        let analyzer = try Self.analyzer(extra: "is anders\tnegator\t1\nwas anders\tnegator\t1\n")
        // `leuk is anders`: anything but nice.
        #expect(analyzer.dutch("leuk is anders").compound < 0)
        // `het was anders leuk` (it was nice, though): nothing before it to negate.
        #expect(analyzer.dutch("het was anders leuk").compound > 0)
    }

    @Test func dutchFrontedZoBeforeNooitCompares() throws {
        let analyzer = try Self.analyzer(extra: "nooit\tnegator\t1\nzo\tintensifier\t0.2\n")
        // `Zo lekker hebben we nog nooit gegeten`: never this good, praise, as `nooit zo lekker`.
        #expect(analyzer.dutch("zo lekker hebben we nog nooit gegeten").compound > 0)
        #expect(analyzer.dutch("zo lekker hebben we nog nooit gegeten").contributions.map(\.entry) == ["lekker"])
        #expect(analyzer.dutch("lekker was het nooit").compound < 0)
    }

    @Test func dutchGeenAndZonderNegateOnlyWhatFollows() {
        // `zonder` and `geen` scope forward: the praise before them stands.
        #expect(nl("lekker zonder franje").compound > 0)
        #expect(nl("lekker eten geen gedoe").compound > 0)
        #expect(nl("het bevalt me niet").contributions.first?.rules.contains { $0.rule == .negation } == true)
        #expect(nl("geen lekker eten").compound < 0)
    }

    @Test func dutchTeBeforeAPositiveAdjectiveIsAnExcess() {
        // `te makkelijk`: too easy, a complaint; `niet te ...` then a mild litotes.
        #expect(nl("het is te leuk").compound < 0)
        #expect(nl("het is te leuk").contributions.first?.rules.first?.rule == .excess)
        #expect(nl("niet te leuk").compound > 0)
        #expect(nl("niet te leuk").compound < nl("leuk").compound)
        // Before a negative term it intensifies, before an infinitive it is the particle.
        #expect(nl("te slecht").compound < nl("slecht").compound)
        #expect(nl("om ze te beschermen").contributions.first?.score == 1)
        // `niet al te leuk`: all too, a plain degree, so not very nice.
        #expect(nl("niet al te leuk").compound < 0)
        // `te mooi om op te eten`: hyperbolic praise.
        #expect(nl("te leuk om te laten").compound > nl("leuk om te laten").compound)
    }

    @Test func dutchWatOpeningItsClauseIsExclamative() throws {
        let analyzer = try Self.analyzer(extra: "wat\tdowntoner\t-0.3\n")
        // `Wat leuk!`, `Peter, wat leuk`: how nice, not somewhat nice.
        #expect(analyzer.dutch("wat leuk!").compound > analyzer.dutch("leuk!").compound)
        #expect(analyzer.dutch("hoi Peter, wat leuk dat je komt").contributions.first?.rules.first?.rule == .intensifier)
        // Right before its word inside the clause it is a downtoner: `was wat slecht`.
        #expect(analyzer.dutch("het was wat slecht").compound > analyzer.dutch("het was slecht").compound)
        #expect(analyzer.dutch("het was wat slecht").contributions.first?.rules.first?.rule == .downtoner)
        // A relative pronoun leaves the term alone: `, wat echt leuk was`, `, wat leuk was`.
        #expect(analyzer.dutch("we namen de vis, wat echt leuk was").contributions.first?.rules.map(\.rule) == [.intensifier])
        #expect(analyzer.dutch("we namen de vis, wat leuk was").contributions.first?.rules.isEmpty == true)
        #expect(analyzer.dutch("we namen de vis, wat bevalt, en de soep").contributions.first?.rules.isEmpty == true)
    }

    @Test func aDutchComparativeDeniedByKanNietIsASuperlative() throws {
        let analyzer = try Self.analyzer(extra: "slechter\t-2\n")
        // `Slechter dan dit kan niet`: nothing could be worse; not a litotes.
        #expect(analyzer.dutch("slechter dan dit kan niet").compound < 0)
        #expect(analyzer.dutch("lekkerder kan het niet").compound > 0)
        // With the negator first, only a comparative: `kan niet lekker slapen` is negated.
        #expect(analyzer.dutch("het kan niet lekkerder").compound > 0)
        // Either way the negator is the comparison's, no negative cue of its own.
        for superlative in ["slechter dan dit kan niet", "lekkerder kan het niet", "het kan niet lekkerder"] {
            #expect(analyzer.dutch(superlative).contributions.count == 1, "\(superlative)")
        }
        #expect(analyzer.dutch("ik kan niet lekker slapen").compound < 0)
        #expect(analyzer.dutch("lekker was het niet").compound < 0)
    }

    @Test func aSplitDutchSeparableVerbIsReadAsItsInfinitive() throws {
        let analyzer = try Self.analyzer(extra: "tegenvallen\t-1.5\naanraden\t2\nniemand\tnegator\t1\n")
        // The particle ends the main clause: `viel ons erg tegen` is `tegenvallen`.
        #expect(analyzer.dutch("het eten viel ons erg tegen").contributions.map(\.entry) == ["tegenvallen"])
        #expect(analyzer.dutch("ik raad het iedereen aan om te gaan").compound > 0)
        // A negator before the particle negates the verb, even one that scopes forward.
        #expect(analyzer.dutch("het viel niet tegen").compound > 0)
        #expect(analyzer.dutch("ik raad het niemand aan").compound < 0)
        // A preposition that does not end the clause is not the particle.
        #expect(analyzer.dutch("hij viel tegen de muur").contributions.isEmpty)
    }

    @Test func dutchHyphenatedWordsAreReadAsOneWordOrAsAListOfKnownWords() {
        // Every part known: read part by part.
        #expect(nl("Leuk-Lekker!").contributions.map(\.entry) == ["leuk", "lekker"])
        // Otherwise one word without its hyphens, through exact form, stems and compounds.
        #expect(nl("het was GE-WEL-DIG").contributions.map(\.entry) == ["geweldig"])
        #expect(nl("super-lekker").compound > nl("lekker").compound)
        #expect(nl("corona-maatregelen").contributions.isEmpty)
    }

    @Test func aDutchStanceAdverbIsNotNegatedByANegatorAfterIt() throws {
        let analyzer = try Self.analyzer(extra: "helaas\t-1\ngelukkig\t2\n")
        // `helaas niet`: unfortunately not, still unfortunate; not a litotes.
        #expect(analyzer.analyze("het kon helaas niet doorgaan", language: .dutch).compound < 0)
        #expect(analyzer.analyze("gelukkig geen problemen", language: .dutch).compound > 0)
        // Before the negator it is the adjective, negated as ever.
        #expect(analyzer.analyze("niet gelukkig", language: .dutch).compound < 0)
    }

    @Test func dutchDiminutivesReadTheirNounSoftenedWhenNegative() throws {
        let analyzer = try Self.analyzer(extra: "probleem\t-2\nfeest\t2\nlaag\t-1\nlage\t-1\n")
        let problem = analyzer.analyze("een probleempje", language: .dutch).contributions
        #expect(problem.map(\.entry) == ["probleem"])
        #expect(abs((problem.first?.valence ?? 0) + 1.2) < 1e-9)
        #expect(analyzer.analyze("feestjes", language: .dutch).contributions.first?.valence == 2)
        // An adjective's diminutive is another word: `laagje`, a layer.
        #expect(analyzer.analyze("een laagje", language: .dutch).contributions.isEmpty)
    }

    @Test func dutchVerbFormsReadTheirInfinitive() throws {
        let analyzer = try Self.analyzer(extra: "weigeren\t-2\nverwennen\t1.5\nstelen\t-1\nvlucht\t0\nvluchten\t-1\n")
        for text in ["de ober weigert", "hij weigerde het", "we werden geweigerd"] {
            let contributions = analyzer.analyze(text, language: .dutch).contributions
            #expect(contributions.map(\.entry) == ["weigeren"], "\(text)")
        }
        #expect(analyzer.analyze("je wordt er verwend", language: .dutch).compound > 0)
        // `stelt` is a form of stellen, not of stelen (steal): no sentiment.
        #expect(analyzer.analyze("het stelt gerust", language: .dutch).contributions.isEmpty)
        // A form the lexicon lists itself keeps its own entry: `vlucht` (flight) at 0.
        #expect(analyzer.analyze("de vlucht", language: .dutch).contributions.isEmpty)
    }

    @Test func dutchStressAccentsAreRead() {
        // `géén` is `geen` with stress marks: still a negator.
        #expect(nl("géén leuk feest").compound < 0)
        #expect(nl("écht top").compound > nl("top").compound)
    }

    @Test func intensifiersAndDowntoners() {
        #expect(en("very good").compound > en("good").compound)
        #expect(en("kind of good").compound < en("good").compound)
        #expect(en("kind of good").compound > 0)
        #expect(nl("echt top").compound > nl("top").compound)
    }

    @Test func theClauseAfterButWeighsMore() {
        #expect(en("good but bad").compound < 0)
        #expect(en("bad but good").compound > 0)
        #expect(nl("lekker maar slecht").compound < 0)
    }

    @Test func aDutchSentenceOpeningWithMaarOutweighsTheSentencesBefore() {
        // `Leuk en lekker. Maar slecht.`: the verdict after `Maar` wins, as inside a sentence.
        let analysis = nl("Leuk en lekker. Maar slecht.")
        #expect(analysis.compound < 0)
        #expect(analysis.contributions.first?.rules.contains { $0.rule == .beforeContrast } == true)
        // Without the contrast word the sentences count alike.
        #expect(nl("Leuk en lekker. Slecht.").compound > 0)
    }

    @Test func theClauseAfterAlthoughWeighsLess() {
        #expect(en("although bad, good").compound > 0)
        #expect(nl("hoewel slecht, lekker").compound > 0)
    }

    @Test func irrealisIsNotPositive() {
        #expect(en("it would have been great").compound <= 0)
        #expect(en("I hoped for great").compound <= 0)
        // A plain modal is a real recommendation.
        #expect(en("I would recommend it").compound > 0)
        #expect(nl("het had leuk kunnen zijn").compound <= 0)
    }

    @Test func anUnassertedStatementKeepsItsNegativeTerms() throws {
        let analyzer = try Self.analyzer(extra: "unless\tirrealis\t0\n")
        // Praise that is not asserted is no praise ...
        #expect(analyzer.english("unless it is good").compound <= 0)
        // ... but a bad outcome it names is still a worry or a complaint.
        let worry = analyzer.english("no medicine works unless it tastes bad")
        #expect(worry.compound < 0)
        #expect(worry.contributions.last?.rules.isEmpty == true)
    }

    @Test func englishWhyQuestionIsAWeakComplaint() throws {
        let analyzer = try Self.analyzer(extra: "why\tquestion\t\n")
        // A `why` question is mostly a complaint, even without a sentiment word.
        let why = analyzer.english("Why would anyone buy this?")
        #expect(why.contributions.map(\.match) == [.question])
        #expect(why.compound < 0)
        #expect(analyzer.english("so why did I trade up from my good one?").compound < analyzer.english("so I traded up from my good one?").compound)
        // One clear sentiment word outweighs it, and a `why` that asks nothing is no cue.
        #expect(analyzer.english("why is it so good?").compound > 0)
        #expect(analyzer.english("that is why I bought it").contributions.isEmpty)
    }

    @Test func aQuestionWeighsLess() throws {
        let asked = en("is it good?")
        #expect(asked.contributions.first?.rules.map(\.rule) == [.question])
        #expect(asked.compound > 0 && asked.compound < en("it is good").compound)
        // An exclamatory question is a question too, and a smiley after it changes nothing.
        #expect(en("is it good?!").contributions.first?.rules.map(\.rule) == [.question, .exclamation])
        #expect(en("is it good? :)").contributions.first?.rules.map(\.rule) == [.question])
        // A question mark in an earlier sentence does not reach the next one.
        #expect(en("Really? It is good.").contributions.first?.rules.isEmpty == true)
        // The rhetorical `why` asks the same test: it counts where the question weight applies.
        let analyzer = try Self.analyzer(extra: "why\tquestion\t\n")
        let why = analyzer.english("WHY?!")
        #expect(why.contributions.map(\.match) == [.question])
        #expect(why.contributions.first?.rules.first?.rule == .question)
    }

    @Test func englishModalWithMainVerbHaveIsNoCounterfactual() throws {
        let analyzer = try Self.analyzer(extra: "should have\tirrealis\t-0.5\n")
        // A perfect: what should have been good was not.
        #expect(analyzer.english("it should have been good").compound < 0)
        // `have to`, `have the`: the main verb `have`, so the complaint is reported, not unreal.
        let obligation = analyzer.english("I should have to pay for a bad meal")
        #expect(obligation.compound < 0)
        #expect(obligation.contributions.first?.rules.isEmpty == true)
        #expect(analyzer.english("you should have the right to a good meal").compound > 0)
    }

    @Test func englishCannotWithAComparativeIsASuperlative() throws {
        let analyzer = try Self.analyzer(extra: "better\t1.9\nworse\t-2.1\nfriendlier\t2\n")
        // Nothing could surpass it: the term keeps its sign, and the negator is no complaint.
        let best = analyzer.english("it couldn't be any better")
        #expect(best.compound > 0)
        #expect(best.contributions.map(\.entry) == ["better"])
        #expect(best.contributions.first?.rules.isEmpty == true)
        #expect(analyzer.english("I cannot imagine a friendlier staff").compound > 0)
        #expect(analyzer.english("it could not be worse").compound < 0)
        #expect(analyzer.english("we couldn't be more rude").compound < 0)
        // A plain negator, or `can't` before a positive degree, still reverses.
        #expect(analyzer.english("it was not better").compound < 0)
        #expect(analyzer.english("it couldn't be good").compound < 0)
    }

    @Test func englishThanksForSomethingBadIsIronic() throws {
        let analyzer = try Self.analyzer(extra: "thanks\t1.9\nthank\t1.5\nruining\t-1\nwasting\t-1.5\n")
        let ironic = analyzer.english("Thanks Hermine for ruining my week.")
        #expect(ironic.compound < 0)
        #expect(ironic.contributions.first?.rules.map(\.rule) == [.irony])
        #expect(analyzer.english("thank you for wasting my time").compound < 0)
        // Thanks for something good, or for something neutral, is gratitude.
        #expect(analyzer.english("thanks for the good advice").compound > 0)
        #expect(analyzer.english("thanks for the ride, ruining my week was not your fault").contributions.first?.rules.isEmpty == true)
    }

    @Test func praiseThatOpensAComplaintIsIronic() throws {
        let analyzer = try Self.analyzer(extra: "perfect\t2.5\nlekker\t2\nweer\t0\n")
        let ironic = en("Great, bad service again.")
        #expect(ironic.compound < 0)
        #expect(ironic.contributions.first?.rules.map(\.rule) == [.irony])
        #expect(analyzer.english("Oh perfect, rude staff").compound < 0)
        #expect(analyzer.english("Oh perfect, the staff was not good").compound < 0)
        #expect(analyzer.dutch("Nou lekker dan, weer slecht").compound < 0)
        // Praise before more praise, a contrast, or a denied complaint is meant.
        for meant in ["Great, good service", "Great, but bad service", "Great, not bad"] {
            #expect(en(meant).contributions.first?.rules.contains { $0.rule == .irony } == false, "\(meant)")
        }
        // Only an opener alone before its comma: praise inside the sentence is no exclamation.
        #expect(en("The food was great, bad service").contributions.first?.rules.isEmpty == true)
        #expect(en("Great food, bad service").contributions.first?.rules.isEmpty == true)
    }

    @Test func praiseAddressedToSomeoneThatOpensAComplaintIsIronic() throws {
        let analyzer = try Self.analyzer(extra: "thanks\t1.9\nbedankt\t1.8\nweer\t0\nte laat\t-1.5\n")
        // Up to two words of address between the praise and its comma: a brand, a mention.
        for ironic in ["Thanks Comcast, bad service again.", "Thanks a lot @united, rude staff", "Great, bad service."] {
            #expect(analyzer.english(ironic).contributions.first?.rules.map(\.rule) == [.irony], "\(ironic)")
        }
        #expect(analyzer.dutch("Bedankt NS, weer te laat").compound < 0)
        #expect(analyzer.english("Thanks Comcast. Bad service again.").compound < 0)
        // A lower-case word is no word of address: `Thanks everyone,` opens nothing.
        #expect(analyzer.english("Thanks everyone, bad service is rare here").contributions.first?.rules.isEmpty == true)
        // Thanks before praise, or before a contrast, is meant.
        #expect(analyzer.english("Thanks Comcast, good service again").compound > 0)
        #expect(analyzer.english("Thanks Comcast, but bad service").contributions.first?.rules.contains { $0.rule == .irony } == false)
    }

    @Test func englishPraiseOfAHarmfulDeedIsIronic() throws {
        let analyzer = try Self.analyzer(extra: "great job\t2.8\nwell done\t2\nlosing\t-1.6\nbreaking\t-1.2\n")
        let ironic = analyzer.english("Great job losing my package again")
        #expect(ironic.contributions.first?.rules.map(\.rule) == [.irony])
        #expect(ironic.compound < 0)
        #expect(analyzer.english("well done on breaking it").compound < 0)
        // Praise of a good deed, or with a comma before the complaint, is read by the other rules.
        #expect(analyzer.english("great job with the good service").compound > 0)
        #expect(analyzer.english("Great job on the update, bad service though").contributions.first?.rules.isEmpty == true)
    }

    @Test func aComparativeUnderAModalIsAWishThatFallsShort() throws {
        let analyzer = try Self.analyzer(
            extra: "friendly\t2\nfriendlier\t2\nbad\t-2\nworse\t-2\ncould\tirrealis\t0.5\na bit\tdowntoner\t-0.3\nwat\tdowntoner\t-0.3\n")
        for wish in ["The staff could be friendlier", "The staff could be a bit friendlier", "Staff could be more friendly"] {
            let analysis = analyzer.english(wish)
            #expect(analysis.compound < 0, "\(wish)")
            #expect(analysis.contributions.first?.rules.last?.rule == .irrealis, "\(wish)")
        }
        // A bad thing wished away is mild relief.
        #expect(analyzer.english("it could be worse").compound > 0)
        // A comparison with `than` states a fact; `what` asks a question that praises; a
        // plain comparative is no wish.
        #expect(analyzer.english("it can be friendlier than the old one").compound > 0)
        #expect(analyzer.english("what could be friendlier").compound > 0)
        #expect(analyzer.english("the staff were friendlier").compound > 0)
        // Dutch, with words of no sentiment or degree between the modal and the comparative.
        #expect(analyzer.dutch("het kan lekkerder").compound < 0)
        #expect(analyzer.dutch("het personeel kan wel wat lekkerder").compound < 0)
        #expect(analyzer.dutch("wat kan er lekkerder zijn").compound > 0)
        #expect(analyzer.dutch("lekkerder dan vorige keer").compound > 0)
        #expect(analyzer.dutch("het kan niet lekkerder").compound > 0)
    }

    @Test func praiseAsASentenceNextToAComplaintIsIronic() {
        // `Forgot my phone at home. Great.`: a sentence of praise alone answers a complaint.
        for ironic in ["Bad service. Great.", "Great. Bad service.", "Rude staff! Oh great!"] {
            let great = en(ironic).contributions.first { $0.entry == "great" }
            #expect(great?.rules.map(\.rule).contains(.irony) == true, "\(ironic)")
            #expect(en(ironic).compound < 0, "\(ironic)")
        }
        // Next to praise, or not alone in its sentence, it is meant.
        // Only the next sentence counts: in `Bad. Then. Great.` a sentence with no term stands between.
        for meant in ["Good service. Great.", "Great. Good service.", "Bad service. Great food.", "Great.", "Bad. Then. Great."] {
            let great = en(meant).contributions.first { $0.entry == "great" }
            #expect(great?.rules.map(\.rule).contains(.irony) == false, "\(meant)")
        }
    }

    @Test func englishWishThatSomeoneWouldIsNoPraise() throws {
        let analyzer = try Self.analyzer(extra: "wish\tirrealis\t-0.5\nwish\t1.7\n")
        // `wish` + subject + `would` wishes for a change the writer does not get: a complaint.
        let complaint = analyzer.english("I wish they would change it back")
        #expect(complaint.contributions.isEmpty)
        #expect(complaint.compound <= 0)
        #expect(analyzer.english("i wish canon would work out a fix").compound <= 0)
        // What the clause wishes for keeps its own score.
        #expect(analyzer.english("I wish Pacino would make one more great film").compound > 0)
        // A wish about the writer's own lot stays a (fond) term.
        #expect(analyzer.english("wish I was there").contributions.map(\.entry) == ["wish"])
    }

    /// Dutch `had`/`hadden` with `kunnen`/`moeten` later in the clause is a counterfactual
    /// even when `had` is no lexicon entry (in the built-in lexicon it is not: it is mostly
    /// the past of `hebben`), and what stands before the verb is in its scope too.
    @Test func dutchPraiseOfThePastEndsAtNu() throws {
        let analyzer = try Self.analyzer(extra: "vroeger\tirrealis\t-0.5\n")
        // `vroeger leuk`: it used to be, so no longer.
        #expect(analyzer.dutch("de soep was vroeger leuk").compound < 0)
        // `nu` returns to the present: `slecht` after it is not reversed.
        let analysis = analyzer.dutch("de soep die vroeger leuk was is nu slecht")
        #expect(analysis.contributions.last?.rules.isEmpty == true)
        #expect(analysis.compound < analyzer.dutch("de soep was vroeger leuk").compound)
    }

    @Test func dutchCounterfactualsWithoutAnEntryForHad() throws {
        let dutch = try LexiconFile(parsing: Data("leuk\t2\nlekker\t2\nniet\tnegator\t1\n".utf8), path: "nl.tsv")
        let english = try LexiconFile(parsing: Data("good\t2\n".utf8), path: "en.tsv")
        let analyzer = SentimentAnalyzer(
            lexicons: LexiconSet(
                english: try Lexicon(language: .english, files: [english]), dutch: try Lexicon(language: .dutch, files: [dutch])))
        #expect(analyzer.dutch("het had leuk kunnen zijn").compound < 0)
        #expect(analyzer.dutch("lekkerder had het niet gekund").compound > 0, "could not have been tastier")
        #expect(analyzer.dutch("ik had de vis, lekker").compound > 0, "had alone is the past of hebben")
        #expect(analyzer.dutch("het was leuk om te kunnen lunchen").compound > 0, "te kunnen is an infinitive")
    }

    @Test func capitalsAndExclamationsAddEmphasis() {
        #expect(en("it was GREAT").compound > en("it was great").compound)
        #expect(en("great!!!").compound > en("great").compound)
        #expect(en("great?").compound < en("great").compound)
    }

    // MARK: Output

    @Test func scoresAreBoundedAndSharesSumToOne() {
        for text in ["good good good great great!!!", "", "the", "bad but good", "👍 :) not bad"] {
            let analysis = en(text)
            #expect((-1...1).contains(analysis.compound))
            #expect(abs(analysis.positive + analysis.negative + analysis.neutral - 1) < 1e-9)
            #expect((0...1).contains(analysis.subjectivity))
        }
    }

    @Test func labelsFollowTheThresholds() {
        #expect(en("good").label == .positive)
        #expect(en("bad").label == .negative)
        #expect(en("the table").label == .neutral)
        #expect(en("great food, rude staff").label == .mixed)
    }

    @Test func perSentenceScores() {
        let analysis = en("Good food. Rude staff.")
        #expect(analysis.sentences.count == 2)
        #expect(analysis.sentences[0].compound > 0)
        #expect(analysis.sentences[1].compound < 0)
    }

    @Test func theCompoundGrowsWithTheSquareRootOfTheTermCount() throws {
        // Four `good` (2 each) weigh as one term of 2 × sqrt(4) = 4, not as one of 8.
        let analyzer = try Self.analyzer(extra: "superb\t4\n")
        let four = analyzer.analyze("good. good. good. good.", language: .english)
        #expect(four.contributions.count == 4)
        #expect(abs(four.compound - analyzer.analyze("superb", language: .english).compound) < 1e-9)
        #expect(four.compound < 8 / (64 + 15.0).squareRoot())
        // One term is not damped, and the sign is always the sum's.
        #expect(abs(en("good").compound - 2 / (4 + 15.0).squareRoot()) < 1e-9)
        #expect(en("good good bad").compound > 0)
    }

    @Test func neutralWordsTemperTheCompound() {
        // The same single term weighs less among many neutral words, with the same sign.
        let short = en("good")
        let long = en("the train left the station at nine and was good on the whole way to the city")
        #expect(long.contributions.count == 1)
        #expect(long.compound > 0)
        #expect(long.compound < short.compound)
        #expect(en("bad").compound < en("the train left the station at nine and was bad").compound)
    }

    @Test func aBoosterWithAValenceCountsUnlessItModifiesTheNextWord() throws {
        // `redelijk` is both a downtoner and a lukewarm word; `van` begins a phrase that
        // is not there, so it does not make `redelijk` a modifier.
        let analyzer = try Self.analyzer(extra: "redelijk\t0.6\nredelijk\tdowntoner\t-0.3\nvan harte aanbevolen\t2.8\n")
        #expect(analyzer.analyze("redelijk van prijs", language: .dutch).compound > 0)
        let modified = analyzer.analyze("redelijk lekker", language: .dutch)
        #expect(modified.contributions.count == 1)
        #expect(modified.contributions.first?.rules.first?.rule == .downtoner)
        let phrase = analyzer.analyze("redelijk van harte aanbevolen", language: .dutch)
        #expect(phrase.contributions.map(\.entry) == ["van harte aanbevolen"])
    }

    @Test func userEntriesOverrideBuiltInOnes() throws {
        let analyzer = try Self.analyzer(extra: "good\t-1\nsick\t2.5\n")
        #expect(analyzer.analyze("good", language: .english).compound < 0)
        #expect(analyzer.analyze("sick", language: .english).compound > 0)
    }

    @Test func lexiconLookupsFollowCanonicalEquivalence() throws {
        // Lookups hash bytes; a decomposed query must still find a precomposed entry, and
        // a decomposed entry a precomposed query, as String comparison does.
        let file = try LexiconFile(parsing: Data("oké\t2\ncafe\u{301}\t1\n".utf8), path: "nl.tsv")
        let lexicon = try Lexicon(language: .dutch, files: [file])
        #expect(lexicon.valence(of: "oké") == 2)
        #expect(lexicon.valence(of: "oke\u{301}") == 2)
        #expect(lexicon.valence(of: "café") == 1)
        #expect(lexicon.valence(of: "cafe") == nil)
        #expect(lexicon.valence(of: "") == nil)
        #expect(lexicon.modifier("oké") == nil)
    }

    @Test func identicalResultsOnManyThreads() async {
        let texts = (0..<300).map { "Text \($0): not bad but very RUDE!!! \($0 % 2 == 0 ? "great" : "slecht")" }
        let expected = texts.map { analyzer.analyze($0) }
        let shared = analyzer
        let results = await withTaskGroup(of: (Int, Analysis).self) { group in
            for (index, text) in texts.enumerated() { group.addTask { (index, shared.analyze(text)) } }
            var results = [Analysis?](repeating: nil, count: texts.count)
            for await (index, analysis) in group { results[index] = analysis }
            return results
        }
        #expect(results == expected)
    }
}

extension SentimentAnalyzer {
    /// The analysis of `text` read as English: `analyzer.english("not bad")` names the
    /// analyzer a test reads with, so a test that builds its own cannot fall back to another.
    func english(_ text: String) -> Analysis { analyze(text, language: .english) }

    /// The analysis of `text` read as Dutch (see ``english(_:)``).
    func dutch(_ text: String) -> Analysis { analyze(text, language: .dutch) }
}
