import Foundation
import GRDB
import OpineEngagement
import Testing

@testable import OpineAlerts

@Suite("Alert store reads")
struct StoreTests {
    func interaction(_ id: String, _ author: String, kind: InteractionKind = .comment, minutes: Double, replyTo: String? = nil) throws -> Interaction {
        try Interaction(
            id: id, author: author, kind: kind, time: Date(timeIntervalSince1970: 1_700_000_000 + minutes * 60),
            text: "Text of \(id).", inReplyTo: replyTo)
    }

    func store(with interactions: [Interaction]) throws -> AlertStore {
        let store = try AlertStore(path: try temporaryDirectory().appendingPathComponent("alerts.sqlite").path)
        let record = IngestRecord(
            interactions: interactions.map { StoredInteraction(interaction: $0, signal: nil) }, alerts: [], position: nil)
        _ = try store.commit(record)
        return store
    }

    @Test func anAuthorsHistoryHasTheirsTheirParentsAndTheBrandsReplies() throws {
        let store = try store(with: [
            try interaction("post", "acme", kind: .userPost, minutes: 0),
            try interaction("c1", "bob", minutes: 1, replyTo: "post"),
            try interaction("other", "cem", minutes: 2, replyTo: "post"),
            try interaction("answer", "acme", kind: .reply, minutes: 3, replyTo: "c1"),
            try interaction("fan", "cem", kind: .reply, minutes: 4, replyTo: "c1"),
            try interaction("c2", "bob", minutes: 5),
        ])
        let history = try store.authorHistory("bob", brandAccounts: ["acme"])
        #expect(history.map(\.interaction.id) == ["post", "c1", "answer", "c2"], "in stored order; cem's reply is not bob's history")
        let withoutBrand = try store.authorHistory("bob", brandAccounts: [])
        #expect(withoutBrand.map(\.interaction.id) == ["post", "c1", "c2"])
        let pending = try store.authorHistory("dan", brandAccounts: [], parents: ["c2", "missing"])
        #expect(pending.map(\.interaction.id) == ["c2"], "a parent of a reply not stored yet")
    }

    @Test func theQueueWorkingSetHasRecentAuthorsWithTheirWholeHistory() async throws {
        let store = try store(with: [
            try interaction("old-bob", "bob", minutes: 0),
            try interaction("old-cem", "cem", minutes: 1),
            try interaction("new-bob", "bob", minutes: 100),
        ])
        let since = Date(timeIntervalSince1970: 1_700_000_000 + 50 * 60)
        let ids = try await store.queueWorkingSet(since: since, brandAccounts: []).interactions.map(\.id)
        #expect(ids == ["old-bob", "new-bob"], "cem wrote nothing since; bob's old comment is his history")
        #expect(try store.storedIDs(among: ["old-cem", "nope"]) == ["old-cem"])
        #expect(try await store.latestInteractionTime() == Date(timeIntervalSince1970: 1_700_000_000 + 100 * 60))
        #expect(try store.interactionCount() == 3)
    }

    @Test func aVersionOneStoreGetsItsReplyLinksBack() throws {
        let path = try temporaryDirectory().appendingPathComponent("v1.sqlite").path
        do {
            let pool = try DatabasePool(path: path)
            try AlertStore.migrator.migrate(pool, upTo: "v1")
            let encoder = JSONEncoder()
            try pool.write { db in
                for item in [try interaction("post", "anna", kind: .userPost, minutes: 0), try interaction("c1", "bob", minutes: 1, replyTo: "post")] {
                    try db.execute(
                        sql: "INSERT INTO interaction (id, author, time, body, stored_at) VALUES (?, ?, ?, ?, 0)",
                        arguments: [item.id, item.author, item.time.timeIntervalSince1970, try encoder.encode(item)])
                }
            }
        }
        let store = try AlertStore(path: path)
        #expect(try store.authorHistory("bob", brandAccounts: []).map(\.interaction.id) == ["post", "c1"])
    }
}
