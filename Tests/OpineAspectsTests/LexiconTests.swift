import Foundation
import OpineAspects
import OpineSentiment
import OpineText
import Testing

/// Term matching (stems, Dutch compounds), the taxonomy and the data files.
struct LexiconTests {
    /// Dutch compounds: a weak head (`tijd`, `medewerker`) yields to its first part, a
    /// strong head (`bezorger`, `kaart` in `wijnkaart` is weak and `wijn` is DRINKS) keeps
    /// its own category; linking `-s-` is dropped (`levering-s-tijd`).
    @Test(arguments: [
        ("bezorgtijd", "DELIVERY"), ("klantenservicemedewerker", "SUPPORT"), ("leveringstijd", "DELIVERY"),
        ("pakketbezorger", "DELIVERY"), ("wijnkeuze", "DRINKS"), ("ontbijtbuffet", "FOOD"), ("servicemedewerker", "SERVICE"),
        ("appupdate", "APP"),
    ])
    func dutchCompounds(word: String, category: String) throws {
        let match = try #require(Fixture.extractor.lexicons.dutch.match(word), "\(word)")
        #expect(match.category == AspectCategory(category), "\(word)")
    }

    /// Snowball stems find inflected forms of listed terms.
    @Test func stemsFindInflectedForms() throws {
        #expect(Fixture.extractor.lexicons.dutch.match("bezorgingen")?.category == "DELIVERY")
        #expect(Fixture.extractor.lexicons.english.match("deliveries")?.category == "DELIVERY")
        let waiters = try #require(Fixture.extractor.lexicons.english.match("waitresses"))
        #expect(waiters.category == "SERVICE")
    }

    /// Words that are no aspect, or too short to split, match nothing.
    @Test func unknownWordsMatchNothing() {
        #expect(Fixture.extractor.lexicons.dutch.match("fietsen") == nil)
        #expect(Fixture.extractor.lexicons.english.match("quickly") == nil)
        #expect(Fixture.extractor.lexicons.dutch.match("advies") == nil)
    }

    /// A frequent verb (grammar.tsv) is no compound: `gegeten` is not `geg` + `eten`,
    /// so `lekker gegeten` has no target, while `lekker eten` is about the food.
    @Test func frequentVerbsAreNoCompounds() {
        #expect(Fixture.extractor.lexicons.dutch.match("gegeten") == nil)
        #expect(Fixture.opinions("We hebben hier lekker gegeten.", .dutch).allSatisfy { $0.target == nil })
        #expect(Fixture.extractor.lexicons.dutch.match("ontbijtbuffet")?.category == "FOOD")
    }

    /// A generic head (weak GENERAL: `avond`, `dag`, `ding`) after an unknown first part
    /// makes no compound term (`zondagavond`, `bevindingen`, `melding`), while one after a
    /// known first part still takes that part's category (`bezorgtijd`).
    @Test func genericHeadsAfterUnknownFirstPartsAreNoCompounds() {
        for word in ["zondagavond", "bevindingen", "melding"] {
            #expect(Fixture.extractor.lexicons.dutch.match(word) == nil, "\(word)")
        }
        #expect(Fixture.extractor.lexicons.dutch.match("bezorgtijd")?.category == "DELIVERY")
    }

    /// The built-in taxonomy has the documented categories, and SemEval's categories map
    /// as documented in semeval-categories.tsv (any #PRICES attribute is PRICE).
    @Test func taxonomyAndSemEvalMapping() {
        let taxonomy = Fixture.extractor.taxonomy
        for id in ["GENERAL", "PRODUCT", "PRICE", "DELIVERY", "SERVICE", "SUPPORT", "APP", "FOOD", "DRINKS", "AMBIENCE", "LOCATION", "OTHER"] {
            #expect(taxonomy.contains(AspectCategory(id)), "\(id)")
        }
        #expect(taxonomy.category(forExternal: "FOOD#QUALITY") == "FOOD")
        #expect(taxonomy.category(forExternal: "FOOD#PRICES") == "PRICE")
        #expect(taxonomy.category(forExternal: "RESTAURANT#PRICES") == "PRICE")
        #expect(taxonomy.category(forExternal: "RESTAURANT#GENERAL") == "GENERAL")
        #expect(taxonomy.category(forExternal: "SERVICE#GENERAL") == "SERVICE")
        #expect(taxonomy.category(forExternal: "AMBIENCE#GENERAL") == "AMBIENCE")
        #expect(taxonomy.category(forExternal: "DRINKS#STYLE_OPTIONS") == "DRINKS")
        #expect(taxonomy.category(forExternal: "BATTERY#OPERATION_PERFORMANCE") == "PRODUCT")
        #expect(taxonomy.entry("PRICE")?.cueOverridesTarget == true)
        #expect(taxonomy.entry("FOOD")?.cueOverridesTarget == false)
    }

    /// A user's term file adds terms (and can use `weak`): `kassabon` becomes PRICE.
    @Test func userTermFilesExtendTheLists() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opine-aspect-terms-\(UInt64.random(in: 0...UInt64.max)).tsv")
        try Data("# my terms\nkassabon\tPRICE\nzelfscan\tAPP\tterm\tself-scan tills\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(Fixture.extractor.lexicons.dutch.match("kassabon") == nil)
        let extended = try OpinionExtractor(additionalTerms: [url])
        #expect(extended.lexicons.dutch.match("kassabon")?.category == "PRICE")
        #expect(extended.lexicons.english.match("zelfscan")?.category == "APP")
        let (_, opinions) = extended.opinions(in: "De kassabon was onduidelijk.", analyzer: Fixture.analyzer, language: .dutch)
        #expect(opinions.first?.target?.text == "kassabon")
        #expect(opinions.first?.category == "PRICE")
    }

    /// A malformed term line is reported with its file and line.
    @Test func malformedTermFilesNameTheLine() {
        let data = Data("ok\tPRICE\nbroken\tNOSUCH\n".utf8)
        #expect(throws: AspectDataError.malformed(path: "x.tsv", line: 2, reason: "unknown category 'NOSUCH'; add it to categories.tsv first")) {
            try AspectTermFile(parsing: data, path: "x.tsv", taxonomy: Fixture.extractor.taxonomy)
        }
        #expect(throws: AspectDataError.self) {
            try AspectTermFile(parsing: Data("word\tPRICE\tstrong\n".utf8), path: "y.tsv", taxonomy: Fixture.extractor.taxonomy)
        }
    }
}
