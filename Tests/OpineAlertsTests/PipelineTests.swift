import Foundation
import OpineAlerts
import OpineEngagement
import Testing

@Suite("Ingest pipeline and store")
struct PipelineTests {
    let angry = "  - { name: angry, when: detractor, max_compound: -0.3, to: [hook] }"

    func open(_ directory: URL, _ configuration: AlertConfiguration) async throws -> AlertPipeline {
        let store = try AlertStore(path: directory.appendingPathComponent("alerts.sqlite").path)
        return try await AlertPipeline(store: store, configuration: configuration, analyzer: sharedAnalyzer)
    }

    @Test func storesAlertsOnceForRepeatedIDs() async throws {
        let directory = try temporaryDirectory()
        let pipeline = try await open(directory, try configuration(rules: angry))
        let complaint = try review("r1", "Terrible service, the worst delivery ever. Never again!")
        let first = try await pipeline.ingest([complaint, complaint])
        #expect(first.map(\.duplicate) == [false, true])
        #expect(first[0].alerts == ["angry/r1"])
        #expect(first[1].alerts.isEmpty)
        let again = try await pipeline.ingest([complaint])
        #expect(again[0].duplicate)
        #expect(again[0].alerts.isEmpty)
        #expect(again[0].stance?.stance == .detractor, "a duplicate still reports its stance")
        let deliveries = try await pipeline.store.deliveries(state: nil)
        #expect(deliveries.map(\.alert.id) == ["angry/r1"])
        #expect(deliveries.first?.state == .pending)
        #expect(pipeline.metrics.snapshot().alertsRaised == 1)
        #expect(pipeline.metrics.snapshot().duplicates == 2)
    }

    @Test func aRestartKeepsInteractionsAndRaisesNothingTwice() async throws {
        let directory = try temporaryDirectory()
        let rules = angry + "\n  - { name: spike, when: negative_spike, min_count: 2, window_minutes: 60, to: [hook] }"
        do {
            let pipeline = try await open(directory, try configuration(rules: rules))
            let outcomes = try await pipeline.ingest([
                try review("r1", "Awful, broken on arrival. Never again.", minutes: 0),
                try review("r2", author: "bob", "Terrible support, useless and rude.", minutes: 5),
            ])
            #expect(outcomes.flatMap(\.alerts) == ["angry/r1", "angry/r2", "spike/r2"])
        }
        let reopened = try await open(directory, try configuration(rules: rules))
        #expect(try reopened.store.interactionCount() == 2)
        let outcomes = try await reopened.ingest([
            try review("r1", "Awful, broken on arrival. Never again.", minutes: 0),
            try review("r3", author: "cem", "Horrible experience, awful and slow.", minutes: 10),
        ])
        #expect(outcomes[0].duplicate)
        #expect(outcomes[1].alerts == ["angry/r3"], "the spike under way before the restart is not raised again")
        #expect(try await reopened.store.outboxDepth() == 4)
    }

    @Test func anAdvocateTurningDetractorRaisesItsRule() async throws {
        let pipeline = try await open(
            try temporaryDirectory(), try configuration(rules: "  - { name: turned, when: turned_detractor, to: [hook] }"))
        _ = try await pipeline.ingest([
            try review("a1", "Love it, fantastic quality and great service!", minutes: 0, stars: 5),
            try review("a2", "Brilliant again, highly recommended.", minutes: 60, stars: 5),
        ])
        let outcomes = try await pipeline.ingest([try review("a3", "Awful this time, broken and useless.", minutes: 120, stars: 1)])
        #expect(outcomes[0].alerts == ["turned/a3"])
        let profile = try #require(try await pipeline.profile(of: "anna"))
        #expect(profile.hasTurnedDetractor)
    }

    @Test func aRestartedPipelineReadsTheAuthorsHistoryFromTheStore() async throws {
        let directory = try temporaryDirectory()
        let rules = "  - { name: turned, when: turned_detractor, to: [hook] }"
        do {
            let pipeline = try await open(directory, try configuration(rules: rules))
            _ = try await pipeline.ingest([
                try review("a1", "Love it, fantastic quality and great service!", minutes: 0, stars: 5),
                try review("a2", "Brilliant again, highly recommended.", minutes: 60, stars: 5),
            ])
        }
        let reopened = try await open(directory, try configuration(rules: rules))
        let outcomes = try await reopened.ingest([try review("a3", "Awful this time, broken and useless.", minutes: 120, stars: 1)])
        #expect(outcomes[0].alerts == ["turned/a3"])
        #expect(try await reopened.profile(of: "anna")?.interactionCount == 3)
    }

    @Test func aTurnWithinOneIngestIsSeen() async throws {
        let pipeline = try await open(
            try temporaryDirectory(), try configuration(rules: "  - { name: turned, when: turned_detractor, to: [hook] }"))
        let outcomes = try await pipeline.ingest([
            try review("a1", "Love it, fantastic quality and great service!", minutes: 0, stars: 5),
            try review("a2", "Brilliant again, highly recommended.", minutes: 60, stars: 5),
            try review("b1", author: "bob", "Awful, broken and useless.", minutes: 90, stars: 1),
            try review("a3", "Awful this time, broken and useless.", minutes: 120, stars: 1),
        ])
        #expect(outcomes.map(\.alerts) == [[], [], [], ["turned/a3"]], "bob was never an advocate; anna turned")
    }

    @Test func aBrandReplyStoredEarlierAnswersTheComplaint() async throws {
        let directory = try temporaryDirectory()
        let brand = "brand_accounts: [acme]"
        let now = Date(timeIntervalSince1970: 1_700_000_000 + 3_600)
        let complaint = try review("c1", author: "bob", "Broken on arrival, terrible. Refund me now!", stars: 1)
        do {
            let pipeline = try await open(directory, try configuration(rules: angry, extra: brand))
            _ = try await pipeline.ingest([complaint], now: now)
            #expect(try await pipeline.queue(now: now).map(\.interactionID) == ["c1"])
        }
        let reopened = try await open(directory, try configuration(rules: angry, extra: brand))
        let reply = try Interaction(
            id: "r1", author: "acme", kind: .reply, time: Date(timeIntervalSince1970: 1_700_000_000 + 1_200),
            text: "Sorry to hear that, we have sent a new one.", inReplyTo: "c1")
        _ = try await reopened.ingest([reply], now: now)
        #expect(try await reopened.queue(now: now).isEmpty)
        let again = try await reopened.ingest([complaint], now: now)
        #expect(again[0].duplicate)
        #expect(again[0].disposition != .answer, "answered by the brand")
    }

    @Test func theQueueReachesBackToItsHorizon() async throws {
        let days = 24.0 * 60
        let old = try review("c-old", author: "bob", "Broken on arrival, terrible. Refund me now!", minutes: 0, stars: 1)
        let recent = try review("c-new", author: "cem", "Awful, it broke after a day. Refund please!", minutes: 40 * days, stars: 1)
        let now = recent.time.addingTimeInterval(600)
        for (horizon, expected) in [(30, ["c-new"]), (60, ["c-new", "c-old"])] {
            let pipeline = try await open(
                try temporaryDirectory(), try configuration(rules: angry, extra: "limits: { queue_horizon_days: \(horizon) }"))
            _ = try await pipeline.ingest([old, recent], now: now)
            #expect(try await pipeline.queue(now: now).map(\.interactionID).sorted() == expected.sorted(), "horizon \(horizon) days")
        }
    }

    @Test func placesComplaintsInTheQueue() async throws {
        let pipeline = try await open(try temporaryDirectory(), try configuration(rules: angry))
        let now = Date(timeIntervalSince1970: 1_700_000_000 + 600)
        _ = try await pipeline.ingest([try review("p1", "Nice enough, thanks.", stars: 4)], now: now)
        let outcomes = try await pipeline.ingest(
            [try review("c1", author: "bob", "Broken on arrival, terrible. Refund me now!", stars: 1)], now: now)
        let placement = try #require(outcomes[0].queue)
        #expect(outcomes[0].disposition == .answer)
        #expect(placement.position == 1)
        #expect(placement.dueBy == Date(timeIntervalSince1970: 1_700_000_000 + 3600))
        let queue = try await pipeline.queue(now: now)
        #expect(queue.first?.interactionID == "c1")
    }

    @Test func refusesIngestsWhenTheOutboxIsFull() async throws {
        let pipeline = try await open(
            try temporaryDirectory(), try configuration(rules: angry, extra: "limits: { max_outbox_depth: 1 }"))
        _ = try await pipeline.ingest([try review("r1", "Terrible, the worst. Never again!")])
        await #expect(throws: IngestError.self) { try await pipeline.ingest([try review("r2", "Fine.")]) }
        #expect(try pipeline.store.interactionCount() == 1, "nothing of a refused ingest is kept")
    }
}
