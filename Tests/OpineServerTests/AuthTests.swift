import Foundation
import OpineAlerts
import OpineServer
import Testing

/// Bearer-token auth on the real server, and the refusal to listen beyond loopback
/// without a token.
@Suite struct AuthTests {
    static let token = "t0ken-with-some-length"

    @Test func requestsWithoutTheRightTokenGet401() async throws {
        try await withServer(token: Self.token) { server, _ in
            let wrong: [TestServer.Authorization] = [
                .none, .header("Bearer nope"), .header("Bearer \(Self.token)x"), .header("Bearer \(Self.token.dropLast())"),
                .header("Basic \(Self.token)"), .header(Self.token), .header("Bearer "),
            ]
            for authorization in wrong {
                for path in ["/v1/queue", "/metrics", "/v1/authors/anna"] {
                    let reply = try await server.get(path, authorization: authorization)
                    #expect(reply.status == 401, "GET \(path) with \(authorization)")
                    #expect(try reply.error()["status"] as? Int == 401)
                    #expect(reply.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
                }
            }
        }
    }

    @Test func anIngestWithoutTheTokenStoresNothing() async throws {
        try await withServer(token: Self.token) { server, receiver in
            let refused = try await server.post("/v1/interactions", json: [Fixtures.angryReview("t1")], authorization: .none)
            #expect(refused.status == 401)
            let analyze = try await server.post("/v1/analyze", json: ["text": "fine"], authorization: .header("Bearer nope"))
            #expect(analyze.status == 401)
            #expect(try await server.store.interactions().isEmpty)
            #expect(try server.store.interactionCount() == 0)
            try await Task.sleep(for: .milliseconds(200))
            #expect(receiver.requests.isEmpty)
        }
    }

    @Test func theRightTokenIsAccepted() async throws {
        try await withServer(token: Self.token) { server, _ in
            #expect(try await server.get("/v1/queue").status == 200)
            #expect(try await server.get("/metrics").status == 200)
            #expect(try await server.get("/v1/queue", authorization: .header("bearer \(Self.token)")).status == 200)
            #expect(try await server.post("/v1/analyze", json: ["text": "fine"]).status == 200)
            let ingest = try await server.post("/v1/interactions", json: [Fixtures.angryReview("t1")])
            #expect(ingest.status == 200, "\(ingest.text)")
        }
    }

    @Test func healthzNeedsNoToken() async throws {
        try await withServer(token: Self.token) { server, _ in
            let reply = try await server.get("/healthz", authorization: .none)
            #expect(reply.status == 200)
            #expect(try reply.json()["status"] as? String == "ok")
        }
    }

    @Test func settingsRefuseAPublicAddressWithoutAToken() throws {
        for host in ["0.0.0.0", "::", "192.168.1.20", "example.com"] {
            #expect(throws: ServerSettingsError.self, "\(host) without a token") { try ServerSettings(host: host).validate() }
            #expect(throws: Never.self, "\(host) with a token") { try ServerSettings(host: host, token: "secret").validate() }
        }
        do {
            try ServerSettings(host: "0.0.0.0").validate()
            Issue.record("0.0.0.0 without a token was accepted")
        } catch {
            #expect(error.description.contains("0.0.0.0"))
            #expect(error.description.contains("OPINE_API_TOKEN"))
        }
        for host in ["127.0.0.1", "localhost", "::1"] {
            #expect(throws: Never.self, "\(host) without a token") { try ServerSettings(host: host).validate() }
        }
        #expect(throws: ServerSettingsError.self) { try ServerSettings(host: "0.0.0.0", token: "").validate() }
        #expect(throws: ServerSettingsError.self) { try ServerSettings(port: 70_000).validate() }
        #expect(throws: ServerSettingsError.self) { try ServerSettings(maxBodyBytes: 0).validate() }
    }
}
