import GRDB

extension StoreSchema {
    static func createRuns(_ db: Database) throws {
        try db.create(table: "runs", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("account_id", .text).notNull()
            t.column("pipeline", .text).notNull()
            t.column("trigger", .text).notNull().check { runTriggers.contains($0) }
            t.column("scheduled_at", .integer)
            t.column("status", .text).notNull().check { runStatuses.contains($0) }
            t.column("reason", .text)
            t.column("config_revision", .text)
            t.column("retry_of", .text).references("runs", onDelete: .setNull)
            t.column("created_at", .integer).notNull()
            t.column("started_at", .integer)
            t.column("finished_at", .integer)
            t.column("owner_host", .text)
            t.column("owner_pid", .integer)
            t.column("heartbeat_at", .integer)
            t.check(
                named: "fire_has_instant", #""trigger" NOT IN ('schedule', 'catch_up') OR scheduled_at IS NOT NULL"#)
            t.check(
                named: "retry_of_only_for_retries", #"retry_of IS NULL OR ("trigger" = 'retry' AND retry_of <> id)"#)
            t.check(named: "unfinished_has_no_finish", "status NOT IN ('queued', 'running') OR finished_at IS NULL")
            t.check(
                named: "owner_is_whole",
                "(owner_host IS NULL) = (owner_pid IS NULL) AND (owner_pid IS NULL) = (heartbeat_at IS NULL)")
        }
        // A fire produces at most one run (SPEC §3 "Fire identity", §10.1).
        try db.create(
            index: "runs_fire", on: "runs", columns: ["account_id", "scheduled_at"], options: .unique,
            condition: fireTriggers.contains(Column("trigger")))
        // History pages read these backwards (newest first); SQLite scans an index in either direction.
        try db.create(index: "runs_history", on: "runs", columns: ["created_at", "id"])
        try db.create(index: "runs_account_history", on: "runs", columns: ["account_id", "created_at", "id"])
        try db.create(index: "runs_status_history", on: "runs", columns: ["status", "created_at", "id"])
        // A failed run is retried at most once: retry the retry instead.
        try db.create(
            index: "runs_retry_of", on: "runs", columns: ["retry_of"], options: .unique,
            condition: Column("retry_of") != nil)
    }

    /// The same fire-unique rule keyed instant first. Keyed account first, the fires of one instant (1,000 accounts)
    /// went to 1,000 places of the index, each a page to write to the WAL and to checkpoint; keyed instant first,
    /// they are neighbours on a few pages. The upsert's `ON CONFLICT (account_id, scheduled_at)` names the same columns.
    static func keyFiresByInstant(_ db: Database) throws {
        try db.drop(index: "runs_fire")
        try db.create(
            index: "runs_fire", on: "runs", columns: ["scheduled_at", "account_id"], options: .unique,
            condition: fireTriggers.contains(Column("trigger")))
    }

    static func createStepAttempts(_ db: Database) throws {
        try db.create(table: "step_attempts", options: .strict) { t in
            // Explicit, so that VACUUM keeps the insertion order that `attempts(runID:)` reports.
            t.primaryKey("id", .integer)
            t.column("run_id", .text).notNull().references("runs", onDelete: .cascade)
            t.column("step_id", .text).notNull()
            t.column("attempt", .integer).notNull().check { $0 >= 0 }
            t.column("status", .text).notNull().check { attemptStatuses.contains($0) }
            t.column("failure_kind", .text).check { failureKinds.contains($0) }
            t.column("error", .text)
            t.column("stderr_tail", .text)
            t.column("outputs", .text).check(sql: isJSON("outputs", "object"))
            t.column("artifacts", .text).notNull().defaults(to: "[]").check(sql: isJSON("artifacts", "array"))
            t.column("started_at", .integer).notNull()
            t.column("finished_at", .integer)
            t.uniqueKey(["run_id", "step_id", "attempt"])
            t.check(named: "attempt_zero_iff_not_run", "(attempt = 0) = (status IN ('skipped', 'reused'))")
            t.check(named: "failure_kind_only_when_failed", "failure_kind IS NULL OR status = 'failed'")
        }
    }

    /// What `history` and `/api/runs` read: each run with its attempt counts.
    static func createJobHistory(_ db: Database) throws {
        try db.create(
            view: "job_history",
            asLiteral: """
                SELECT runs.*,
                  (SELECT COUNT(*) FROM step_attempts a WHERE a.run_id = runs.id AND a.attempt > 0) AS attempt_count,
                  (SELECT COUNT(*) FROM step_attempts a WHERE a.run_id = runs.id AND a.status = 'failed')
                    AS failed_attempt_count
                FROM runs
                """)
    }
}
