import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore {
    public func insertRun(_ run: RunRecord) async throws -> Bool {
        try await insertRuns([run])[0]
    }

    /// One statement per run, so the fire-unique rule holds even between processes: a run is inserted unless the
    /// partial unique index `runs_fire` already holds its fire. Any other conflict (a duplicate id) is an error.
    public func insertRuns(_ runs: [RunRecord]) async throws -> [Bool] {
        let rows = runs.map(RunRow.init)
        return try await writer.write { db in try rows.map { try Self.insert($0, db) } }
    }

    private static func insert(_ row: RunRow, _ db: Database) throws -> Bool {
        // Bound column by column (not through Codable): a minute's 1,000 fires are inserted in one transaction
        // before any of them starts.
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO runs (id, account_id, pipeline, "trigger", scheduled_at, status, reason, config_revision,
                  retry_of, created_at, started_at, finished_at, owner_host, owner_pid, heartbeat_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id, scheduled_at) WHERE "trigger" IN ('schedule', 'catch_up') DO NOTHING
                """)
        try statement.execute(arguments: [
            row.id, row.accountID, row.pipeline, row.trigger.rawValue, row.scheduledAt, row.status.rawValue,
            row.reason, row.configRevision, row.retryOf, row.createdAt, row.startedAt, row.finishedAt, row.ownerHost,
            row.ownerPID, row.heartbeatAt,
        ])
        return db.changesCount == 1
    }

    public func run(id: String) async throws -> RunRecord? {
        try await writer.read { db in try RunRow.fetchOne(db, key: id)?.record }
    }

    public func runningRuns() async throws -> [RunRecord] {
        try await writer.read { db in
            try RunRow.filter { $0.status == RunStatus.running.rawValue }
                .order(RunRow.Columns.createdAt, RunRow.Columns.id)
                .fetchAll(db)
                .map(\.record)
        }
    }

    public func deleteFinishedRuns(before date: Date) async throws -> Int {
        try await writer.write { db in
            try db.execute(
                sql: """
                    DELETE FROM runs WHERE finished_at < ? AND status NOT IN ('queued', 'running')
                      AND id NOT IN (\(Self.unfinishedUploadRuns))
                    """,
                arguments: [date.millisecondsSince1970, date.millisecondsSince1970])
            return db.changesCount
        }
    }

    public func latestRunPerAccount() async throws -> [String: RunRecord] {
        try await writer.read { db in
            let rows = try RunRow.fetchAll(
                db,
                sql: """
                    SELECT runs.* FROM runs
                    JOIN (SELECT account_id, MAX(created_at) AS newest FROM runs GROUP BY account_id) latest
                      ON runs.account_id = latest.account_id AND runs.created_at = latest.newest
                    """)
            var newest: [String: RunRecord] = [:]
            for row in rows where (newest[row.accountID]?.id ?? "") < row.id { newest[row.accountID] = row.record }
            return newest
        }
    }

    public func lastSuccessPerAccount() async throws -> [String: Date] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT account_id, MAX(finished_at) AS finished FROM runs WHERE status = 'succeeded' GROUP BY account_id"
            )
            var last: [String: Date] = [:]
            for row in rows {
                guard let milliseconds: Int64 = row["finished"] else { continue }
                last[row["account_id"]] = Date(millisecondsSince1970: milliseconds)
            }
            return last
        }
    }

    public func runsFinished(after position: FinishedRunPosition, limit: Int) async throws -> [RunRecord] {
        let milliseconds = position.finishedAt.millisecondsSince1970
        return try await writer.read { db in
            try RunRow.filter(
                sql: "finished_at > ? OR (finished_at = ? AND id > ?)",
                arguments: [milliseconds, milliseconds, position.runID]
            )
            .order(Column("finished_at"), RunRow.Columns.id)
            .limit(limit)
            .fetchAll(db)
            .map(\.record)
        }
    }

    public func retryRun(of runID: String) async throws -> RunRecord? {
        try await writer.read { db in
            try RunRow.filter(Column("retry_of") == runID).fetchOne(db)?.record
        }
    }

    /// An owner passed with a status other than `running` is recorded too, unless the status is finished; a nil
    /// owner keeps the current one. Going back to `queued` or `running` clears `finishedAt`.
    public func updateRun(
        id: String, status: RunStatus, reason: String?, owner: RunOwner?, at date: Date
    )
        async throws
    {
        try await writer.write { db in
            guard var row = try RunRow.fetchOne(db, key: id) else { throw StoreError.runNotFound(id) }
            row.status = status
            row.reason = reason
            if status == .running, row.startedAt == nil { row.startedAt = date.millisecondsSince1970 }
            if let owner { row.owner = owner }
            if status.isFinished {
                row.finishedAt = date.millisecondsSince1970
                row.owner = nil
            } else {
                row.finishedAt = nil
            }
            try row.update(db)
        }
    }

    /// One transaction and one prepared statement for the runs started together.
    public func markRunning(ids: [String], owner: RunOwner, at date: Date) async throws {
        try await writer.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE runs SET status = 'running', reason = NULL, started_at = COALESCE(started_at, ?),
                      finished_at = NULL, owner_host = ?, owner_pid = ?, heartbeat_at = ?
                    WHERE id = ?
                    """)
            let (at, heartbeat) = (date.millisecondsSince1970, owner.heartbeatAt.millisecondsSince1970)
            for id in ids {
                try statement.execute(arguments: [at, owner.host, owner.pid, heartbeat, id])
                guard db.changesCount == 1 else { throw StoreError.runNotFound(id) }
            }
        }
    }

    /// Reads the owner, asks `ownerIsGone` and takes over in one write transaction, so two processes cannot both
    /// win. A run without an owner is claimable; a run that is neither `running` nor `failed` is not.
    public func claimRun(id: String, owner: RunOwner, ownerIsGone: @Sendable (RunOwner) -> Bool) async throws -> Bool {
        try await writer.write { db in
            guard var row = try RunRow.fetchOne(db, key: id) else { throw StoreError.runNotFound(id) }
            guard row.status == .running || row.status == .failed else { return false }
            if let current = row.owner, !ownerIsGone(current) { return false }
            row.owner = owner
            try row.update(db)
            return true
        }
    }

    /// Refreshes the owner's heartbeat; a run without an owner is left as it is.
    public func heartbeat(runID: String, at date: Date) async throws {
        try await writer.write { db in
            let updated = try RunRow.filter(key: runID)
                .filter { $0.ownerHost != nil }
                .updateAll(db) { [$0.heartbeatAt.set(to: date.millisecondsSince1970)] }
            if updated == 0, try !RunRow.exists(db, key: runID) { throw StoreError.runNotFound(runID) }
        }
    }
}
