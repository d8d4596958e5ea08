import Foundation
import OpineEngagement

/// A working set of interactions, indexed by id and by author: an author's history or a
/// queue's interactions as read from the store, or the interactions of an ingest under
/// way; what stance, author profiles and the response queue are computed from.
struct InteractionLog: Sendable {
    private(set) var interactions: [Interaction] = []
    private(set) var signals: [TextSignal?] = []
    private var indexByID: [String: Int] = [:]
    private var indicesByAuthor: [String: [Int]] = [:]

    var count: Int { interactions.count }

    func contains(_ id: String) -> Bool { indexByID[id] != nil }

    /// The interactions of one author, in the order they were appended.
    func interactions(by author: String) -> [Interaction] {
        (indicesByAuthor[author] ?? []).map { interactions[$0] }
    }

    mutating func append(_ interaction: Interaction, signal: TextSignal?) {
        indexByID[interaction.id] = interactions.count
        indicesByAuthor[interaction.author, default: []].append(interactions.count)
        interactions.append(interaction)
        signals.append(signal)
    }

    /// An inbox of one author's interactions, the interactions they reply to and the
    /// replies to theirs: enough for the author's profile and for the stance, disposition
    /// and priority of each of their interactions, at a cost that does not grow with the log.
    func authorInbox(_ author: String, now: Date, brandAccounts: Set<String>, rules: EngagementRules) throws(EngagementError) -> Inbox? {
        guard let own = indicesByAuthor[author] else { return nil }
        var chosen = Set(own)
        for index in own {
            if let parent = interactions[index].inReplyTo, let parentIndex = indexByID[parent] { chosen.insert(parentIndex) }
        }
        if !brandAccounts.isEmpty {
            let ownIDs = Set(own.map { interactions[$0].id })
            for account in brandAccounts {
                for index in indicesByAuthor[account] ?? [] {
                    if let parent = interactions[index].inReplyTo, ownIDs.contains(parent) { chosen.insert(index) }
                }
            }
        }
        let ordered = chosen.sorted()
        return try Inbox(
            ordered.map { interactions[$0] }, signals: ordered.map { signals[$0] }, now: now, brandAccounts: brandAccounts,
            rules: rules)
    }

    /// An inbox of everything.
    func inbox(now: Date, brandAccounts: Set<String>, rules: EngagementRules) throws(EngagementError) -> Inbox {
        try Inbox(interactions, signals: signals, now: now, brandAccounts: brandAccounts, rules: rules)
    }
}
