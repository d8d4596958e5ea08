import Foundation
import OpineEngagement

/// Every stored interaction in memory, indexed by id and by author: what stance,
/// author history and the response queue are computed from without reading the store.
///
/// Append-only, with ``truncate(to:)`` to undo the appends of an ingest whose
/// transaction failed.
struct InteractionLog: Sendable {
    private(set) var interactions: [Interaction] = []
    private(set) var signals: [TextSignal?] = []
    private var indexByID: [String: Int] = [:]
    private var indicesByAuthor: [String: [Int]] = [:]

    var count: Int { interactions.count }

    func contains(_ id: String) -> Bool { indexByID[id] != nil }

    func index(of id: String) -> Int? { indexByID[id] }

    mutating func append(_ interaction: Interaction, signal: TextSignal?) {
        indexByID[interaction.id] = interactions.count
        indicesByAuthor[interaction.author, default: []].append(interactions.count)
        interactions.append(interaction)
        signals.append(signal)
    }

    /// Drops the interactions appended after the first `count`.
    mutating func truncate(to count: Int) {
        while interactions.count > count {
            let interaction = interactions.removeLast()
            signals.removeLast()
            indexByID[interaction.id] = nil
            indicesByAuthor[interaction.author]?.removeLast()
            if indicesByAuthor[interaction.author]?.isEmpty == true { indicesByAuthor[interaction.author] = nil }
        }
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
