import OpineBatch
import OpineSentiment
import OpineText
import Testing

/// The documented stance rule, case by case.
struct BatchStanceTests {
    @Test(arguments: [
        // Ratings of 1-2 stars are detractors whatever the text says.
        (0.9, SentimentLabel.positive, 1.0, BatchStance.detractor),
        (0.0, .neutral, 2.0, .detractor),
        // 4-5 stars with text that is not negative: advocates.
        (0.0, .neutral, 4.0, .advocate),
        (0.1, .mixed, 5.0, .advocate),
        // 4-5 stars over negative text: the text decides.
        (-0.2, .negative, 5.0, .neutral),
        (-0.6, .negative, 4.0, .detractor),
        // 3 stars: the text decides.
        (0.5, .positive, 3.0, .advocate),
        (0.49, .positive, 3.0, .neutral),
        (-0.3, .negative, 3.0, .detractor),
        (-0.29, .negative, 3.0, .neutral),
        // Half stars sit in the band they fall in.
        (0.0, .neutral, 2.5, .neutral),
        (0.0, .neutral, 4.5, .advocate),
    ])
    func stanceFromTextAndRating(compound: Double, label: SentimentLabel, rating: Double, expected: BatchStance) {
        #expect(BatchStance(compound: compound, label: label, rating: rating) == expected)
    }

    @Test(arguments: [(0.5, BatchStance.advocate), (0.49, .neutral), (0.0, .neutral), (-0.29, .neutral), (-0.3, .detractor)])
    func withoutARatingTheTextDecides(compound: Double, expected: BatchStance) {
        let label: SentimentLabel = compound > 0.05 ? .positive : compound < -0.05 ? .negative : .neutral
        #expect(BatchStance(compound: compound, label: label, rating: nil) == expected)
    }

    @Test func anAnalysedTextGetsItsStance() throws {
        let analysis = sharedAnalyzer.analyze("Wat een top service, echt een aanrader!", language: .dutch)
        #expect(BatchStance(analysis, rating: nil) == .advocate)
        #expect(BatchStance(analysis, rating: 1) == .detractor)
    }
}
