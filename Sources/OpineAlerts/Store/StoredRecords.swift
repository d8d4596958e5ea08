public import Foundation
public import OpineEngagement

/// Where a delivery stands.
public enum DeliveryState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not delivered yet: due at its next attempt time.
    case pending
    /// A 2xx answer arrived.
    case delivered
    /// Every attempt failed; waits for `opine alerts retry`.
    case dead
}

/// One alert's delivery to one destination, as stored.
public struct DeliveryRecord: Sendable, Hashable, Codable {
    /// The alert to deliver.
    public var alert: Alert
    /// The name of the destination it goes to.
    public var destination: String
    /// Whether it is pending, delivered or dead.
    public var state: DeliveryState
    /// Attempts made so far.
    public var attempts: Int
    /// When the next attempt is due (pending deliveries).
    public var nextAttemptAt: Date
    /// The last failure, in words.
    public var lastError: String?
    /// When it was delivered.
    public var deliveredAt: Date?
}

/// An interaction as stored, with the signal of its text.
public struct StoredInteraction: Sendable, Hashable {
    /// The interaction as ingested.
    public var interaction: Interaction
    /// The sentiment of its text; nil when it has none.
    public var signal: TextSignal?

    /// A stored interaction.
    public init(interaction: Interaction, signal: TextSignal?) {
        self.interaction = interaction
        self.signal = signal
    }
}

/// How far a watched file has been read: the file's identity and the byte offset and
/// line number after the last line ingested.
public struct StreamPosition: Sendable, Hashable, Codable {
    /// The source as given (the path).
    public var source: String
    /// The file's device and inode, to notice rotation while Opine was down.
    public var device: UInt64
    /// The file's inode (with ``device``, its identity).
    public var inode: UInt64
    /// Bytes read and ingested.
    public var offset: UInt64
    /// Lines read and ingested.
    public var line: Int

    /// A position.
    public init(source: String, device: UInt64, inode: UInt64, offset: UInt64, line: Int) {
        self.source = source
        self.device = device
        self.inode = inode
        self.offset = offset
        self.line = line
    }
}

/// What one ingest writes in one transaction: the new interactions, the alerts they
/// raised with a delivery per destination, and the stream position after them.
public struct IngestRecord: Sendable {
    /// The new interactions, in ingest order.
    public var interactions: [StoredInteraction]
    /// The alerts raised, each with the destinations to deliver it to.
    public var alerts: [(alert: Alert, destinations: [String])]
    /// The stream position after these interactions; nil when they came from the API.
    public var position: StreamPosition?

    /// An ingest record.
    public init(interactions: [StoredInteraction], alerts: [(alert: Alert, destinations: [String])], position: StreamPosition?) {
        self.interactions = interactions
        self.alerts = alerts
        self.position = position
    }
}
