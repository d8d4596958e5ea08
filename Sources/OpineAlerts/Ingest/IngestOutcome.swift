public import Foundation
public import OpineEngagement

/// What ingesting one interaction did: its stance, where it stands in the response
/// queue, and the alerts it raised.
public struct IngestOutcome: Sendable, Hashable, Codable {
    /// The interaction's id.
    public var id: String
    /// It had been ingested before (or earlier in the same request): nothing was stored
    /// or raised again.
    public var duplicate: Bool
    /// Its stance and what decided it (nil for follows, unfollows, likes and shares).
    public var stance: StanceAssessment?
    /// What the brand should do with it (`answer`, `thank`, `answered`, ...).
    public var disposition: Inbox.Disposition
    /// Its place in the response queue, when it needs an answer.
    public var queue: QueuePlacement?
    /// The ids of the alerts it raised (empty for a duplicate).
    public var alerts: [String]

    /// An outcome.
    public init(
        id: String, duplicate: Bool, stance: StanceAssessment?, disposition: Inbox.Disposition, queue: QueuePlacement?,
        alerts: [String]
    ) {
        self.id = id
        self.duplicate = duplicate
        self.stance = stance
        self.disposition = disposition
        self.queue = queue
        self.alerts = alerts
    }
}

/// Where an interaction that needs an answer stands in the response queue.
public struct QueuePlacement: Sendable, Hashable, Codable {
    /// Its priority (see ``QueueWeights``).
    public var priority: Double
    /// When the answer is due.
    public var dueBy: Date
    /// The reasons in words.
    public var reasons: [String]
    /// 1 + the number of open items with a higher priority, counted in the latest queue
    /// snapshot (rebuilt in the background at most every five seconds, so up to a few seconds old).
    public var position: Int

    /// A placement.
    public init(priority: Double, dueBy: Date, reasons: [String], position: Int) {
        self.priority = priority
        self.dueBy = dueBy
        self.reasons = reasons
        self.position = position
    }
}
