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
    /// Where interactions, alerts and deliveries are stored.
    public nonisolated let store: AlertStore
    /// The rules, destinations and limits.
    public nonisolated let configuration: AlertConfiguration
    /// Scores the interactions' texts.
    public nonisolated let analyzer: SentimentAnalyzer
    /// Decides each interaction's stance.
    public nonisolated let engagementRules: EngagementRules
    /// Weights of the response queue, used to place each ingested interaction in it.
    public nonisolated let weights: QueueWeights
    /// Counts of ingests, alerts and the outbox depth, updated as it works.
    public nonisolated let metrics: AlertMetrics
    /// Rung after every ingest that raised alerts.
    public nonisolated let doorbell: Doorbell

    var evaluator: RuleEvaluator
    var snapshot = QueueSnapshot()
    var refreshingSnapshot = false
    nonisolated let inFlight = Mutex(0)

    /// Opens the pipeline over a store and replays the last window of its interactions
    /// through the window rules, so a spike that was under way before a restart is not
    /// raised again. Nothing else is read: histories and the queue are read from the
    /// store when they are needed, so memory does not grow with the store.
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
        if configuration.longestWindow > 0, let latest = try await store.latestInteractionTime() {
            for entry in try await store.interactions(since: latest.addingTimeInterval(-configuration.longestWindow)) {
                let stance = engagementRules.stance(kind: entry.interaction.kind, rating: entry.interaction.rating, signal: entry.signal)
                _ = evaluator.evaluate(RuleInput(interaction: entry.interaction, signal: entry.signal, stance: stance), raisedAt: latest)
            }
        }
        self.evaluator = evaluator
        metrics.set(\.outboxDepth, to: try await store.outboxDepth())
    }

    /// Ingests interactions: scores their texts, stores them with the alerts they raise
    /// (and, for `opine watch`, the stream position after them) in one transaction, and
    /// wakes the delivery worker.
    /// The outcomes (stance, disposition, queue place) are read back from the store after
    /// the commit, outside the pipeline's serial section, so reads of one ingest overlap
    /// the commit of the next.
    /// - Returns: one outcome per interaction, in order.
    /// - Throws: ``IngestError``. When the commit fails nothing is stored; when only the
    ///   reading back fails, the interactions are stored and sending them again (same
    ///   ids) returns their outcomes as duplicates.
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
        let committed = try await commit(interactions, signals: signals, position: position, now: now)
        let inboxes: [String: Inbox]
        do {
            inboxes = try await storedAuthorInboxes(Set(interactions.map(\.author)), now: now)
        } catch {
            throw .store(error)
        }
        return await outcomes(interactions, committed: committed, inboxes: inboxes, now: now)
    }

    /// What a commit stored: which interactions were new, and the new alerts of each.
    struct Committed {
        var fresh: [Bool]
        var alerts: [[String]]
    }

    func commit(
        _ interactions: [Interaction], signals: [TextSignal?], position: StreamPosition?, now: Date
    ) throws(IngestError) -> Committed {
        let savedEvaluator = evaluator
        var fresh = [Bool](repeating: false, count: interactions.count)
        var batch = InteractionLog()
        var raised: [[Alert]] = Array(repeating: [], count: interactions.count)
        var alerts: [(alert: Alert, destinations: [String])] = []
        let destinations = Dictionary(uniqueKeysWithValues: configuration.rules.map { ($0.name, $0.destinations) })
        let watchesTurns = configuration.rules.contains { $0.condition == .turnedDetractor }
        let result: AlertStore.CommitResult
        do {
            let stored = try store.storedIDs(among: interactions.map(\.id))
            for (index, interaction) in interactions.enumerated() where !stored.contains(interaction.id) && !batch.contains(interaction.id) {
                fresh[index] = true
                batch.append(interaction, signal: signals[index])
                let stance = engagementRules.stance(kind: interaction.kind, rating: interaction.rating, signal: signals[index])
                var turned = false
                if watchesTurns, stance?.stance == .detractor { turned = try hasTurned(interaction, batch: batch) }
                let input = RuleInput(interaction: interaction, signal: signals[index], stance: stance, turnedDetractor: turned)
                raised[index] = evaluator.evaluate(input, raisedAt: now)
                alerts += raised[index].map { ($0, destinations[$0.rule] ?? []) }
            }
            let record = IngestRecord(
                interactions: zip(batch.interactions, batch.signals).map { StoredInteraction(interaction: $0, signal: $1) },
                alerts: alerts, position: position)
            result = try store.commit(record, maxOutboxDepth: configuration.limits.maxOutboxDepth)
        } catch {
            evaluator = savedEvaluator
            throw .store(error)
        }
        guard case .stored(let newIDs, let depth) = result else {
            evaluator = savedEvaluator
            metrics.set(\.outboxDepth, to: configuration.limits.maxOutboxDepth)
            throw .overloaded(reason: "\(configuration.limits.maxOutboxDepth) or more alert deliveries are waiting in the outbox", retryAfter: 30)
        }
        let newAlertIDs = Set(newIDs)
        metrics.record(\.interactionsIngested, by: batch.count)
        metrics.record(\.duplicates, by: interactions.count - batch.count)
        metrics.record(\.alertsRaised, by: newAlertIDs.count)
        metrics.set(\.outboxDepth, to: depth)
        if !newAlertIDs.isEmpty { doorbell.ring() }
        return Committed(fresh: fresh, alerts: raised.map { $0.map(\.id).filter(newAlertIDs.contains) })
    }

    /// Whether the author's standing had been advocate before this (detractor) interaction.
    func hasTurned(_ interaction: Interaction, batch: InteractionLog) throws(StoreError) -> Bool {
        let inbox = try authorInbox(interaction.author, now: interaction.time, batch: batch)
        return inbox?.profile(of: interaction.author)?.transitions.contains {
            $0.kind == .advocateTurnedDetractor && $0.interactionID == interaction.id
        } ?? false
    }

    /// An inbox of what the author's engagement is computed from: their history in the
    /// store, plus what of the ingest under way (`batch`, not stored yet) belongs to it.
    func authorInbox(_ author: String, now: Date, batch: InteractionLog) throws(StoreError) -> Inbox? {
        let parents = batch.interactions(by: author).compactMap(\.inReplyTo)
        let history = try store.authorHistory(author, brandAccounts: configuration.brandAccounts, parents: parents)
        return inbox(of: author, history: history, batch: batch, now: now)
    }

    /// Inboxes of the authors' stored histories, read in one transaction without holding
    /// the pipeline; an author with no interactions has none.
    nonisolated func storedAuthorInboxes(_ authors: Set<String>, now: Date) async throws(StoreError) -> [String: Inbox] {
        var inboxes: [String: Inbox] = [:]
        for (author, history) in try await store.authorHistories(authors, brandAccounts: configuration.brandAccounts) {
            inboxes[author] = inbox(of: author, history: history, now: now)
        }
        return inboxes
    }

    /// An inbox of an author's history, plus the interactions of `batch` that belong to
    /// it: the author's own, the brand accounts', and the ones the author replies to.
    nonisolated func inbox(of author: String, history: [StoredInteraction], batch: InteractionLog = .init(), now: Date) -> Inbox? {
        let brands = configuration.brandAccounts
        var log = InteractionLog()
        for entry in history { log.append(entry.interaction, signal: entry.signal) }
        let parents = Set(batch.interactions(by: author).compactMap(\.inReplyTo))
        for (interaction, signal) in zip(batch.interactions, batch.signals)
        where !log.contains(interaction.id)
            && (interaction.author == author || brands.contains(interaction.author) || parents.contains(interaction.id))
        {
            log.append(interaction, signal: signal)
        }
        return try? log.authorInbox(author, now: now, brandAccounts: brands, rules: engagementRules)
    }

    /// The outcomes of an ingest, from its authors' inboxes as stored after the commit.
    func outcomes(_ interactions: [Interaction], committed: Committed, inboxes: [String: Inbox], now: Date) -> [IngestOutcome] {
        interactions.enumerated().map { index, interaction in
            outcome(
                interaction, duplicate: !committed.fresh[index], alerts: committed.alerts[index], inbox: inboxes[interaction.author],
                now: now)
        }
    }

    /// An interaction's outcome, from its author's inbox as stored after the commit.
    func outcome(_ interaction: Interaction, duplicate: Bool, alerts: [String], inbox: Inbox?, now: Date) -> IngestOutcome {
        let index = inbox?.interactions.firstIndex { $0.id == interaction.id }
        let disposition = index.flatMap { index in inbox?.disposition(at: index) } ?? .notAMessage
        var placement: QueuePlacement?
        if disposition == .answer, let item = try? inbox?.responseQueue(weights: weights).first(where: { $0.interactionID == interaction.id }) {
            refreshSnapshotIfStale(now: now)
            let position = snapshot.position(of: item.priority, excluding: interaction.id)
            placement = QueuePlacement(priority: item.priority, dueBy: item.dueBy, reasons: item.reasons, position: position)
        }
        return IngestOutcome(
            id: interaction.id, duplicate: duplicate, stance: inbox?.stance(of: interaction.id), disposition: disposition,
            queue: placement, alerts: alerts)
    }

    /// The response queue now, most urgent first: the unanswered interactions of the last
    /// ``IngestLimits/queueHorizon`` before `now` (or before the latest interaction, when
    /// that is earlier, so a replayed history has a queue too), ranked with their authors'
    /// whole histories.
    /// - Throws: ``StoreError`` when the store cannot be read; ``EngagementError`` for
    ///   invalid weights.
    /// Reads the store concurrently with ingestion (SQLite in WAL mode).
    public nonisolated func queue(now: Date = Date(), limit: Int? = nil) async throws -> [QueueItem] {
        let items = try await queueItems(now: now)
        return limit.map { Array(items.prefix($0)) } ?? items
    }

    nonisolated func queueItems(now: Date) async throws -> [QueueItem] {
        guard let latest = try await store.latestInteractionTime() else { return [] }
        let start = min(now, latest).addingTimeInterval(-configuration.limits.queueHorizon)
        let log = try await store.queueWorkingSet(since: start, brandAccounts: configuration.brandAccounts)
        return try log.inbox(now: now, brandAccounts: configuration.brandAccounts, rules: engagementRules)
            .responseQueue(weights: weights).filter { $0.time >= start }
    }

    /// Starts rebuilding the queue snapshot in the background when it is stale and no
    /// rebuild is under way; ingestion goes on meanwhile with the snapshot it has. When the
    /// queue cannot be read the old snapshot stays (``queue(now:limit:)`` reports the error).
    func refreshSnapshotIfStale(now: Date) {
        guard snapshot.isStale, !refreshingSnapshot else { return }
        refreshingSnapshot = true
        Task {
            let clock = ContinuousClock()
            let started = clock.now
            let items = try? await queueItems(now: now)
            if let items { snapshot = QueueSnapshot(items, builtAt: clock.now, cost: clock.now - started) }
            refreshingSnapshot = false
        }
    }

    /// An author's profile now, nil when the author has no interactions.
    /// - Throws: ``StoreError`` when the store cannot be read.
    public nonisolated func profile(of author: String, now: Date = Date()) async throws(StoreError) -> AuthorProfile? {
        try await storedAuthorInboxes([author], now: now)[author]?.profile(of: author)
    }
}

/// The priorities of the response queue at one moment, for placing new items in it
/// without rebuilding the whole queue on every ingest. Stale after five seconds, or after
/// fifty times its own build time, so a large queue costs at most about 2 % of the time
/// (and is rebuilt off the ingest path: ``AlertPipeline/refreshSnapshotIfStale(now:)``).
struct QueueSnapshot: Sendable {
    var priorities: [(priority: Double, id: String)] = []
    var builtAt: ContinuousClock.Instant?
    var cost: Duration = .zero

    init() {}

    init(_ items: [QueueItem], builtAt: ContinuousClock.Instant, cost: Duration) {
        priorities = items.map { ($0.priority, $0.interactionID) }
        self.builtAt = builtAt
        self.cost = cost
    }

    var isStale: Bool {
        builtAt.map { ContinuousClock().now - $0 > max(Duration.seconds(5), cost * 50) } ?? true
    }

    /// The 1-based place an item of this priority takes (the item `id` itself not counted).
    func position(of priority: Double, excluding id: String) -> Int {
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
