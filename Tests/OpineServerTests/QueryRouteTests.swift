import Foundation
import OpineAlerts
import Testing

/// `GET /v1/queue`, `GET /v1/authors/{id}` and `GET /metrics` after ingests through the
/// real server.
@Suite struct QueryRouteTests {
    @Test func theQueueHoldsWhatNeedsAnAnswerMostUrgentFirst() async throws {
        try await withServer { server, _ in
            let ingest = try await server.post(
                "/v1/interactions",
                json: [
                    Fixtures.happyReview("h1"),
                    Fixtures.angryReview("r1", author: "anna", time: "2026-11-23T10:00:00Z"),
                    ["id": "c1", "author": "cas", "kind": "comment", "time": "2026-11-23T10:10:00Z", "text": "When do you open on Sunday?"],
                ])
            #expect(ingest.status == 200, "\(ingest.text)")

            let reply = try await server.get("/v1/queue")
            #expect(reply.status == 200, "\(reply.text)")
            let json = try reply.json()
            #expect(json["generatedAt"] is String)
            let items = try #require(json["items"] as? [[String: Any]])
            let ids = items.compactMap { $0["interactionID"] as? String }
            #expect(ids.first == "r1", "\(ids)")
            #expect(ids.contains("c1"))
            #expect(!ids.contains("h1"))
            let priorities = items.compactMap { $0["priority"] as? Double }
            #expect(priorities == priorities.sorted(by: >))
            #expect(items.first?["author"] as? String == "anna")

            let one = try await server.get("/v1/queue?limit=1")
            #expect((try one.json()["items"] as? [Any])?.count == 1)
            for bad in ["0", "abc", "10001", "-3"] {
                let refused = try await server.get("/v1/queue?limit=\(bad)")
                #expect(refused.status == 400, "limit=\(bad)")
                #expect(try refused.error()["field"] as? String == "limit")
            }
        }
    }

    @Test func anAuthorsProfileAnd404ForAnUnknownOne() async throws {
        try await withServer { server, _ in
            let body = [Fixtures.angryReview("r1", author: "anna"), Fixtures.angryReview("r2", author: "anna", time: "2026-11-23T11:00:00Z")]
            #expect(try await server.post("/v1/interactions", json: body).status == 200)

            let reply = try await server.get("/v1/authors/anna")
            #expect(reply.status == 200, "\(reply.text)")
            let profile = try #require(try reply.json()["profile"] as? [String: Any])
            #expect(profile["author"] as? String == "anna")
            #expect(profile["interactionCount"] as? Int == 2)
            #expect(profile["stance"] as? String == "detractor")
            #expect(profile["firstSeen"] as? String == "2026-11-23T10:00:00Z")
            #expect(profile["lastSeen"] as? String == "2026-11-23T11:00:00Z")

            let unknown = try await server.get("/v1/authors/nobody")
            #expect(unknown.status == 404)
            let error = try unknown.error()
            #expect(error["status"] as? Int == 404)
            #expect(error["field"] as? String == "id")
        }
    }

    /// Author ids are handles or account ids; one with a space or a slash must be
    /// reachable percent-encoded.
    @Test func aPercentEncodedAuthorIdIsDecoded() async throws {
        try await withServer { server, _ in
            let body = [Fixtures.angryReview("r1", author: "anna smith"), Fixtures.angryReview("r2", author: "shop/anna")]
            #expect(try await server.post("/v1/interactions", json: body).status == 200)
            for (path, author) in [("/v1/authors/anna%20smith", "anna smith"), ("/v1/authors/shop%2Fanna", "shop/anna")] {
                let reply = try await server.get(path)
                #expect(reply.status == 200, "GET \(path): \(reply.text)")
                if reply.status == 200 {
                    #expect((try reply.json()["profile"] as? [String: Any])?["author"] as? String == author)
                }
            }
        }
    }

    @Test func metricsCountAlertsRaisedAndDelivered() async throws {
        try await withServer { server, receiver in
            let first = try await server.post(
                "/v1/interactions", json: [Fixtures.angryReview("m1"), Fixtures.angryReview("m2"), Fixtures.happyReview("h1")])
            #expect(first.status == 200)
            let second = try await server.post("/v1/interactions", json: [Fixtures.angryReview("m3"), Fixtures.angryReview("m1")])
            #expect(second.status == 200)
            #expect(try await server.post("/v1/interactions", json: [["id": "bad"]]).status == 400)
            #expect(await receiver.waitUntil { $0.filter(\.accepted).count >= 3 })
            let settled = try await Polling.until { try await server.metric("opine_alerts_delivered_total") == 3 }
            #expect(settled)

            let reply = try await server.get("/metrics")
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type")?.hasPrefix("text/plain") == true)
            #expect(try await server.metric("opine_alerts_raised_total") == 3)
            #expect(try await server.metric("opine_alerts_delivered_total") == 3)
            #expect(try await server.metric("opine_interactions_ingested_total") == 4)
            #expect(try await server.metric("opine_interactions_duplicate_total") == 1)
            #expect(try await server.metric("opine_alert_delivery_failures_total") == 0)
            #expect(try await server.metric("opine_alerts_dead_total") == 0)
            #expect(try await Polling.until { try await server.metric("opine_outbox_depth") == 0 })
            let lines = reply.text.split(separator: "\n").map(String.init)
            #expect(lines.contains(#"opine_http_requests_total{route="/v1/interactions",method="POST",status="200"} 2"#))
            #expect(lines.contains(#"opine_http_requests_total{route="/v1/interactions",method="POST",status="400"} 1"#))
            #expect(lines.contains(#"opine_http_request_duration_seconds_count{route="/v1/interactions"} 3"#))
            #expect(lines.contains("# TYPE opine_alerts_raised_total counter"))
            #expect(lines.contains("# TYPE opine_outbox_depth gauge"))
            #expect(try await server.metric("opine_analyses_in_flight") == 0)
        }
    }
}
