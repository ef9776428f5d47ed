import GRDB

extension StoreSchema {
    /// Per-account scheduling state that survives restarts (SPEC §3 "Pause", §4, §5 `auth`).
    static func createAccountState(_ db: Database) throws {
        try db.create(table: "account_state", options: .strict) { t in
            t.primaryKey("account_id", .text)
            t.column("paused", .integer).notNull().defaults(to: 0).check { [0, 1].contains($0) }
            t.column("pause_reason", .text)
            // The content hash of the account file when it was taken off the schedule; it stays off until the
            // file's content differs. NULL: scheduled.
            t.column("removed_until_change", .text)
            t.column("consecutive_failures", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("last_fire_at", .integer)
            // Why the account was flagged (an `auth` failure, one sentence); NULL: not flagged.
            t.column("auth_flag", .text)
            t.check(named: "reason_only_when_paused", "paused = 1 OR pause_reason IS NULL")
        }
    }

    /// The topics of a `topic.list` an account has used (SPEC §5.1).
    static func createTopicsUsed(_ db: Database) throws {
        try db.create(table: "topics_used", options: [.strict, .withoutRowID]) { t in
            t.column("account_id", .text).notNull()
            t.column("list", .text).notNull()
            t.column("topic", .text).notNull()
            t.column("run_id", .text).references("runs", onDelete: .setNull)
            t.column("used_at", .integer).notNull()
            t.primaryKey(["account_id", "list", "topic"])
        }
        try db.create(index: "topics_used_run", on: "topics_used", columns: ["run_id"])
    }

    /// YouTube resumable uploads: stored before any byte is sent, so that a retry continues the same session and
    /// a stored video id is never uploaded again (SPEC §5.1, §10.3). Kept when the run is deleted.
    static func createUploadSessions(_ db: Database) throws {
        try db.create(table: "upload_sessions", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("account_id", .text).notNull()
            t.column("run_id", .text).references("runs", onDelete: .setNull)
            t.column("step_id", .text).notNull()
            t.column("file_path", .text).notNull()
            t.column("file_size", .integer).notNull().check { $0 >= 0 }
            t.column("checksum", .text).notNull()
            t.column("session_uri", .text)
            t.column("video_id", .text)
            t.column("uploaded_bytes", .integer).notNull().defaults(to: 0)
            t.column("created_at", .integer).notNull()
            t.column("updated_at", .integer).notNull()
            t.uniqueKey(["account_id", "checksum"])
            t.check(named: "uploaded_within_file", "uploaded_bytes BETWEEN 0 AND file_size")
        }
        try db.create(index: "upload_sessions_run", on: "upload_sessions", columns: ["run_id"])
    }

    /// YouTube API units spent per quota project (bucket) and Pacific-time day `YYYY-MM-DD`.
    static func createQuotaUsage(_ db: Database) throws {
        try db.create(table: "quota_usage", options: [.strict, .withoutRowID]) { t in
            t.column("project", .text).notNull()
            t.column("day", .text).notNull().check(sql: "day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'")
            t.column("units", .integer).notNull().check { $0 >= 0 }
            t.primaryKey(["project", "day"])
        }
    }
}
