import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore: RunLedger {
    public func insertRun(_ run: RunRecord) async throws -> Bool {
        try await insertRuns([run])[0]
    }

    /// One multi-row statement in one transaction: the unique fire index decides which node's insert wins
    /// (`ON CONFLICT DO NOTHING`); a duplicate id is an error. Other nodes are told (`NOTIFY showrunner_runs`).
    public func insertRuns(_ runs: [RunRecord]) async throws -> [Bool] {
        guard !runs.isEmpty else { return [] }
        return try await transaction { connection in
            let ids = try await PostgresRunRow.insert(runs, on: connection, logger: logger)
            if !ids.isEmpty {
                _ = try await connection.rows("SELECT pg_notify('showrunner_runs', '')", logger: logger)
            }
            return runs.map { ids.contains($0.id) }
        }
    }

    /// A nil owner keeps the current one; a finished status clears it. A `running` run owned by another process
    /// is not changed (`leaseLost`).
    public func updateRun(
        id: String, status: RunStatus, reason: String?, owner: RunOwner?, at date: Date
    )
        async throws
    {
        let now = date.millisecondsSince1970
        let finished = status.isFinished
        let updated = try await rows(
            """
            UPDATE runs SET status = \(status.rawValue), reason = \(reason),
              started_at = CASE WHEN \(status.rawValue) = 'running' THEN COALESCE(started_at, \(now)) ELSE started_at END,
              finished_at = CASE WHEN \(finished) THEN \(now)::bigint ELSE NULL END,
              owner_host = CASE WHEN \(finished) THEN NULL ELSE COALESCE(\(owner?.host)::text, owner_host) END,
              owner_pid = CASE WHEN \(finished) THEN NULL ELSE COALESCE(\(owner?.pid)::integer, owner_pid) END,
              heartbeat_at = CASE WHEN \(finished) THEN NULL
                ELSE COALESCE(\(owner?.heartbeatAt.millisecondsSince1970)::bigint, heartbeat_at) END
            WHERE id = \(id)
              AND (status <> 'running' OR owner_host IS NULL OR \(fence)::text IS NULL OR owner_host = \(fence)::text)
            RETURNING id
            """)
        if updated.isEmpty { try await refusal(runID: id) }
    }

    /// `updateRun(status: .running)` for the runs a node starts together, in one statement (one round trip); a
    /// run it may not touch is reported as `updateRun` would, after the others were marked.
    public func markRunning(ids: [String], owner: RunOwner, at date: Date) async throws {
        let (now, heartbeat) = (date.millisecondsSince1970, owner.heartbeatAt.millisecondsSince1970)
        let updated = try await rows(
            """
            UPDATE runs SET status = 'running', reason = NULL, started_at = COALESCE(started_at, \(now)),
              finished_at = NULL, owner_host = \(owner.host), owner_pid = \(owner.pid), heartbeat_at = \(heartbeat)
            WHERE id = ANY(\(ids))
              AND (status <> 'running' OR owner_host IS NULL OR \(fence)::text IS NULL OR owner_host = \(fence)::text)
            RETURNING id
            """)
        let marked = Set(try updated.map { try $0.decode(String.self) })
        if let refused = ids.first(where: { !marked.contains($0) }) { try await refusal(runID: refused) }
    }

    /// Locks the row, asks `ownerIsGone` and takes over in one transaction, so two nodes cannot both win.
    public func claimRun(id: String, owner: RunOwner, ownerIsGone: @Sendable (RunOwner) -> Bool) async throws -> Bool {
        try await transaction { connection in
            let locked = try await connection.rows(
                "SELECT \(unescaped: PostgresRunRow.columns) FROM runs WHERE id = \(id) FOR UPDATE", logger: logger)
            guard let row = locked.first else { throw StoreError.runNotFound(id) }
            let run = try PostgresRunRow.record(row)
            guard run.status == .running || run.status == .failed else { return false }
            if let current = run.owner, !ownerIsGone(current) { return false }
            _ = try await connection.rows(
                """
                UPDATE runs SET owner_host = \(owner.host), owner_pid = \(owner.pid),
                  heartbeat_at = \(owner.heartbeatAt.millisecondsSince1970)
                WHERE id = \(id)
                """, logger: logger)
            return true
        }
    }

    /// Refreshes the owner's heartbeat (the run's lease); a run without an owner is left as it is, a run owned by
    /// another process is refused.
    public func heartbeat(runID: String, at date: Date) async throws {
        let updated = try await rows(
            """
            UPDATE runs SET heartbeat_at = \(date.millisecondsSince1970)
            WHERE id = \(runID) AND owner_host IS NOT NULL AND (\(fence)::text IS NULL OR owner_host = \(fence)::text)
            RETURNING id
            """)
        guard updated.isEmpty else { return }
        guard let current = try await run(id: runID) else { throw StoreError.runNotFound(runID) }
        if current.owner != nil { throw PostgresStoreError.leaseLost(runID: runID) }
    }

    /// Why a write to a run changed nothing: no such run, or another process owns it.
    func refusal(runID: String) async throws {
        let exists = try await rows("SELECT 1 FROM runs WHERE id = \(runID)")
        throw exists.isEmpty ? StoreError.runNotFound(runID) : PostgresStoreError.leaseLost(runID: runID)
    }
}
