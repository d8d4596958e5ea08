import Foundation
import NIOCore
import NIOHTTP1
import OpineSentiment
import Testing

/// `POST /v1/analyze` on the real server: one text, a batch, a forced language, and the
/// 429 when too many analyses run at once.
@Suite struct AnalyzeTests {
    @Test func oneTextGetsTheAnalyzersAnalysis() async throws {
        try await withServer { server, _ in
            let text = "I love this shop, great service!"
            let reply = try await server.post("/v1/analyze", json: ["text": text])
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
            let json = try reply.json()
            #expect(json["analyses"] == nil)
            let analysis = try #require(json["analysis"] as? [String: Any])
            let expected = try #require(TestServer.analyzer).analyze(text)
            #expect(analysis["label"] as? String == "positive")
            #expect(close(analysis["compound"] as? Double, expected.compound))
            #expect(analysis["language"] as? String == "en")
            #expect((analysis["contributions"] as? [Any])?.count == expected.contributions.count)
            #expect((analysis["sentences"] as? [Any])?.count == expected.sentences.count)
        }
    }

    @Test func aBatchGetsOneAnalysisPerTextInOrder() async throws {
        try await withServer { server, _ in
            let texts = ["I love this shop, great service!", "Terrible, the worst delivery ever.", "The parcel came on Tuesday."]
            let reply = try await server.post("/v1/analyze", json: ["texts": texts])
            #expect(reply.status == 200, "\(reply.text)")
            let analyses = try #require(try reply.json()["analyses"] as? [[String: Any]])
            try #require(analyses.count == 3)
            #expect(analyses.map { $0["label"] as? String } == ["positive", "negative", "neutral"])
            let analyzer = try #require(TestServer.analyzer)
            for (analysis, text) in zip(analyses, texts) {
                #expect(close(analysis["compound"] as? Double, analyzer.analyze(text).compound), "\(text)")
            }
        }
    }

    @Test func aGivenLanguageIsUsed() async throws {
        try await withServer { server, _ in
            let reply = try await server.post("/v1/analyze", json: ["text": "Heel slecht, nooit meer!", "language": "nl"])
            #expect(reply.status == 200, "\(reply.text)")
            let analysis = try #require(try reply.json()["analysis"] as? [String: Any])
            #expect(analysis["language"] as? String == "nl")
            #expect(analysis["label"] as? String == "negative")
        }
    }

    @Test func analysesBeyondTheLimitGet429WithRetryAfter() async throws {
        try await withServer(maxConcurrentAnalyses: 1) { server, _ in
            // The first request holds the only slot: its body is not finished yet. The next
            // request is sent only once the server counts the held one as in flight; sent
            // earlier, it may reach the server first and take the slot itself.
            let (stream, body) = AsyncStream<ByteBuffer>.makeStream()
            body.yield(ByteBuffer(string: #"{"text": "great"#))
            let held = Task { try await server.request(.POST, "/v1/analyze", stream: stream) }
            let holding = try await Polling.until(timeout: .seconds(60)) {
                try await server.metric("opine_analyses_in_flight") == 1
            }
            let refused = try await server.post("/v1/analyze", json: ["text": "fine"])
            #expect(try await server.metric("opine_analyses_in_flight") == 1)
            body.yield(ByteBuffer(string: #" service"}"#))
            body.finish()
            let first = try await held.value
            try #require(holding, "the held request never reached the server")
            #expect(refused.status == 429, "\(refused.text)")
            #expect(refused.header("Retry-After") == "1")
            #expect(try refused.error()["status"] as? Int == 429)
            #expect(first.status == 200, "\(first.text)")
            // The slot is free again.
            #expect(try await server.metric("opine_analyses_in_flight") == 0)
            #expect(try await server.post("/v1/analyze", json: ["text": "fine"]).status == 200)
        }
    }
}

/// Whether a number read back with JSONSerialization (which may lose the last digit) is `expected`.
func close(_ value: Double?, _ expected: Double) -> Bool {
    guard let value else { return false }
    return abs(value - expected) < 1e-12
}
