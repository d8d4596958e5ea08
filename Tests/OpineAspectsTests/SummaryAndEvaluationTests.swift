import OpineAspects
import OpineSentiment
import OpineText
import Testing

/// The summary over many texts, the targeted API and the gold-corpus evaluation.
struct SummaryAndEvaluationTests {
    /// Three texts: two DELIVERY complaints (bezorging, pakket) and one positive FOOD
    /// opinion. DELIVERY ranks first by volume and by negativity, 100% negative.
    @Test func summaryRanksCategoriesAndTerms() throws {
        var summary = AspectSummary()
        for text in ["De bezorging was traag.", "Het pakket kwam beschadigd aan.", "Het eten was heerlijk."] {
            summary.add(Fixture.opinions(text, .dutch))
        }
        #expect(summary.texts == 3)
        let rows = summary.categories(rankedBy: .volume)
        let delivery = try #require(rows.first)
        #expect(delivery.category == "DELIVERY")
        #expect(delivery.counts.mentions == 2)
        #expect(delivery.counts.negative == 2)
        #expect(Set(delivery.topTerms.map(\.term)) == ["bezorging", "pakket"])
        #expect(delivery.line.hasPrefix("DELIVERY: 2 mentions, 100% negative, 0% positive, top terms: "))
        #expect(summary.categories(rankedBy: .positive).first?.category == "FOOD")
        #expect(summary.categories(rankedBy: .negative).first?.category == "DELIVERY")
    }

    /// Merging per-thread summaries gives the same counts as one summary.
    @Test func mergedSummariesAddUp() {
        let texts = ["Great food.", "Rude staff.", "Terrible delivery.", "The staff was friendly."]
        var whole = AspectSummary()
        var first = AspectSummary()
        var second = AspectSummary()
        for (index, text) in texts.enumerated() {
            let opinions = Fixture.opinions(text, .english)
            whole.add(opinions)
            if index < 2 { first.add(opinions) } else { second.add(opinions) }
        }
        first.merge(second)
        #expect(first.texts == whole.texts)
        #expect(first.total == whole.total)
        #expect(first.categories() == whole.categories())
        #expect(whole.categories().first { $0.category == "SERVICE" }?.counts.mentions == 2)
    }

    /// Given a target span, only the words tied to it count: in the food/waiter sentence
    /// the waiter is negative although the text's first clause is positive.
    @Test func opinionTowardAGivenTarget() {
        let text = "the food was great but the waiter was rude"
        let tokenized = Tokenizer().tokenize(text)
        let analysis = Fixture.analyzer.analyze(tokenized, language: .english)
        let waiter = Fixture.extractor.opinion(toward: Fixture.byteRange(of: "waiter", in: text), in: tokenized, analysis: analysis)
        #expect(waiter.polarity == .negative)
        #expect(waiter.target?.text == "waiter")
        let food = Fixture.extractor.opinion(toward: Fixture.byteRange(of: "food", in: text), in: tokenized, analysis: analysis)
        #expect(food.polarity == .positive)
    }

    /// Given a category with no target (SemEval's NULL), the opinions of that category
    /// count: `Niet goedkoop!` is a negative PRICE opinion.
    @Test func opinionTowardACategory() {
        let text = "Niet goedkoop!"
        let tokenized = Tokenizer().tokenize(text)
        let analysis = Fixture.analyzer.analyze(tokenized, language: .dutch)
        let price = Fixture.extractor.opinion(toward: "PRICE", in: tokenized, analysis: analysis)
        #expect(price.polarity == .negative)
        #expect(!price.words.isEmpty)
    }

    /// A hand-made gold corpus: sentence 1 has two explicit opinions of opposite polarity,
    /// sentence 2 an implicit PRICE opinion, sentence 3 a target whose offsets are one off
    /// (`ood.`), which is re-anchored. The sentence baseline gets one of the two opinions
    /// of sentence 1 wrong; the extractor gets all four right.
    @Test func evaluationOnAHandMadeGoldCorpus() throws {
        let tsv = """
            id\tlabel\tcategory\ttarget\tfrom\tto\ttext
            s1\tpos\tFOOD#QUALITY\tfood\t4\t8\tthe food was great but the waiter was rude
            s1\tneg\tSERVICE#GENERAL\twaiter\t27\t33\tthe food was great but the waiter was rude
            s2\tneg\tRESTAURANT#PRICES\tNULL\t0\t0\tWay too expensive!
            s3\tneg\tFOOD#QUALITY\tfood\t5\t9\tThe food was awful.

            """
        let corpus = try GoldAspectCorpus(parsing: tsv, path: "gold.tsv")
        #expect(corpus.sentences.count == 3)
        #expect(corpus.sentences[0].opinions.count == 2)
        #expect(corpus.sentences[1].opinions[0].target == nil)
        let evaluation = AspectEvaluation.evaluate(corpus, analyzer: Fixture.analyzer, extractor: Fixture.extractor, language: .english)
        #expect(evaluation.polarity.count == 4)
        #expect(evaluation.polarity.correct == 4)
        #expect(evaluation.baseline.correct < 4)
        #expect(evaluation.reanchoredTargets == 1)
        #expect(evaluation.targetsExact.gold == 3)
        #expect(evaluation.targetsExact.matchedGold == 3)
        #expect(evaluation.targetsExact.precision == 1)
        #expect(evaluation.polarityBinary.count == 4)
    }

    /// A sentence with no sentiment word (`Circa 30 minuten vanaf bestelling.`) is read in
    /// the tone of the text around it: neutral alone, negative in a negative review, and
    /// neutral again when the context fallback is off.
    @Test func neutralSentenceTakesItsContextsTone() {
        let text = "Circa 30 minuten vanaf bestelling."
        let tokenized = Tokenizer().tokenize(text)
        let analysis = Fixture.analyzer.analyze(tokenized, language: .dutch)
        let span = Fixture.byteRange(of: "bestelling", in: text)
        #expect(Fixture.extractor.opinion(toward: span, in: tokenized, analysis: analysis).polarity == .neutral)
        #expect(Fixture.extractor.opinion(toward: span, in: tokenized, analysis: analysis, context: -0.6).polarity == .negative)
        #expect(Fixture.extractor.opinion(toward: "SERVICE", in: tokenized, analysis: analysis, context: 0.5).polarity == .positive)
        var off = Fixture.extractor
        off.parameters.contextFallback = false
        #expect(off.opinion(toward: span, in: tokenized, analysis: analysis, context: -0.6).polarity == .neutral)
        // A sentence with a tone of its own keeps it.
        let own = "Het eten was heerlijk."
        let ownTokens = Tokenizer().tokenize(own)
        let ownAnalysis = Fixture.analyzer.analyze(ownTokens, language: .dutch)
        #expect(
            Fixture.extractor.opinion(toward: Fixture.byteRange(of: "eten", in: own), in: ownTokens, analysis: ownAnalysis, context: -0.9).polarity
                == .positive)
    }

    /// A factual sentence in a mildly positive review (mean compound +0.08) is read as a
    /// complaint with the default context bias (0.15), and as positive without it.
    @Test func contextBiasReadsFactsInMildReviewsAsComplaints() {
        let text = "Circa 30 minuten vanaf bestelling."
        let tokenized = Tokenizer().tokenize(text)
        let analysis = Fixture.analyzer.analyze(tokenized, language: .dutch)
        let span = Fixture.byteRange(of: "bestelling", in: text)
        #expect(Fixture.extractor.opinion(toward: span, in: tokenized, analysis: analysis, context: 0.08).polarity == .negative)
        var unbiased = Fixture.extractor
        unbiased.parameters.contextBias = 0
        #expect(unbiased.opinion(toward: span, in: tokenized, analysis: analysis, context: 0.08).polarity == .positive)
    }

    /// A target no word is tied to in a sentence whose words praise something else (`Decor
    /// is nice though service can be spotty`) gets the sentence's compound plus the
    /// context's tone: positive on its own, negative in a negative review.
    @Test func untiedTargetWeighsTheSentenceAndItsContext() {
        let text = "Decor is nice though service can be spotty."
        let tokenized = Tokenizer().tokenize(text)
        let analysis = Fixture.analyzer.analyze(tokenized, language: .english)
        let span = Fixture.byteRange(of: "service", in: text)
        let alone = Fixture.extractor.opinion(toward: span, in: tokenized, analysis: analysis)
        #expect(alone.words.isEmpty)
        #expect(alone.polarity == .positive)
        #expect(Fixture.extractor.opinion(toward: span, in: tokenized, analysis: analysis, context: -0.7).polarity == .negative)
        #expect(Fixture.extractor.fallbackCompound(sentence: 0.4, text: nil, context: -0.7) < 0)
        #expect(Fixture.extractor.fallbackCompound(sentence: 0.4, text: nil, context: nil) == 0.4)
    }

    /// A word cut off from every target (`Terrible; the pizza came at nine.`) is not lent to
    /// the target by default: the target gets the sentence's fallback (negative here); with
    /// ``AttributionParameters/untiedFallback`` it gets the word itself, linked `sentence`.
    @Test func untiedWordsAreNotLentByDefault() {
        let text = "Terrible; the pizza came at nine."
        let tokenized = Tokenizer().tokenize(text)
        let analysis = Fixture.analyzer.analyze(tokenized, language: .english)
        let span = Fixture.byteRange(of: "pizza", in: text)
        let plain = Fixture.extractor.opinion(toward: span, in: tokenized, analysis: analysis)
        #expect(plain.words.isEmpty)
        #expect(plain.polarity == .negative)
        var lending = Fixture.extractor
        lending.parameters.untiedFallback = true
        let lent = lending.opinion(toward: span, in: tokenized, analysis: analysis)
        #expect(lent.words.first?.link == .sentence)
        #expect(lent.polarity == .negative)
    }

    /// Tied words that cancel out (`definitely` against `wouldn't go back`) leave the opinion
    /// undecided: the sentence read in its review decides, as for a target with no word.
    /// A lukewarm word (`ok`, valence 0) still makes a neutral opinion.
    @Test func cancellingWordsLeaveTheOpinionToTheReview() {
        let text = "I definitely wouldn't go back."
        let tokenized = Tokenizer().tokenize(text)
        let analysis = Fixture.analyzer.analyze(tokenized, language: .english)
        let decided = Fixture.extractor.opinion(toward: .general, in: tokenized, analysis: analysis, context: -0.5)
        #expect(!decided.words.isEmpty)
        #expect(decided.polarity == .negative)
        var off = Fixture.extractor
        off.parameters.undecidedFallback = false
        #expect(off.opinion(toward: .general, in: tokenized, analysis: analysis, context: -0.5).polarity == .neutral)
        let lukewarm = "The food was ok."
        let lukewarmTokens = Tokenizer().tokenize(lukewarm)
        let lukewarmAnalysis = Fixture.analyzer.analyze(lukewarmTokens, language: .english)
        let food = Fixture.byteRange(of: "food", in: lukewarm)
        #expect(Fixture.extractor.opinion(toward: food, in: lukewarmTokens, analysis: lukewarmAnalysis, context: -0.5).polarity == .neutral)
    }

    /// Words in a hedge's scope (`if you want good authentic Thai`) say what might be, not
    /// what the target is: they are left out, and the sentence in its review decides; the
    /// list of opinions keeps them. A reversing counterfactual (`could have been better`)
    /// still speaks for its target.
    @Test func hedgedWordsDoNotSpeakForTheirTarget() {
        let text = "If you want good authentic Thai this place is not the place to go."
        let tokenized = Tokenizer().tokenize(text)
        let analysis = Fixture.analyzer.analyze(tokenized, language: .english)
        let thai = Fixture.byteRange(of: "Thai", in: text)
        let read = Fixture.extractor.opinion(toward: thai, in: tokenized, analysis: analysis, context: -0.5)
        #expect(read.words.isEmpty)
        #expect(read.polarity == .negative)
        var off = Fixture.extractor
        off.parameters.skipsHedgedWords = false
        #expect(off.opinion(toward: thai, in: tokenized, analysis: analysis, context: -0.5).polarity == .positive)
        #expect(Fixture.extractor.opinions(in: tokenized, analysis: analysis).contains { $0.target?.text == "Thai" })
        let counterfactual = "The pasta could have been better."
        let tokens = Tokenizer().tokenize(counterfactual)
        let pasta = Fixture.extractor.opinion(
            toward: Fixture.byteRange(of: "pasta", in: counterfactual), in: tokens, analysis: Fixture.analyzer.analyze(tokens, language: .english),
            context: 0.5)
        #expect(!pasta.words.isEmpty)
        #expect(pasta.polarity == .negative)
    }

    /// In a multi-sentence text, a neutral sentence takes the whole text's polarity.
    @Test func neutralSentenceTakesTheTextsTone() {
        let text = "We waited for the bill. The waiter was rude and the food was awful."
        let tokenized = Tokenizer().tokenize(text)
        let analysis = Fixture.analyzer.analyze(tokenized, language: .english)
        #expect(Fixture.extractor.opinion(toward: Fixture.byteRange(of: "bill", in: text), in: tokenized, analysis: analysis).polarity == .negative)
    }

    /// SemEval ids are `review:sentence`: a sentence's neighbours are the other sentences
    /// of its review, and a neutral sentence of a negative review is scored negative.
    @Test func goldSentencesKnowTheirReview() throws {
        let tsv = """
            id\tlabel\tcategory\ttarget\tfrom\tto\ttext
            r1:0\tneg\tSERVICE#GENERAL\twaiter\t4\t10\tThe waiter was rude and the food was awful.
            r1:1\tneg\tSERVICE#GENERAL\tNULL\t0\t0\tThe bill came at nine.
            r2:0\tpos\tFOOD#QUALITY\tfood\t4\t8\tThe food was great.

            """
        let corpus = try GoldAspectCorpus(parsing: tsv, path: "gold.tsv")
        #expect(corpus.sentences[0].neighbours == ["The bill came at nine."])
        #expect(corpus.sentences[1].neighbours == ["The waiter was rude and the food was awful."])
        #expect(corpus.sentences[2].neighbours.isEmpty)
        let evaluation = AspectEvaluation.evaluate(corpus, analyzer: Fixture.analyzer, extractor: Fixture.extractor, language: .english)
        #expect(evaluation.polarity.correct == 3)
        #expect(evaluation.baseline.correct == 2)
        #expect(evaluation.baselineContext.correct == 3)
        var recorded = AspectEvaluation(corpus: "gold.tsv")
        recorded.recordsOpinions = true
        for sentence in corpus.sentences { recorded.add(sentence, analyzer: Fixture.analyzer, extractor: Fixture.extractor, language: .english) }
        #expect(recorded.rows.map(\.baseline) == [.negative, .neutral, .positive])
        #expect(recorded.rows.map(\.baselineContext) == [.negative, .negative, .positive])
    }

    /// Opinions of a sentence whose gold opinions differ in polarity are counted apart:
    /// attribution gets both right where the sentence's one polarity gets one.
    @Test func mixedSentencesAreCountedApart() throws {
        let tsv = """
            id\tlabel\tcategory\ttarget\tfrom\tto\ttext
            r1:0\tpos\tFOOD#QUALITY\tfood\t4\t8\tThe food was great but the waiter was rude.
            r1:0\tneg\tSERVICE#GENERAL\twaiter\t27\t33\tThe food was great but the waiter was rude.
            r2:0\tpos\tFOOD#QUALITY\tfood\t4\t8\tThe food was great.

            """
        let corpus = try GoldAspectCorpus(parsing: tsv, path: "gold.tsv")
        let evaluation = AspectEvaluation.evaluate(corpus, analyzer: Fixture.analyzer, extractor: Fixture.extractor, language: .english)
        #expect(evaluation.polarityMixed.count == 2)
        #expect(evaluation.polarityMixed.correct == 2)
        #expect(evaluation.baselineMixed.correct == 1)
        #expect(evaluation.baselineContextMixed.count == 2)
        #expect(evaluation.polarity.count == 3)
    }

    /// Malformed gold files are rejected with the line.
    @Test func malformedGoldCorpusNamesTheLine() {
        let tsv = "id\tlabel\tcategory\ttarget\tfrom\tto\ttext\ns1\tgood\tFOOD#QUALITY\tfood\t0\t4\tfood ok\n"
        #expect(throws: CorpusError.malformed(path: "g.tsv", line: 2, reason: "label 'good' is not pos, neg or neu")) {
            try GoldAspectCorpus(parsing: tsv, path: "g.tsv")
        }
        #expect(throws: CorpusError.self) { try GoldAspectCorpus(parsing: "id\ttext\n1\tx\n", path: "h.tsv") }
    }
}
