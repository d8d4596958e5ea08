public import Foundation
public import OpineEngagement
public import OpineSentiment
import Synchronization

/// Ingestion: scores interactions, assesses their stance, runs the alert rules and stores
/// interactions and alerts in one transaction before anything is acknowledged.
///
/// Shared by `opine serve` (`POST /v1/interactions`) and `opine watch`. The same
/// interaction id ingested twice is stored and alerted once; later copies come back with
/// `duplicate: true`. Concurrent ingests beyond ``IngestLimits/maxPendingIngests``, or an
/// outbox deeper than ``IngestLimits/maxOutboxDepth``, are refused with
/// ``IngestError/overloaded(reason:retryAfter:)`` rather than queued.
///
/// ```swift
/// let pipeline = try await AlertPipeline(store: store, configuration: configuration, analyzer: analyzer)
/// let outcomes = try await pipeline.ingest([review])
/// outcomes[0].alerts   // ["angry-customer/r-1042"]
/// ```
public actor AlertPipeline {
    public nonisolated let store: AlertStore
    public nonisolated let configuration: AlertConfiguration
    public nonisolated let analyzer: SentimentAnalyzer
    public nonisolated let engagementRules: EngagementRules
    public nonisolated let weights: QueueWeights
    public nonisolated let metrics: AlertMetrics
    /// Rung after every ingest that raised alerts.
    public nonisolated let doorbell: Doorbell

    var log = InteractionLog()
    var evaluator: RuleEvaluator
    var snapshot = QueueSnapshot()
    nonisolated let inFlight = Mutex(0)

    /// Opens the pipeline over a store: reads the stored interactions back into memory
    /// and replays the last window of them through the window rules, so a spike that was
    /// under way before a restart is not raised again.
    /// - Throws: ``StoreError`` when the store cannot be read.
    public init(
        store: AlertStore, configuration: AlertConfiguration, analyzer: SentimentAnalyzer,
        engagementRules: EngagementRules = .init(), weights: QueueWeights = .init(), metrics: AlertMetrics = .init(),
        doorbell: Doorbell = .init()
    ) async throws(StoreError) {
        self.store = store
        self.configuration = configuration
        self.analyzer = analyzer
        self.engagementRules = engagementRules
        self.weights = weights
        self.metrics = metrics
        self.doorbell = doorbell
        var evaluator = RuleEvaluator(rules: configuration.rules, brandAccounts: configuration.brandAccounts)
        var log = InteractionLog()
        let stored = try await store.interactions()
        let latest = stored.map(\.interaction.time).max() ?? .distantPast
        let replayFrom = latest.addingTimeInterval(-configuration.longestWindow)
        for entry in stored {
            log.append(entry.interaction, signal: entry.signal)
            guard configuration.longestWindow > 0, entry.interaction.time >= replayFrom else { continue }
            let stance = engagementRules.stance(kind: entry.interaction.kind, rating: entry.interaction.rating, signal: entry.signal)
            _ = evaluator.evaluate(RuleInput(interaction: entry.interaction, signal: entry.signal, stance: stance), raisedAt: latest)
        }
        self.log = log
        self.evaluator = evaluator
        metrics.set(\.outboxDepth, to: try await store.outboxDepth())
    }

    /// Ingests interactions: scores their texts, stores them with the alerts they raise
    /// (and, for `opine watch`, the stream position after them) in one transaction, and
    /// wakes the delivery worker.
    /// - Returns: one outcome per interaction, in order.
    /// - Throws: ``IngestError``; nothing is stored then.
    public nonisolated func ingest(
        _ interactions: [Interaction], position: StreamPosition? = nil, now: Date = Date()
    ) async throws(IngestError) -> [IngestOutcome] {
        let limits = configuration.limits
        let admitted = inFlight.withLock { count in
            guard count < limits.maxPendingIngests else { return false }
            count += 1
            return true
        }
        guard admitted else {
            throw .overloaded(reason: "\(limits.maxPendingIngests) ingests are already waiting", retryAfter: 1)
        }
        defer { inFlight.withLock { $0 -= 1 } }
        let signals = interactions.map { interaction -> TextSignal? in
            guard interaction.hasText, let text = interaction.text else { return nil }
            return TextSignal(analyzer.analyze(text))
        }
        return try await commit(interactions, signals: signals, position: position, now: now)
    }

    func commit(
        _ interactions: [Interaction], signals: [TextSignal?], position: StreamPosition?, now: Date
    ) throws(IngestError) -> [IngestOutcome] {
        let start = log.count
        let savedEvaluator = evaluator
        var fresh = [Bool](repeating: false, count: interactions.count)
        var stored: [StoredInteraction] = []
        var raised: [[Alert]] = Array(repeating: [], count: interactions.count)
        var alerts: [(alert: Alert, destinations: [String])] = []
        let destinations = Dictionary(uniqueKeysWithValues: configuration.rules.map { ($0.name, $0.destinations) })
        for (index, interaction) in interactions.enumerated() where !log.contains(interaction.id) {
            fresh[index] = true
            log.append(interaction, signal: signals[index])
            stored.append(StoredInteraction(interaction: interaction, signal: signals[index]))
            let stance = engagementRules.stance(kind: interaction.kind, rating: interaction.rating, signal: signals[index])
            let input = RuleInput(
                interaction: interaction, signal: signals[index], stance: stance,
                turnedDetractor: stance?.stance == .detractor && hasTurned(interaction))
            raised[index] = evaluator.evaluate(input, raisedAt: now)
            alerts += raised[index].map { ($0, destinations[$0.rule] ?? []) }
        }
        let result: AlertStore.CommitResult
        do {
            result = try store.commit(
                IngestRecord(interactions: stored, alerts: alerts, position: position),
                maxOutboxDepth: configuration.limits.maxOutboxDepth)
        } catch {
            log.truncate(to: start)
            evaluator = savedEvaluator
            throw .store(error)
        }
        guard case .stored(let newIDs, let depth) = result else {
            log.truncate(to: start)
            evaluator = savedEvaluator
            metrics.set(\.outboxDepth, to: configuration.limits.maxOutboxDepth)
            throw .overloaded(reason: "\(configuration.limits.maxOutboxDepth) or more alert deliveries are waiting in the outbox", retryAfter: 30)
        }
        let newAlertIDs = Set(newIDs)
        metrics.record(\.interactionsIngested, by: stored.count)
        metrics.record(\.duplicates, by: interactions.count - stored.count)
        metrics.record(\.alertsRaised, by: newAlertIDs.count)
        metrics.set(\.outboxDepth, to: depth)
        if !newAlertIDs.isEmpty { doorbell.ring() }
        return interactions.enumerated().map { index, interaction in
            outcome(
                interaction, duplicate: !fresh[index], alerts: raised[index].map(\.id).filter(newAlertIDs.contains), now: now)
        }
    }

    /// Whether the author's standing had been advocate before this (detractor) interaction.
    func hasTurned(_ interaction: Interaction) -> Bool {
        guard configuration.rules.contains(where: { $0.condition == .turnedDetractor }),
            let inbox = try? log.authorInbox(
                interaction.author, now: interaction.time, brandAccounts: configuration.brandAccounts, rules: engagementRules)
        else { return false }
        return inbox.profile(of: interaction.author)?.transitions.contains {
            $0.kind == .advocateTurnedDetractor && $0.interactionID == interaction.id
        } ?? false
    }

    func outcome(_ interaction: Interaction, duplicate: Bool, alerts: [String], now: Date) -> IngestOutcome {
        let inbox = try? log.authorInbox(
            interaction.author, now: now, brandAccounts: configuration.brandAccounts, rules: engagementRules)
        let index = inbox?.interactions.firstIndex { $0.id == interaction.id }
        let disposition = index.flatMap { index in inbox?.disposition(at: index) } ?? .notAMessage
        var placement: QueuePlacement?
        if disposition == .answer, let item = try? inbox?.responseQueue(weights: weights).first(where: { $0.interactionID == interaction.id }) {
            let position = snapshot.position(of: item.priority, excluding: interaction.id) {
                (try? log.inbox(now: now, brandAccounts: configuration.brandAccounts, rules: engagementRules)
                    .responseQueue(weights: weights)) ?? []
            }
            placement = QueuePlacement(priority: item.priority, dueBy: item.dueBy, reasons: item.reasons, position: position)
        }
        let stance = log.index(of: interaction.id).flatMap { index in
            engagementRules.stance(kind: log.interactions[index].kind, rating: log.interactions[index].rating, signal: log.signals[index])
        }
        return IngestOutcome(
            id: interaction.id, duplicate: duplicate, stance: stance, disposition: disposition, queue: placement, alerts: alerts)
    }

    /// The response queue now, most urgent first.
    /// - Throws: ``EngagementError`` for invalid weights.
    public func queue(now: Date = Date(), limit: Int? = nil) throws(EngagementError) -> [QueueItem] {
        try log.inbox(now: now, brandAccounts: configuration.brandAccounts, rules: engagementRules)
            .responseQueue(weights: weights, limit: limit)
    }

    /// An author's profile now, nil when the author has no interactions.
    public func profile(of author: String, now: Date = Date()) -> AuthorProfile? {
        (try? log.authorInbox(author, now: now, brandAccounts: configuration.brandAccounts, rules: engagementRules))?
            .profile(of: author)
    }

    /// How many interactions are stored.
    public var interactionCount: Int { log.count }
}

/// The priorities of the response queue at one moment, for placing new items in it
/// without rebuilding the whole queue on every ingest. Rebuilt at most once a second,
/// and at most once per twenty times its own build time, so a large inbox costs at most
/// about 5 % of the time.
struct QueueSnapshot: Sendable {
    var priorities: [(priority: Double, id: String)] = []
    var builtAt: ContinuousClock.Instant?
    var cost: Duration = .zero

    mutating func position(of priority: Double, excluding id: String, build: () -> [QueueItem]) -> Int {
        let clock = ContinuousClock()
        let interval = max(Duration.seconds(1), cost * 20)
        if builtAt.map({ clock.now - $0 > interval }) ?? true {
            let started = clock.now
            priorities = build().map { ($0.priority, $0.interactionID) }
            builtAt = clock.now
            cost = clock.now - started
        }
        // Descending by priority: count the items strictly above.
        var low = 0
        var high = priorities.count
        while low < high {
            let middle = (low + high) / 2
            if priorities[middle].priority > priority { low = middle + 1 } else { high = middle }
        }
        let above = priorities[..<low].contains { $0.id == id } ? low - 1 : low
        return above + 1
    }
}
