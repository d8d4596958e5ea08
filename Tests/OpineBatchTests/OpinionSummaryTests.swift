import OpineAspects
import OpineSentiment
import OpineText
import Testing
@testable import OpineBatch

/// The opinions part of the summary: categories and terms ranked by volume and net
/// sentiment, and the same counts whatever the number of jobs.
struct OpinionSummaryTests {
    func opinion(_ term: String?, _ category: AspectCategory, _ polarity: OpinionPolarity) -> Opinion {
        let target = term.map { OpinionTarget(text: $0, range: 0..<$0.utf8.count, term: $0, category: category) }
        let score = polarity == .positive ? 0.5 : polarity == .negative ? -0.5 : 0
        return Opinion(target: target, category: category, polarity: polarity, score: score, words: [], sentence: 0)
    }

    /// 5 texts, 4 with opinions: DELIVERY 6 (5 negative), FOOD 4 (3 positive), GENERAL 1.
    var summary: AspectSummary {
        var summary = AspectSummary()
        summary.add([opinion("bezorging", "DELIVERY", .negative), opinion("pakket", "DELIVERY", .negative)])
        summary.add([opinion("bezorging", "DELIVERY", .negative), opinion("eten", "FOOD", .positive)])
        summary.add([opinion("bezorging", "DELIVERY", .negative), opinion("pakket", "DELIVERY", .negative), opinion("friet", "FOOD", .negative)])
        summary.add([
            opinion("bezorging", "DELIVERY", .positive), opinion("eten", "FOOD", .positive), opinion("eten", "FOOD", .positive),
            opinion(nil, .general, .positive),
        ])
        summary.add([])
        return summary
    }

    @Test func categoriesAndTermsAreRankedByVolumeAndNetSentimentWithCounts() {
        #expect(
            OpinionSummaryLines.of(summary) == [
                "  opinions   11 in 4 rows (80.0%); categories by volume:",
                "    DELIVERY: 6 mentions, 83% negative, 17% positive, top terms: bezorging, pakket",
                "    FOOD: 4 mentions, 25% negative, 75% positive, top terms: eten, friet",
                "    GENERAL: 1 mention, 0% negative, 100% positive, no explicit terms",
                "  net        most negative first: DELIVERY -67%, FOOD +50%, GENERAL +100%",
                "  terms      most mentioned: bezorging 4 (net -50%), eten 3 (net +100%), pakket 2 (net -100%), friet 1 (net -100%)",
                "  negative   most negative terms with 3+ mentions: bezorging -50% (4)",
                "  positive   most positive terms with 3+ mentions: eten +100% (3)",
            ])
    }

    @Test func theRunSummaryEndsWithTheOpinions() {
        var tally = BatchTally()
        tally.rowsRead = 5
        tally.rowsWritten = 5
        tally.labels = [.negative: 5]
        tally.languages = [.dutch: 5]
        tally.stances = [.detractor: 5]
        tally.aspects = summary
        let rendered = BatchSummary(tally: tally, seconds: 1, bytesRead: 100, output: "out.csv", rejects: nil).rendered
        #expect(rendered.hasSuffix("  stance     detractors 5 (100.0%)\n" + OpinionSummaryLines.of(summary).joined(separator: "\n") + "\n"))
    }

    @Test func rowsWithoutOpinionsSayNoMore() {
        var summary = AspectSummary()
        summary.add([])
        summary.add([])
        #expect(OpinionSummaryLines.of(summary) == ["  opinions   0 in 0 rows (0.0%)"])
        #expect(OpinionSummaryLines.of(AspectSummary()).isEmpty)
    }

    static let texts = [
        "the food was great but the waiter was rude", "De bezorging was traag, maar het product is top",
        "Terrible support, nobody answers", "Lekker eten en vriendelijke bediening", "The app keeps crashing",
        "Veel te duur voor wat je krijgt", "Fast delivery, love the product", "geen mening", "De klantenservice was super behulpzaam",
        "The pizza was cold and the drinks were warm", "Mooie locatie, gezellige sfeer", "ok",
    ]

    /// The tally of each chunk is merged in input order, so the counts (and the order of
    /// floating-point sums) are the same with one job or several, and equal to counting
    /// every row on one thread.
    @Test func oneJobAndTwoJobsGiveTheSameSummaryAsCountingAlone() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rows = (0..<600).map { Self.texts[($0 * 7) % Self.texts.count] }
        let input = try scratch.write("in.csv", "text\n" + rows.map { "\"\($0)\"\n" }.joined())
        func run(jobs: Int) throws -> BatchSummary {
            try BatchJob(options: BatchOptions(inputs: [input], output: scratch.path("out\(jobs).jsonl"), jobs: jobs, opinions: sharedExtractor, chunkRows: 7))
                .run(analyzer: sharedAnalyzer)
        }
        let one = try run(jobs: 1)
        let two = try run(jobs: 2)
        #expect(one.tally == two.tally)
        #expect(try scratch.read("out1.jsonl") == scratch.read("out2.jsonl"))
        var alone = AspectSummary()
        for text in rows { alone.add(sharedExtractor.opinions(in: text, analyzer: sharedAnalyzer).opinions) }
        #expect(OpinionSummaryLines.of(two.tally.aspects) == OpinionSummaryLines.of(alone))
        #expect(two.tally.aspects.texts == 600)
        #expect(two.tally.aspects.total.mentions == alone.total.mentions)
        #expect(two.tally.aspects.categories().count >= 6)
    }
}
