public import Foundation
import GRDB
import OpineEngagement
import OpineSentiment

/// The durable state of alerting, in one SQLite file (WAL, `synchronous = FULL`):
/// interactions, the alerts they raised, the outbox of deliveries, and the positions of
/// watched streams.
///
/// An ingest is one transaction (``commit(_:)``): interactions, alerts, their deliveries
/// and the stream position are stored together or not at all, and are on disk before
/// the caller acknowledges anything. Interaction ids and alert ids are unique, so the
/// same interaction stored twice raises nothing twice.
///
/// ```swift
/// let store = try AlertStore(path: "opine-alerts.sqlite")
/// try await store.commit(record)
/// for delivery in try await store.dueDeliveries(now: Date(), limit: 16) { ... }
/// ```
public final class AlertStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    /// - Throws: ``StoreError`` when the file cannot be opened or is not an Opine store.
    public init(path: String) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        configuration.busyMode = .timeout(10)
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError(path: path, message: "cannot open the alert store: \(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE interaction (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        id TEXT NOT NULL UNIQUE,
                        author TEXT NOT NULL,
                        time REAL NOT NULL,
                        body BLOB NOT NULL,
                        compound REAL,
                        label TEXT,
                        stored_at REAL NOT NULL
                    );
                    CREATE INDEX interaction_time ON interaction(time);
                    CREATE TABLE alert (
                        id TEXT PRIMARY KEY,
                        rule TEXT NOT NULL,
                        body BLOB NOT NULL,
                        raised_at REAL NOT NULL
                    );
                    CREATE TABLE delivery (
                        alert_id TEXT NOT NULL REFERENCES alert(id) ON DELETE CASCADE,
                        destination TEXT NOT NULL,
                        state TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at REAL NOT NULL,
                        last_error TEXT,
                        delivered_at REAL,
                        PRIMARY KEY (alert_id, destination)
                    );
                    CREATE INDEX delivery_due ON delivery(state, next_attempt_at);
                    CREATE TABLE stream_position (
                        source TEXT PRIMARY KEY,
                        device INTEGER NOT NULL,
                        inode INTEGER NOT NULL,
                        offset INTEGER NOT NULL,
                        line INTEGER NOT NULL
                    );
                    """)
        }
        // v2: the reply link as a column and indexes by author and by reply, so that an
        // author's history and a queue's working set are read from the store instead of
        // being kept in memory.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: "ALTER TABLE interaction ADD COLUMN in_reply_to TEXT")
            let rows = try Row.fetchAll(db, sql: "SELECT seq, body FROM interaction")
            let decoder = JSONDecoder()
            for row in rows {
                let interaction = try decoder.decode(Interaction.self, from: row["body"] as Data)
                guard let parent = interaction.inReplyTo else { continue }
                try db.execute(sql: "UPDATE interaction SET in_reply_to = ? WHERE seq = ?", arguments: [parent, row["seq"] as Int64])
            }
            try db.execute(
                sql: """
                    CREATE INDEX interaction_author ON interaction(author);
                    CREATE INDEX interaction_reply ON interaction(in_reply_to);
                    """)
        }
        return migrator
    }

    // MARK: Ingest

    /// Stores one ingest in one transaction. Interactions whose id is already stored are
    /// left as they are; alerts whose id is already stored get no second delivery. When
    /// `maxOutboxDepth` or more deliveries are already pending, nothing is stored and the
    /// result says the outbox is full (the count and the writes are one transaction, so
    /// the limit holds exactly).
    ///
    /// Synchronous on purpose: the caller (``AlertPipeline``) holds its state still while
    /// the transaction runs, so no other ingest sees interactions that may yet be rolled back.
    /// - Throws: ``StoreError``; nothing of the record is stored then.
    public func commit(_ record: IngestRecord, maxOutboxDepth: Int = .max) throws(StoreError) -> CommitResult {
        let now = Date().timeIntervalSince1970
        let interactions = try record.interactions.map { stored throws(StoreError) in
            (stored, try encode(stored.interaction))
        }
        let alerts = try record.alerts.map { entry throws(StoreError) in (entry.alert, entry.destinations, try encode(entry.alert)) }
        let position = record.position
        return try runNow("store the ingest") { db in
            let pending = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM delivery WHERE state = 'pending'") ?? 0
            guard pending < maxOutboxDepth else { return .outboxFull(depth: pending) }
            var created = 0
            for (stored, body) in interactions {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO interaction (id, author, time, body, compound, label, stored_at, in_reply_to)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        stored.interaction.id, stored.interaction.author, stored.interaction.time.timeIntervalSince1970, body,
                        stored.signal?.compound, stored.signal?.label.rawValue, now, stored.interaction.inReplyTo,
                    ])
            }
            var fresh: [String] = []
            for (alert, destinations, body) in alerts {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO alert (id, rule, body, raised_at) VALUES (?, ?, ?, ?)",
                    arguments: [alert.id, alert.rule, body, alert.raisedAt.timeIntervalSince1970])
                guard db.changesCount > 0 else { continue }
                fresh.append(alert.id)
                for destination in destinations {
                    created += 1
                    try db.execute(
                        sql: "INSERT INTO delivery (alert_id, destination, state, next_attempt_at) VALUES (?, ?, 'pending', ?)",
                        arguments: [alert.id, destination, now])
                }
            }
            if let position {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO stream_position (source, device, inode, offset, line) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        position.source, Int64(bitPattern: position.device), Int64(bitPattern: position.inode),
                        Int64(position.offset), position.line,
                    ])
            }
            return .stored(newAlertIDs: fresh, outboxDepth: pending + created)
        }
    }

    /// What ``commit(_:maxOutboxDepth:)`` did.
    public enum CommitResult: Sendable, Hashable {
        /// Stored: the ids of the alerts that were new, and the pending deliveries after.
        case stored(newAlertIDs: [String], outboxDepth: Int)
        /// Nothing stored: this many deliveries were already pending.
        case outboxFull(depth: Int)
    }

    // MARK: Interactions

    /// Every stored interaction with its signal, in the order they were stored. Reads the
    /// whole table: for tests and tools; ingestion reads only what it needs.
    public func interactions() async throws(StoreError) -> [StoredInteraction] {
        let rows = try await read("read the interactions") { db in
            try Self.interactionRows(db, sql: "SELECT seq, body, compound, label FROM interaction ORDER BY seq")
        }
        return try rows.map(storedInteraction)
    }

    /// The interactions whose time is at or after `start`, in the order they were stored.
    public func interactions(since start: Date) async throws(StoreError) -> [StoredInteraction] {
        let rows = try await read("read the recent interactions") { db in
            try Self.interactionRows(
                db, sql: "SELECT seq, body, compound, label FROM interaction WHERE time >= ? ORDER BY seq",
                arguments: [start.timeIntervalSince1970])
        }
        return try rows.map(storedInteraction)
    }

    /// How many interactions are stored.
    public func interactionCount() throws(StoreError) -> Int {
        try readNow("count the interactions") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM interaction") ?? 0 }
    }

    /// The time of the latest interaction (by interaction time), nil when none is stored.
    public func latestInteractionTime() async throws(StoreError) -> Date? {
        try await read("read the latest interaction time") { db in
            try Double.fetchOne(db, sql: "SELECT MAX(time) FROM interaction").map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Which of `ids` are stored.
    public func storedIDs(among ids: [String]) throws(StoreError) -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return try readNow("look up interaction ids") { db in
            var found = Set<String>()
            for start in stride(from: 0, to: ids.count, by: Self.chunk) {
                let chunk = Array(ids[start..<min(ids.count, start + Self.chunk)])
                let sql = "SELECT id FROM interaction WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))"
                found.formUnion(try String.fetchAll(db, sql: sql, arguments: StatementArguments(chunk)))
            }
            return found
        }
    }

    /// What an author's engagement is computed from: the author's interactions, the ones
    /// they reply to (and those named in `parents`, for replies not stored yet), and the
    /// replies of the brand's accounts to theirs; in the order they were stored. Each
    /// part is read through an index, so the cost grows with the author's history, not
    /// with the store.
    public func authorHistory(
        _ author: String, brandAccounts: Set<String>, parents: [String] = []
    ) throws(StoreError) -> [StoredInteraction] {
        let brands = brandAccounts.sorted()
        let rows = try readNow("read an author's history") { db in
            try Self.authorHistoryRows(db, author: author, brands: brands, parents: parents)
        }
        return try rows.map(storedInteraction)
    }

    /// The histories (as ``authorHistory(_:brandAccounts:parents:)``) of several authors,
    /// read in one transaction on a reader connection, without blocking the caller's
    /// thread: for work outside an ingest's own transaction.
    public func authorHistories(
        _ authors: some Collection<String>, brandAccounts: Set<String>
    ) async throws(StoreError) -> [String: [StoredInteraction]] {
        let brands = brandAccounts.sorted()
        let wanted = Array(authors)
        let rows = try await read("read authors' histories") { db in
            var rows: [String: [InteractionRow]] = [:]
            for author in wanted where rows[author] == nil {
                rows[author] = try Self.authorHistoryRows(db, author: author, brands: brands, parents: [])
            }
            return rows
        }
        var histories: [String: [StoredInteraction]] = [:]
        for (author, authorRows) in rows { histories[author] = try authorRows.map(storedInteraction) }
        return histories
    }

    static func authorHistoryRows(_ db: Database, author: String, brands: [String], parents: [String]) throws -> [InteractionRow] {
        var sql = """
            WITH own AS (SELECT id, in_reply_to FROM interaction WHERE author = ?)
            SELECT seq, body, compound, label FROM interaction WHERE author = ?
            UNION SELECT seq, body, compound, label FROM interaction WHERE id IN (SELECT in_reply_to FROM own)
            """
        var arguments: StatementArguments = [author, author]
        if !brands.isEmpty {
            sql += """

                UNION SELECT seq, body, compound, label FROM interaction
                WHERE in_reply_to IN (SELECT id FROM own) AND author IN (\(databaseQuestionMarks(count: brands.count)))
                """
            arguments += StatementArguments(brands)
        }
        var rows = try interactionRows(db, sql: sql, arguments: arguments, cached: true)
        var seen = Set(rows.map(\.seq))
        for start in stride(from: 0, to: parents.count, by: chunk) {
            let part = Array(parents[start..<min(parents.count, start + chunk)])
            let sql = "SELECT seq, body, compound, label FROM interaction WHERE id IN (\(databaseQuestionMarks(count: part.count)))"
            for row in try interactionRows(db, sql: sql, arguments: StatementArguments(part)) where seen.insert(row.seq).inserted {
                rows.append(row)
            }
        }
        return rows.sorted { $0.seq < $1.seq }
    }

    /// What the response queue over a period is computed from: the interactions at or
    /// after `start`, the whole history of their authors, the interactions those reply
    /// to and the brand accounts' replies to them; in the order they were stored. Rows are
    /// decoded one at a time into the working set, which is all that is held.
    func queueWorkingSet(since start: Date, brandAccounts: Set<String>) async throws(StoreError) -> InteractionLog {
        let brands = brandAccounts.sorted()
        return try await read("read the queue's interactions") { db in
            var sql = """
                WITH own AS (
                    SELECT seq, id, in_reply_to FROM interaction
                    WHERE author IN (SELECT DISTINCT author FROM interaction WHERE time >= ?)
                )
                SELECT seq, body, compound, label FROM interaction WHERE seq IN (SELECT seq FROM own)
                UNION SELECT seq, body, compound, label FROM interaction WHERE id IN (SELECT in_reply_to FROM own)
                """
            var arguments: StatementArguments = [start.timeIntervalSince1970]
            if !brands.isEmpty {
                sql += """

                    UNION SELECT seq, body, compound, label FROM interaction
                    WHERE in_reply_to IN (SELECT id FROM own) AND author IN (\(databaseQuestionMarks(count: brands.count)))
                    """
                arguments += StatementArguments(brands)
            }
            var log = InteractionLog()
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql + "\nORDER BY seq"), arguments: arguments)
            while let row = try rows.next() {
                let stored = try self.storedInteraction(
                    (seq: row["seq"], body: row["body"], compound: row["compound"], label: row["label"]))
                log.append(stored.interaction, signal: stored.signal)
            }
            return log
        }
    }

    /// Ids per `IN (...)` list, well under SQLite's limit on bound variables.
    static let chunk = 500

    typealias InteractionRow = (seq: Int64, body: Data, compound: Double?, label: String?)

    /// Rows of `seq, body, compound, label`. A query whose text is the same on every call
    /// (`cached`) is prepared once per connection.
    static func interactionRows(
        _ db: Database, sql: String, arguments: StatementArguments = [], cached: Bool = false
    ) throws -> [InteractionRow] {
        let statement = cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
        return try Row.fetchAll(statement, arguments: arguments).map { row in
            (seq: row["seq"] as Int64, body: row["body"] as Data, compound: row["compound"] as Double?, label: row["label"] as String?)
        }
    }

    func storedInteraction(_ row: InteractionRow) throws(StoreError) -> StoredInteraction {
        let interaction: Interaction = try decode(row.body)
        let signal = row.compound.map { compound in
            TextSignal(compound: compound, label: SentimentLabel(rawValue: row.label ?? "") ?? .neutral)
        }
        return StoredInteraction(interaction: interaction, signal: signal)
    }

    /// The stored position of a watched source.
    public func position(of source: String) async throws(StoreError) -> StreamPosition? {
        try await read("read the stream position") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM stream_position WHERE source = ?", arguments: [source]).map { row in
                StreamPosition(
                    source: row["source"], device: UInt64(bitPattern: row["device"]), inode: UInt64(bitPattern: row["inode"]),
                    offset: UInt64(max(0, row["offset"] as Int64)), line: row["line"])
            }
        }
    }

    // MARK: Outbox

    /// Pending deliveries due at `now`, oldest due first.
    public func dueDeliveries(now: Date, limit: Int) async throws(StoreError) -> [DeliveryRecord] {
        try await deliveries(
            where: "d.state = 'pending' AND d.next_attempt_at <= ?", arguments: [now.timeIntervalSince1970],
            order: "d.next_attempt_at, d.alert_id, d.destination", limit: limit)
    }

    /// When the earliest pending delivery is due, nil when none is pending.
    public func nextDue() async throws(StoreError) -> Date? {
        try await read("read the outbox") { db in
            try Double.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM delivery WHERE state = 'pending'")
                .map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Deliveries not yet delivered (pending), the outbox depth.
    public func outboxDepth() async throws(StoreError) -> Int {
        try await read("count the outbox") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM delivery WHERE state = 'pending'") ?? 0
        }
    }

    /// Records a successful attempt.
    public func markDelivered(alertID: String, destination: String, attempts: Int, at time: Date) async throws(StoreError) {
        try await run("record a delivery") { db in
            try db.execute(
                sql: """
                    UPDATE delivery SET state = 'delivered', attempts = ?, delivered_at = ?, last_error = NULL
                    WHERE alert_id = ? AND destination = ?
                    """,
                arguments: [attempts, time.timeIntervalSince1970, alertID, destination])
        }
    }

    /// Records a failed attempt: pending again at `nextAttempt`, or dead when `dead`.
    public func markFailed(
        alertID: String, destination: String, attempts: Int, error: String, nextAttempt: Date, dead: Bool
    ) async throws(StoreError) {
        try await run("record a failed delivery") { db in
            try db.execute(
                sql: """
                    UPDATE delivery SET state = ?, attempts = ?, last_error = ?, next_attempt_at = ?
                    WHERE alert_id = ? AND destination = ?
                    """,
                arguments: [
                    dead ? DeliveryState.dead.rawValue : DeliveryState.pending.rawValue, attempts, error,
                    nextAttempt.timeIntervalSince1970, alertID, destination,
                ])
        }
    }

    // MARK: Management (`opine alerts`)

    /// Deliveries in a state (all when nil), most recent alert first.
    public func deliveries(state: DeliveryState?, limit: Int? = nil) async throws(StoreError) -> [DeliveryRecord] {
        try await deliveries(
            where: state == nil ? "1" : "d.state = ?", arguments: state.map { [$0.rawValue] } ?? [],
            order: "a.raised_at DESC, d.alert_id, d.destination", limit: limit)
    }

    /// Makes dead deliveries pending again, due now, with their attempts reset: those of
    /// the given alert ids, or all dead ones when `alertIDs` is empty.
    /// - Returns: how many deliveries were revived.
    public func retryDead(alertIDs: [String]) async throws(StoreError) -> Int {
        let now = Date().timeIntervalSince1970
        return try await run("retry dead deliveries") { db in
            let filter = alertIDs.isEmpty ? "" : " AND alert_id IN (\(databaseQuestionMarks(count: alertIDs.count)))"
            try db.execute(
                sql: "UPDATE delivery SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE state = 'dead'" + filter,
                arguments: StatementArguments([now] as [any DatabaseValueConvertible]) + StatementArguments(alertIDs))
            return db.changesCount
        }
    }

    /// Deletes deliveries in the given states whose alert was raised before `before`, and
    /// alerts left with no delivery. Pending deliveries are never purged.
    /// - Returns: how many deliveries were deleted.
    public func purge(states: Set<DeliveryState>, raisedBefore before: Date) async throws(StoreError) -> Int {
        let names = states.subtracting([.pending]).map(\.rawValue).sorted()
        guard !names.isEmpty else { return 0 }
        return try await run("purge deliveries") { db in
            try db.execute(
                sql: """
                    DELETE FROM delivery WHERE state IN (\(databaseQuestionMarks(count: names.count)))
                    AND alert_id IN (SELECT id FROM alert WHERE raised_at < ?)
                    """,
                arguments: StatementArguments(names) + [before.timeIntervalSince1970])
            let deleted = db.changesCount
            try db.execute(sql: "DELETE FROM alert WHERE id NOT IN (SELECT alert_id FROM delivery)")
            return deleted
        }
    }

    // MARK: Helpers

    func deliveries(where condition: String, arguments: StatementArguments, order: String, limit: Int?) async throws(StoreError)
        -> [DeliveryRecord]
    {
        let rows = try await read("read the outbox") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.body, d.destination, d.state, d.attempts, d.next_attempt_at, d.last_error, d.delivered_at
                    FROM delivery d JOIN alert a ON a.id = d.alert_id
                    WHERE \(condition) ORDER BY \(order)\(limit.map { " LIMIT \($0)" } ?? "")
                    """,
                arguments: arguments
            ).map { row in
                (
                    body: row["body"] as Data, destination: row["destination"] as String, state: row["state"] as String,
                    attempts: row["attempts"] as Int, next: row["next_attempt_at"] as Double, lastError: row["last_error"] as String?,
                    deliveredAt: row["delivered_at"] as Double?
                )
            }
        }
        return try rows.map { row throws(StoreError) in
            DeliveryRecord(
                alert: try decode(row.body), destination: row.destination, state: DeliveryState(rawValue: row.state) ?? .pending,
                attempts: row.attempts, nextAttemptAt: Date(timeIntervalSince1970: row.next), lastError: row.lastError,
                deliveredAt: row.deliveredAt.map(Date.init(timeIntervalSince1970:)))
        }
    }

    func run<T: Sendable>(_ what: String, _ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw StoreError(path: path, message: "cannot \(what): \(error)")
        }
    }

    func runNow<T>(_ what: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw StoreError(path: path, message: "cannot \(what): \(error)")
        }
    }

    func readNow<T>(_ what: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError(path: path, message: "cannot \(what): \(error)")
        }
    }

    func read<T: Sendable>(_ what: String, _ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw StoreError(path: path, message: "cannot \(what): \(error)")
        }
    }

    func encode<T: Encodable>(_ value: T) throws(StoreError) -> Data {
        do {
            return try JSONEncoder().encode(value)
        } catch {
            throw StoreError(path: path, message: "cannot encode \(T.self): \(error)")
        }
    }

    func decode<T: Decodable>(_ data: Data) throws(StoreError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw StoreError(path: path, message: "a stored \(T.self) cannot be read: \(error)")
        }
    }
}
