public import Foundation
public import OpineEngagement

/// Everything `opine serve` and `opine watch` read from their YAML configuration: where
/// alerts go, which interactions raise them, and how hard delivery tries.
///
/// Load it with ``AlertConfiguration/load(contentsOf:environment:)``, which checks every
/// field and names the file, line and problem of the first one that is wrong:
///
/// ```yaml
/// destinations:
///   support-slack:
///     url: https://hooks.slack.com/services/T000/B000/XXXX
///     format: slack
///   crm:
///     url: https://crm.example.com/hooks/opine
///     format: json
///     secret_env: OPINE_WEBHOOK_SECRET     # HMAC-SHA256 signature header
///     headers: { X-Team: care }
/// rules:
///   - name: angry-customer
///     when: detractor
///     kinds: [review, direct_message]
///     max_compound: -0.5
///     to: [support-slack, crm]
///   - name: negative-spike
///     when: negative_spike
///     min_count: 20
///     min_share: 0.4
///     window_minutes: 60
///     to: [support-slack]
/// ```
public struct AlertConfiguration: Sendable, Hashable {
    /// Webhook destinations by name.
    public var destinations: [String: Destination]
    /// The rules, in file order.
    public var rules: [AlertRule]
    /// Retry and timeout policy of the delivery worker.
    public var delivery: DeliveryPolicy
    /// The brand's own accounts: never alerted on, and their replies mark what they answer.
    public var brandAccounts: Set<String>
    /// Limits that keep memory bounded under overload.
    public var limits: IngestLimits

    /// A configuration; ``AlertConfiguration/load(contentsOf:environment:)`` checks one read from a file.
    public init(
        destinations: [String: Destination] = [:], rules: [AlertRule] = [], delivery: DeliveryPolicy = .init(),
        brandAccounts: Set<String> = [], limits: IngestLimits = .init()
    ) {
        self.destinations = destinations
        self.rules = rules
        self.delivery = delivery
        self.brandAccounts = brandAccounts
        self.limits = limits
    }

    /// The longest window any rule looks back over (0 when no rule has a window).
    public var longestWindow: TimeInterval {
        rules.map(\.condition.window).max() ?? 0
    }
}

/// A webhook that receives alerts.
public struct Destination: Sendable, Hashable {
    /// The name rules use in `to:`.
    public var name: String
    /// Where alerts are POSTed (http or https).
    public var url: URL
    /// The body's shape.
    public var format: WebhookFormat
    /// Extra headers sent with every attempt.
    public var headers: [String: String]
    /// The HMAC-SHA256 key for the `X-Opine-Signature` header; nil sends no signature.
    public var secret: String?

    /// A destination.
    public init(name: String, url: URL, format: WebhookFormat = .json, headers: [String: String] = [:], secret: String? = nil) {
        self.name = name
        self.url = url
        self.format = format
        self.headers = headers
        self.secret = secret
    }
}

/// The body a webhook receives.
public enum WebhookFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Slack's incoming-webhook shape: `{"text": "..."}` with the summary in words.
    case slack
    /// The whole ``Alert`` as JSON.
    case json
}

/// How the delivery worker retries: exponential back-off with full jitter, a per-attempt
/// timeout, and a dead-letter state after ``maxAttempts``.
public struct DeliveryPolicy: Sendable, Hashable {
    /// Attempts before an alert's delivery is marked dead (`opine alerts retry` revives it).
    public var maxAttempts = 8
    /// The back-off ceiling after the first failure, in seconds; it doubles per attempt.
    public var initialBackoff: TimeInterval = 1
    /// The largest back-off, in seconds.
    public var maxBackoff: TimeInterval = 300
    /// How long one attempt may take, in seconds.
    public var attemptTimeout: TimeInterval = 10
    /// Deliveries in flight at once.
    public var concurrency = 8

    /// The default policy.
    public init() {}

    /// The delay before attempt `attempt + 1` after `attempt` failures (1-based): a uniform
    /// random duration in [0, min(maxBackoff, initialBackoff × 2^(attempt-1))] ("full
    /// jitter"), so receivers coming back are not hit by every sender at once.
    public func backoff(afterFailures attempt: Int, random: Double = Double.random(in: 0...1)) -> TimeInterval {
        let exponent = Double(max(0, min(attempt - 1, 30)))
        let ceiling = min(maxBackoff, initialBackoff * pow(2, exponent))
        return ceiling * min(max(random, 0), 1)
    }
}

/// Bounds on what ingestion holds in memory; beyond them requests are refused (429/503)
/// instead of queued.
public struct IngestLimits: Sendable, Hashable {
    /// Ingest requests waiting for the store at once; more get 503 with `Retry-After`.
    public var maxPendingIngests = 64
    /// Undelivered alert deliveries in the outbox; more stop ingestion with 503 until the
    /// worker catches up.
    public var maxOutboxDepth = 100_000
    /// Interactions in one request.
    public var maxBatch = 1_000
    /// Characters in one text.
    public var maxTextLength = 20_000
    /// How far back the response queue reaches: unanswered interactions older than this
    /// (before now, or before the latest interaction when that is earlier) leave the
    /// queue. It bounds what a queue build reads; 30 days by default.
    public var queueHorizon: TimeInterval = 30 * 86_400

    /// The default limits.
    public init() {}
}

/// One alert rule: a condition and the destinations its alerts go to.
public struct AlertRule: Sendable, Hashable {
    /// A unique name; it starts every alert id the rule raises.
    public var name: String
    /// When the rule fires.
    public var condition: AlertCondition
    /// Destination names.
    public var destinations: [String]

    /// A rule.
    public init(name: String, condition: AlertCondition, destinations: [String]) {
        self.name = name
        self.condition = condition
        self.destinations = destinations
    }
}

/// When a rule fires.
///
/// Windows are measured in interaction time (the `time` of the interactions), so a
/// replayed stream raises the same alerts as the live one. A window rule raises one alert
/// per episode: after it fires it stays quiet until the window holds fewer than half of
/// `minCount` matching interactions, then it re-arms.
public enum AlertCondition: Sendable, Hashable {
    /// A detractor interaction (by rating or text, see ``EngagementRules``) of one of the
    /// kinds, with a text compound at most `maxCompound` when that is set.
    case detractor(kinds: Set<InteractionKind>, maxCompound: Double?)
    /// A detractor interaction by an author whose standing had been advocate.
    case turnedDetractor
    /// At least `minCount` detractor interactions that are also at least `minShare` of
    /// all interactions with a stance, within `window` seconds.
    case negativeSpike(minCount: Int, minShare: Double, window: TimeInterval)
    /// At least `minCount` unfollows within `window` seconds.
    case unfollowWave(minCount: Int, window: TimeInterval)

    /// The name used in the YAML `when:` field.
    public var name: String {
        switch self {
        case .detractor: return "detractor"
        case .turnedDetractor: return "turned_detractor"
        case .negativeSpike: return "negative_spike"
        case .unfollowWave: return "unfollow_wave"
        }
    }

    /// The window the condition looks back over, 0 for single-interaction conditions.
    public var window: TimeInterval {
        switch self {
        case .detractor, .turnedDetractor: return 0
        case .negativeSpike(_, _, let window), .unfollowWave(_, let window): return window
        }
    }
}
