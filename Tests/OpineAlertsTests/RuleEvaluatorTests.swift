import Foundation
import OpineAlerts
import OpineEngagement
import OpineSentiment
import Testing

@Suite("Alert rules")
struct RuleEvaluatorTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    func input(
        _ id: String, author: String = "anna", kind: InteractionKind = .review, minutes: Double = 0, compound: Double? = nil,
        stars: Int? = nil
    ) throws -> RuleInput {
        let interaction = try Interaction(
            id: id, author: author, kind: kind, time: Self.start.addingTimeInterval(minutes * 60),
            text: compound == nil ? nil : "words", rating: try stars.map { try Rating(stars: $0) })
        let signal = compound.map { TextSignal(compound: $0, label: $0 < 0 ? .negative : .positive) }
        let stance = EngagementRules().stance(kind: kind, rating: interaction.rating, signal: signal)
        return RuleInput(interaction: interaction, signal: signal, stance: stance)
    }

    func evaluator(_ condition: AlertCondition, brand: Set<String> = []) -> RuleEvaluator {
        RuleEvaluator(rules: [AlertRule(name: "r", condition: condition, destinations: ["d"])], brandAccounts: brand)
    }

    @Test func detractorRuleHonoursKindsAndCompound() throws {
        var rules = evaluator(.detractor(kinds: [.review, .directMessage], maxCompound: -0.5))
        #expect(rules.evaluate(try input("a", compound: -0.8), raisedAt: Self.start).map(\.id) == ["r/a"])
        #expect(rules.evaluate(try input("b", compound: -0.3), raisedAt: Self.start).isEmpty, "a detractor, but not negative enough")
        #expect(rules.evaluate(try input("c", kind: .comment, compound: -0.9), raisedAt: Self.start).isEmpty, "not a listed kind")
        #expect(rules.evaluate(try input("d", compound: 0.6), raisedAt: Self.start).isEmpty)
        let alert = try #require(rules.evaluate(try input("e", compound: -0.7, stars: 1), raisedAt: Self.start).first)
        #expect(alert.summary.contains("1 star"))
        #expect(alert.interaction.stance == .detractor)
    }

    @Test func brandAccountsNeverRaiseAlerts() throws {
        var rules = evaluator(.detractor(kinds: [.review], maxCompound: nil), brand: ["acme"])
        #expect(rules.evaluate(try input("a", author: "acme", compound: -0.9), raisedAt: Self.start).isEmpty)
    }

    @Test func spikeRaisesOneAlertPerEpisodeAndRearms() throws {
        var rules = evaluator(.negativeSpike(minCount: 3, minShare: 0.5, window: 600))
        var raised: [String] = []
        // Minutes 0-4: three detractors among four: fires once, at the third detractor.
        for (index, compound) in [-0.8, 0.6, -0.7, -0.9, -0.6].enumerated() {
            raised += rules.evaluate(try input("x\(index)", minutes: Double(index), compound: compound), raisedAt: Self.start).map(\.id)
        }
        #expect(raised == ["r/x3"])
        // Twenty minutes later the window has emptied: the rule re-arms and fires again.
        for index in 0..<3 {
            raised += rules.evaluate(try input("y\(index)", minutes: 30 + Double(index), compound: -0.8), raisedAt: Self.start).map(\.id)
        }
        #expect(raised == ["r/x3", "r/y2"])
    }

    @Test func spikeNeedsTheShareToo() throws {
        var rules = evaluator(.negativeSpike(minCount: 2, minShare: 0.6, window: 600))
        var raised: [Alert] = []
        for (index, compound) in [-0.8, 0.6, 0.7, -0.9].enumerated() {
            raised += rules.evaluate(try input("x\(index)", minutes: Double(index), compound: compound), raisedAt: Self.start)
        }
        #expect(raised.isEmpty, "2 of 4 is 50 %, under 60 %")
        raised += rules.evaluate(try input("x4", minutes: 4, compound: -0.5), raisedAt: Self.start)
        raised += rules.evaluate(try input("x5", minutes: 5, compound: -0.5), raisedAt: Self.start)
        let alert = try #require(raised.first)
        #expect(raised.count == 1, "3 of 5 fires; the fourth detractor is the same episode")
        #expect(alert.id == "r/x4")
        #expect(alert.window?.matching == 3)
        #expect(alert.window?.total == 5)
        #expect(alert.window?.interactionIDs == ["x0", "x3", "x4"])
    }

    @Test func unfollowWaveCountsUnfollowsInTheWindow() throws {
        var rules = evaluator(.unfollowWave(minCount: 3, window: 300))
        var raised: [String] = []
        for (index, minute) in [0.0, 6, 7, 8, 9].enumerated() {
            let unfollow = try Interaction(
                id: "u\(index)", author: "a\(index)", kind: .unfollow, time: Self.start.addingTimeInterval(minute * 60))
            raised += rules.evaluate(RuleInput(interaction: unfollow, signal: nil, stance: nil), raisedAt: Self.start).map(\.id)
        }
        #expect(raised == ["r/u3"], "the first unfollow has left the 5-minute window when the third recent one comes")
    }
}
