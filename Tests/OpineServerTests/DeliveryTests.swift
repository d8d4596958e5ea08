import Foundation
import OpineAlerts
import OpineEngagement
import OpineSentiment
import Testing

/// Ingest through the real server and delivery to a real receiver on loopback: the
/// payload and signature, no second alert for a duplicate, and every alert arriving
/// when the receiver fails, stalls or is down for a while and then comes back.
@Suite struct DeliveryTests {
    @Test func anAlertArrivesWithItsPayloadAndAValidSignature() async throws {
        try await withServer { server, receiver in
            let before = Int(Date().timeIntervalSince1970)
            let reply = try await server.post("/v1/interactions", json: [Fixtures.angryReview("r1")])
            #expect(reply.status == 200, "\(reply.text)")
            let result = try #require(try reply.results().first)
            #expect(result["id"] as? String == "r1")
            #expect(result["alerts"] as? [String] == ["angry/r1"])
            #expect(result["duplicate"] as? Bool == false)
            #expect(result["disposition"] as? String == "answer")
            #expect((result["stance"] as? [String: Any])?["stance"] as? String == "detractor")
            #expect(result["queue"] is [String: Any])

            #expect(await receiver.waitUntil { !$0.isEmpty })
            try await Task.sleep(for: .milliseconds(300))  // no second attempt follows a 200
            let requests = receiver.requests
            try #require(requests.count == 1, "\(requests.count) requests")
            let request = requests[0]
            #expect(request.path == "/hook")
            #expect(request.alertID == "angry/r1")
            #expect(request.idempotencyKey == "angry/r1")
            #expect(request.attempt == 1)
            #expect(request.header("Content-Type") == "application/json")
            #expect(request.header("X-Team") == "care")

            let timestamp = try #require(request.timestamp)
            #expect(timestamp >= before && timestamp <= Int(Date().timeIntervalSince1970))
            let signature = try #require(request.signature)
            #expect(signature.hasPrefix("sha256="))
            #expect(WebhookSignature.verify(signature, body: request.body, timestamp: timestamp, secret: Fixtures.secret))
            #expect(!WebhookSignature.verify(signature, body: request.body, timestamp: timestamp, secret: "other"))
            #expect(!WebhookSignature.verify(signature, body: request.body, timestamp: timestamp + 1, secret: Fixtures.secret))
            #expect(!WebhookSignature.verify(signature, body: request.body + Data(" ".utf8), timestamp: timestamp, secret: Fixtures.secret))

            let body = try request.json()
            #expect(body["id"] as? String == "angry/r1")
            #expect(body["rule"] as? String == "angry")
            #expect(body["condition"] as? String == "detractor")
            #expect((body["summary"] as? String)?.contains("anna") == true)
            let interaction = try #require(body["interaction"] as? [String: Any])
            #expect(interaction["id"] as? String == "r1")
            #expect(interaction["author"] as? String == "anna")
            #expect(interaction["kind"] as? String == "review")
            #expect(interaction["time"] as? String == "2026-11-23T10:00:00Z")
            #expect(interaction["text"] as? String == Fixtures.angryText)
            #expect(interaction["label"] as? String == "negative")
            #expect(interaction["stance"] as? String == "detractor")
            let compound = try #require(interaction["compound"] as? Double)
            #expect(compound <= -0.3)
            #expect(close(compound, try #require(TestServer.analyzer).analyze(Fixtures.angryText).compound))
            let rating = try #require(interaction["rating"] as? [String: Any])
            #expect(rating["scale"] as? String == "stars")
            #expect(rating["value"] as? Int == 1)

            // The body is the stored alert rendered as WebhookPayload renders it.
            let stored = try await server.store.deliveries(state: .delivered)
            try #require(stored.count == 1)
            #expect(stored[0].attempts == 1)
            #expect(try WebhookPayload.body(for: stored[0].alert, format: .json) == request.body)
        }
    }

    @Test func aSlackDestinationGetsTextAndNoSignatureWithoutASecret() async throws {
        let configuration = { (receiver: WebhookReceiver) in
            """
            destinations:
              team: { url: "\(receiver.url("/slack"))", format: slack }
            rules:
              - { name: angry, when: detractor, kinds: [review], to: [team] }
            """
        }
        try await withServer(configuration: configuration) { server, receiver in
            #expect(try await server.post("/v1/interactions", json: [Fixtures.angryReview("s1")]).status == 200)
            #expect(await receiver.waitUntil { !$0.isEmpty })
            let request = try #require(receiver.requests.first)
            #expect(request.path == "/slack")
            #expect(request.signature == nil)
            #expect(request.idempotencyKey == "angry/s1")
            let body = try request.json()
            #expect(Set(body.keys) == ["text"])
            let text = try #require(body["text"] as? String)
            #expect(text.contains("> " + Fixtures.angryText))
            #expect(text.contains("`angry/s1`"))
        }
    }

    @Test func aDuplicateInteractionRaisesNoSecondAlert() async throws {
        try await withServer { server, receiver in
            let first = try await server.post("/v1/interactions", json: [Fixtures.angryReview("d1")])
            #expect(try first.results().first?["alerts"] as? [String] == ["angry/d1"])
            #expect(await receiver.waitUntil { !$0.isEmpty })

            // Again, alone; again with other words; and twice within one request.
            var copy = Fixtures.angryReview("d1")
            copy["text"] = "Still the worst, a disgrace, awful awful awful."
            for body in [[Fixtures.angryReview("d1")], [copy]] {
                let again = try await server.post("/v1/interactions", json: body)
                #expect(again.status == 200)
                let result = try #require(try again.results().first)
                #expect(result["duplicate"] as? Bool == true)
                #expect(result["alerts"] as? [String] == [])
            }
            let pair = try await server.post("/v1/interactions", json: [Fixtures.angryReview("d2"), Fixtures.angryReview("d2")])
            #expect(try pair.results().map { $0["duplicate"] as? Bool } == [false, true])
            #expect(try pair.results().map { $0["alerts"] as? [String] } == [["angry/d2"], []])

            #expect(await receiver.waitUntil { $0.count >= 2 })
            try await Task.sleep(for: .milliseconds(500))
            #expect(receiver.requests.compactMap(\.alertID).sorted() == ["angry/d1", "angry/d2"])
            #expect(try await server.metric("opine_alerts_raised_total") == 2)
            #expect(try await server.metric("opine_interactions_duplicate_total") == 3)
            #expect(try await server.store.interactions().count == 2)
        }
    }

    /// Ingests `count` alert-raising interactions in one request and returns the alert ids.
    static func raiseAlerts(_ prefix: String, count: Int, on server: TestServer) async throws -> Set<String> {
        let reply = try await server.post("/v1/interactions", json: (1...count).map { Fixtures.angryReview("\(prefix)\($0)") })
        #expect(reply.status == 200, "\(reply.text)")
        let ids = Set(try reply.results().flatMap { $0["alerts"] as? [String] ?? [] })
        #expect(ids == Set((1...count).map { "angry/\(prefix)\($0)" }))
        return ids
    }

    /// Every alert arrived and was accepted at least once, the same idempotency key on
    /// every attempt, each attempt numbered once (an attempt the sender timed out on
    /// may still be answered 200 by a slow receiver, so a second acceptance is allowed,
    /// but only of a retry); the store and the metrics agree.
    static func expectEveryAlertDelivered(_ ids: Set<String>, server: TestServer, receiver: WebhookReceiver) async throws {
        #expect(await receiver.waitUntil { requests in ids.isSubset(of: Set(requests.filter(\.accepted).compactMap(\.alertID))) })
        #expect(receiver.acceptedAlertIDs == ids)
        for id in ids {
            let attempts = receiver.requests.filter { $0.alertID == id }
            #expect(attempts.allSatisfy { $0.idempotencyKey == id })
            let numbers = attempts.compactMap(\.attempt)
            #expect(numbers.count == attempts.count && Set(numbers).count == numbers.count, "attempts of \(id): \(numbers)")
            #expect(attempts.filter { $0.accepted && $0.attempt == 1 }.count <= 1)
        }
        let settled = await Polling.until {
            (try? await server.store.deliveries(state: .delivered).count) == ids.count
                && server.pipeline.metrics.snapshot().alertsDelivered == ids.count
        }
        #expect(settled)
        #expect(try await server.store.deliveries(state: .dead).isEmpty)
        #expect(try await server.store.outboxDepth() == 0)
        #expect(try await server.metric("opine_alerts_delivered_total") == ids.count)
        // The gauge is set from the store when the worker is idle, and may be off by one
        // ingest's deliveries for up to an idle poll before that: the idle refresh races with
        // the pipeline's increments.
        #expect(try await Polling.until { try await server.metric("opine_outbox_depth") == 0 })
    }

    /// The configuration of the tests of failing receivers: retries after 0.05-0.2 s,
    /// attempts cut off after 0.3 s.
    static func failing(_ receiver: WebhookReceiver) -> String {
        Fixtures.configuration(receiver: receiver, attemptTimeout: Fixtures.shortTimeout)
    }

    @Test func aBurstOfConcurrentIngestsDeliversEveryAlertOnce() async throws {
        try await withServer { server, receiver in
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for index in 1...40 {
                    group.addTask { try await server.post("/v1/interactions", json: [Fixtures.angryReview("c\(index)")]) }
                }
                return try await group.reduce(into: [Reply]()) { $0.append($1) }
            }
            #expect(replies.allSatisfy { $0.status == 200 })
            let ids = Set(try replies.flatMap { try $0.results().flatMap { $0["alerts"] as? [String] ?? [] } })
            #expect(ids == Set((1...40).map { "angry/c\($0)" }))
            try await Self.expectEveryAlertDelivered(ids, server: server, receiver: receiver)
            #expect(receiver.requests.count == 40, "one attempt each: the receiver accepted every one at once")
            #expect(try await server.metric("opine_alerts_raised_total") == 40)
        }
    }

    @Test func aReceiverAnswering500IsRetriedUntilItRecovers() async throws {
        try await withServer(configuration: Self.failing) { server, receiver in
            receiver.setMode(.fail(500))
            let ids = try await Self.raiseAlerts("f", count: 6, on: server)
            // Each alert is refused at least twice: retried after a back-off, not given up.
            let retried = await receiver.waitUntil { requests in
                ids.allSatisfy { id in requests.filter { $0.alertID == id && $0.status == 500 }.count >= 2 }
            }
            #expect(retried)
            #expect(receiver.accepted.isEmpty)
            #expect(await Polling.until { server.pipeline.metrics.snapshot().deliveryFailures >= 12 })
            receiver.setMode(.accept)
            try await Self.expectEveryAlertDelivered(ids, server: server, receiver: receiver)
            #expect(receiver.accepted.allSatisfy { ($0.attempt ?? 0) >= 3 })
        }
    }

    @Test func aStalledAttemptIsCutOffAndRetried() async throws {
        try await withServer(configuration: Self.failing) { server, receiver in
            receiver.setMode(.stall(.seconds(3)))
            let ids = try await Self.raiseAlerts("s", count: 3, on: server)
            let retried = await receiver.waitUntil { requests in
                ids.allSatisfy { id in requests.filter { $0.alertID == id && $0.stalled }.count >= 2 }
            }
            #expect(retried)
            // The second attempt came long before the stalled answer would have: the
            // attempt timeout (0.3 s) cut the first off.
            for id in ids {
                let attempts = receiver.requests.filter { $0.alertID == id }
                if attempts.count >= 2 {
                    #expect(attempts[1].arrived - attempts[0].arrived < .seconds(2), "\(id)")
                }
            }
            #expect(await Polling.until { server.pipeline.metrics.snapshot().deliveryFailures >= 6 })
            receiver.setMode(.accept)
            try await Self.expectEveryAlertDelivered(ids, server: server, receiver: receiver)
        }
    }

    @Test func aReceiverThatIsDownGetsEveryAlertWhenItComesBack() async throws {
        try await withServer(configuration: Self.failing) { server, receiver in
            await receiver.stop()
            let ids = try await Self.raiseAlerts("o", count: 5, on: server)
            // Each delivery fails three times (connection refused) while it is down.
            let failed = await Polling.until {
                let pending = (try? await server.store.deliveries(state: .pending)) ?? []
                return pending.count == 5 && pending.allSatisfy { $0.attempts >= 3 }
            }
            #expect(failed)
            #expect(receiver.requests.isEmpty)
            #expect(try await server.store.outboxDepth() == 5)
            try await receiver.restart()
            try await Self.expectEveryAlertDelivered(ids, server: server, receiver: receiver)
            #expect(receiver.requests.allSatisfy { ($0.attempt ?? 0) >= 4 })
        }
    }

    @Test func aFailingReceiverSendsTheAlertToTheDeadLetterStateAndRetryRevivesIt() async throws {
        let configuration = { Fixtures.configuration(receiver: $0, maxAttempts: 2, attemptTimeout: Fixtures.shortTimeout) }
        try await withServer(configuration: configuration) { server, receiver in
            receiver.setMode(.fail(500))
            _ = try await Self.raiseAlerts("x", count: 1, on: server)
            let dead = await Polling.until { (try? await server.store.deliveries(state: .dead).count) == 1 }
            #expect(dead)
            try await Task.sleep(for: .milliseconds(300))
            #expect(receiver.requests.count == 2)
            #expect(try await server.metric("opine_alerts_dead_total") == 1)
            #expect(try await server.metric("opine_alert_delivery_failures_total") == 2)
            #expect(try await Polling.until { try await server.metric("opine_outbox_depth") == 0 })

            receiver.setMode(.accept)
            #expect(try await server.store.retryDead(alertIDs: []) == 1)
            #expect(await receiver.waitUntil { $0.contains(where: \.accepted) })
            #expect(receiver.accepted.first?.alertID == "angry/x1")
        }
    }

    @Test func aFullOutboxAnswers503WithRetryAfterAndStoresNothing() async throws {
        let configuration = { Fixtures.configuration(receiver: $0, maxOutboxDepth: 1, attemptTimeout: Fixtures.shortTimeout) }
        try await withServer(configuration: configuration) { server, receiver in
            await receiver.stop()
            #expect(try await server.post("/v1/interactions", json: [Fixtures.angryReview("q1")]).status == 200)
            // Once the worker has tried (and failed) once, the outbox depth is known to be 1.
            let tried = try await Polling.until {
                let attempted = try await server.store.deliveries(state: .pending).first.map { $0.attempts >= 1 } ?? false
                let depth = try await server.metric("opine_outbox_depth")
                return attempted && depth == 1
            }
            #expect(tried)
            let refused = try await server.post("/v1/interactions", json: [Fixtures.angryReview("q2")])
            #expect(refused.status == 503, "\(refused.text)")
            #expect(refused.header("Retry-After") == "30")
            #expect(try refused.error()["status"] as? Int == 503)
            #expect(try await server.store.interactions().map(\.interaction.id) == ["q1"])

            try await receiver.restart()
            #expect(await receiver.waitUntil { $0.contains(where: \.accepted) })
            let accepted = try await Polling.until {
                try await server.post("/v1/interactions", json: [Fixtures.angryReview("q2")]).status == 200
            }
            #expect(accepted)
            #expect(await receiver.waitUntil { Set($0.filter(\.accepted).compactMap(\.alertID)) == ["angry/q1", "angry/q2"] })
        }
    }

    @Test func alertsStoredBeforeAStopAreDeliveredAfterARestart() async throws {
        let receiver = try await WebhookReceiver.start()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opine-server-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        await receiver.stop()
        let configuration = Fixtures.configuration(receiver: receiver, attemptTimeout: Fixtures.shortTimeout)
        let first = try await TestServer.start(configuration: configuration, directory: directory)
        let ids: Set<String>
        do {
            ids = try await Self.raiseAlerts("k", count: 4, on: first)
        } catch {
            await first.stop()
            throw error
        }
        await first.stop()

        try await receiver.restart()
        let second = try await TestServer.start(configuration: configuration, directory: directory)
        do {
            #expect(try second.store.interactionCount() == 4)
            #expect(await receiver.waitUntil { requests in ids.isSubset(of: Set(requests.filter(\.accepted).compactMap(\.alertID))) })
            // The restarted server remembers the ids: no second alert.
            let again = try await second.post("/v1/interactions", json: [Fixtures.angryReview("k1")])
            #expect(try again.results().first?["duplicate"] as? Bool == true)
            #expect(try again.results().first?["alerts"] as? [String] == [])
            try await Task.sleep(for: .milliseconds(300))
            #expect(receiver.requests.filter { $0.alertID == "angry/k1" }.count == 1)
        } catch {
            Issue.record(error)
        }
        await second.stop()
        await receiver.stop()
    }
}
