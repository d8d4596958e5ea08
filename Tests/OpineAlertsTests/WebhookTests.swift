import Foundation
import OpineAlerts
import OpineEngagement
import Testing

@Suite("Webhook payloads and signatures")
struct WebhookTests {
    @Test func signatureIsHMACSHA256OfTimestampAndBody() {
        // Computed independently: python3 -c "import hmac,hashlib; print(hmac.new(b'Jefe',
        // b'1700000000.what do ya want for nothing?', hashlib.sha256).hexdigest())"
        let body = Data("what do ya want for nothing?".utf8)
        let signature = WebhookSignature.sign(body: body, timestamp: 1_700_000_000, secret: "Jefe")
        #expect(signature == "sha256=1cdd0650c8be1cb0974b1788d458b1e781206cfef59b85faafc582d2e182c57e")
        #expect(WebhookSignature.verify(signature, body: body, timestamp: 1_700_000_000, secret: "Jefe"))
        #expect(!WebhookSignature.verify(signature, body: body, timestamp: 1_700_000_001, secret: "Jefe"))
        #expect(!WebhookSignature.verify(signature, body: Data("what do ya want for nothing!".utf8), timestamp: 1_700_000_000, secret: "Jefe"))
        #expect(!WebhookSignature.verify(signature, body: body, timestamp: 1_700_000_000, secret: "jefe"))
    }

    @Test func constantTimeComparisonComparesWholeStrings() {
        #expect(ConstantTime.equal(Array("token".utf8), Array("token".utf8)))
        #expect(!ConstantTime.equal(Array("token".utf8), Array("token2".utf8)))
        #expect(!ConstantTime.equal(Array("token".utf8), Array("tokex".utf8)))
        #expect(!ConstantTime.equal([], Array("a".utf8)))
    }

    /// A receiver gets at most 1,000 characters of a text; a cut one ends in an ellipsis.
    @Test(arguments: [(1_000, 1_000, false), (1_001, 1_000, true), (5_000, 1_000, true), (20, 20, false)])
    func alertedTextsAreCutTo1000Characters(length: Int, expected: Int, cut: Bool) throws {
        let text = String(repeating: "é", count: length)
        let interaction = try Interaction(id: "r", author: "a", kind: .review, time: Date(timeIntervalSince1970: 0), text: text)
        let alerted = try #require(AlertedInteraction(interaction, signal: nil, stance: nil).text)
        #expect(alerted.count == expected)
        #expect(alerted.hasSuffix("…") == cut)
    }

    func alert() throws -> Alert {
        let interaction = try Interaction(
            id: "r1", author: "anna", kind: .review, time: Date(timeIntervalSince1970: 1_700_000_000),
            text: "Late <again> & broken", rating: try Rating(stars: 1))
        return Alert(
            id: "angry/r1", rule: "angry", condition: "detractor", raisedAt: Date(timeIntervalSince1970: 1_700_000_100),
            summary: "angry: detractor review by anna", interaction: AlertedInteraction(interaction, signal: nil, stance: .detractor))
    }

    @Test func jsonPayloadIsTheAlert() throws {
        let body = try WebhookPayload.body(for: try alert(), format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(object["id"] as? String == "angry/r1")
        #expect(object["rule"] as? String == "angry")
        let interaction = try #require(object["interaction"] as? [String: Any])
        #expect(interaction["author"] as? String == "anna")
        #expect(interaction["time"] as? String == "2023-11-14T22:13:20Z")
        #expect(try WebhookPayload.body(for: try alert(), format: .json) == body, "every retry sends the same bytes")
    }

    @Test func slackPayloadEscapesControlCharacters() throws {
        let body = try WebhookPayload.body(for: try alert(), format: .slack)
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: String])
        let text = try #require(object["text"])
        #expect(text.contains("angry: detractor review by anna"))
        #expect(text.contains("> Late &lt;again&gt; &amp; broken"))
        #expect(object.count == 1)
    }
}
