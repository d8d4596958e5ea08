import Foundation
import NIOHTTP1
import OpineAlerts
import Testing

/// Bad requests get a 400 or 413 with a JSON error naming the field, and nothing of a
/// refused ingest is stored: no interaction, no alert, no delivery.
@Suite struct BadInputTests {
    /// A request the server must refuse.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        var body: Data
        var chunked = false
        var status: Int
        /// The `field` the error names (nil: none).
        var field: String?
        /// A part of the message.
        var message: String

        var testDescription: String { name }
    }

    static let time = "2026-11-23T10:00:00Z"

    static func json(_ value: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: value)) ?? Data()
    }

    /// A valid interaction that would raise an alert if the request were accepted.
    static func good(_ id: String) -> [String: Any] { Fixtures.angryReview(id) }

    static func with(_ id: String, _ changes: [String: Any]) -> [String: Any] {
        good(id).merging(changes) { $1 }
    }

    static let oversizeText = String(repeating: "slow ", count: 401)  // 2005 characters, over the limit of 2000
    static let oversizeBody = Data(("[" + String(repeating: " ", count: 70 * 1024) + "]").utf8)  // over 64 KiB

    static let ingestCases: [Case] = [
        Case(name: "text of the wrong type", path: "/v1/interactions", body: json([with("b1", ["text": 42])]), status: 400,
             field: "interactions[0].text", message: "must be a string"),
        Case(name: "id of the wrong type", path: "/v1/interactions", body: json(with("b1", ["id": 7])), status: 400,
             field: "id", message: "must be a string"),
        Case(name: "unknown kind, one object", path: "/v1/interactions", body: json(with("b1", ["kind": "tweet"])), status: 400,
             field: "kind", message: "unknown kind"),
        Case(name: "unknown kind after a good one", path: "/v1/interactions",
             body: json(["interactions": [good("b1"), with("b2", ["kind": "tweet"])]]), status: 400,
             field: "interactions[1].kind", message: "unknown kind"),
        Case(name: "bad time after a good one", path: "/v1/interactions",
             body: json([good("b1"), with("b2", ["time": "yesterday"])]), status: 400,
             field: "interactions[1].time", message: "not a time"),
        Case(name: "rating outside its scale", path: "/v1/interactions",
             body: json([with("b1", ["rating": ["scale": "stars", "value": 9]])]), status: 400,
             field: "interactions[0].rating.value", message: "outside its scale"),
        Case(name: "unknown rating scale", path: "/v1/interactions",
             body: json([with("b1", ["rating": ["scale": "percent", "value": 9]])]), status: 400,
             field: "interactions[0].rating.scale", message: "percent"),
        Case(name: "missing author", path: "/v1/interactions",
             body: json([good("b1"), good("b2").filter { $0.key != "author" }]), status: 400,
             field: "interactions[1].author", message: "is required"),
        Case(name: "malformed JSON", path: "/v1/interactions", body: Data(#"[{"id": "b1", "author": "#.utf8), status: 400,
             field: nil, message: "not valid JSON"),
        Case(name: "invalid UTF-8", path: "/v1/interactions",
             body: Data(#"[{"id": "b1", "author": "anna", "kind": "review", "time": "2026-11-23T10:00:00Z", "text": ""#.utf8)
                + Data([0xC3, 0x28, 0xFF]) + Data(#""}]"#.utf8),
             status: 400, field: nil, message: "UTF-8"),
        Case(name: "no interactions", path: "/v1/interactions", body: json([Any]()), status: 400,
             field: "interactions", message: "no interactions"),
        Case(name: "oversize text", path: "/v1/interactions", body: json([good("b1"), with("b2", ["text": oversizeText])]),
             status: 413, field: "interactions[1].text", message: "more than the limit of 2000"),
        Case(name: "too many interactions", path: "/v1/interactions", body: json((1...51).map { good("b\($0)") }),
             status: 413, field: "interactions", message: "more than the limit of 50"),
        Case(name: "oversize body", path: "/v1/interactions", body: oversizeBody, status: 413, field: nil,
             message: "more than the limit"),
        Case(name: "oversize body without Content-Length", path: "/v1/interactions", body: oversizeBody, chunked: true,
             status: 413, field: nil, message: "more than the limit"),
    ]

    static let analyzeCases: [Case] = [
        Case(name: "analyze: text of the wrong type", path: "/v1/analyze", body: json(["text": 5]), status: 400,
             field: "text", message: "must be a string"),
        Case(name: "analyze: a number among texts", path: "/v1/analyze", body: json(["texts": ["fine", 3]]), status: 400,
             field: "texts[1]", message: "must be a string"),
        Case(name: "analyze: unknown language", path: "/v1/analyze", body: json(["text": "fine", "language": "fr"]),
             status: 400, field: "language", message: "en or nl"),
        Case(name: "analyze: neither text nor texts", path: "/v1/analyze", body: json([String: Any]()), status: 400,
             field: "text", message: "give text"),
        Case(name: "analyze: text and texts", path: "/v1/analyze", body: json(["text": "a", "texts": ["b"]]), status: 400,
             field: "texts", message: "not both"),
        Case(name: "analyze: malformed JSON", path: "/v1/analyze", body: Data(#"{"text": "fine"#.utf8), status: 400,
             field: nil, message: "not valid JSON"),
        Case(name: "analyze: invalid UTF-8", path: "/v1/analyze", body: Data(#"{"text": ""#.utf8) + Data([0xFF, 0xFE]) + Data(#""}"#.utf8),
             status: 400, field: nil, message: "UTF-8"),
        Case(name: "analyze: oversize text", path: "/v1/analyze", body: json(["text": oversizeText]), status: 413,
             field: "text", message: "more than the limit of 2000"),
        Case(name: "analyze: oversize text in a batch", path: "/v1/analyze", body: json(["texts": ["fine", oversizeText]]),
             status: 413, field: "texts[1]", message: "more than the limit of 2000"),
        Case(name: "analyze: too many texts", path: "/v1/analyze", body: json(["texts": Array(repeating: "fine", count: 51)]),
             status: 413, field: "texts", message: "more than the limit of 50"),
        Case(name: "analyze: oversize body", path: "/v1/analyze", body: oversizeBody, status: 413, field: nil,
             message: "more than the limit"),
    ]

    @Test(arguments: ingestCases + analyzeCases)
    func refusedWithTheFieldNamed(_ bad: Case) async throws {
        try await withServer { server, receiver in
            let reply = try await server.request(.POST, bad.path, body: bad.body, chunked: bad.chunked)
            #expect(reply.status == bad.status, "\(reply.text)")
            #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
            let error = try reply.error()
            #expect(error["status"] as? Int == bad.status)
            #expect(error["field"] as? String == bad.field, "\(reply.text)")
            let message = try #require(error["message"] as? String)
            #expect(message.contains(bad.message), "\(message)")

            // Nothing of it was stored or raised...
            #expect(try await server.store.interactions().isEmpty)
            #expect(try await server.store.deliveries(state: nil).isEmpty)
            #expect(try server.store.interactionCount() == 0)
            #expect(server.pipeline.metrics.snapshot().alertsRaised == 0)
            #expect(try await server.get("/v1/authors/anna").status == 404)
            // ... so the same ids are new afterwards, and only their alerts arrive.
            let retry = try await server.post("/v1/interactions", json: [Self.good("b1"), Self.good("b2")])
            #expect(retry.status == 200, "\(retry.text)")
            #expect(try retry.results().map { $0["duplicate"] as? Bool } == [false, false])
            #expect(await receiver.waitUntil { $0.count >= 2 })
            #expect(receiver.acceptedAlertIDs == ["angry/b1", "angry/b2"])
        }
    }
}
