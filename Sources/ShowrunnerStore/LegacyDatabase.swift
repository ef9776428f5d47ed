import Foundation
import GRDB
import ShowrunnerCore

/// The old APScheduler + SQLAlchemy system's SQLite database, opened read-only for `showrunner import`.
public struct LegacyDatabase: Sendable {
    let queue: DatabaseQueue

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// The table SQLAlchemy made for `Account` (`accounts` or `account`).
    public func accountTable() throws -> String? {
        try queue.read { db in try ["accounts", "account"].first { try db.tableExists($0) } }
    }

    /// Every `JobHistory` row (`job_history`, `jobhistory` or `job_histories`), oldest first.
    public func jobs() throws -> [LegacyJob] {
        try queue.read { db in
            guard
                let table = try ["job_history", "jobhistory", "job_histories"].first(where: { try db.tableExists($0) })
            else { return [] }
            let columns = Set(try db.columns(in: table).map { $0.name.lowercased() })
            let pick = { (names: [String]) in names.first { columns.contains($0) } }
            return try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY id").map { row in
                let text = { (names: [String]) -> String? in pick(names).flatMap { row[$0] as String? } }
                let id = { (name: String) in (row[name] as Int64?).map(String.init) ?? (row[name] as String?) ?? "" }
                return LegacyJob(
                    id: id("id"), accountID: id("account_id"), status: text(["status", "state"]) ?? "",
                    startedAt: text(["started_at", "start_time", "created_at"]),
                    finishedAt: text(["completed_at", "finished_at", "end_time"]),
                    error: text(["error_message", "error", "message"]))
            }
        }
    }

    /// Every `Account` row, oldest id first; columns as the old models name them (channel type, TTS settings and
    /// the active flag under their usual spellings; a missing column reads as absent).
    public func accounts() throws -> [LegacyAccount] {
        guard let table = try accountTable() else { return [] }
        return try queue.read { db in
            let columns = Set(try db.columns(in: table).map { $0.name.lowercased() })
            let pick = { (names: [String]) in names.first { columns.contains($0) } }
            return try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY id").map { row in
                let text = { (names: [String]) -> String? in pick(names).flatMap { row[$0] as String? } }
                return LegacyAccount(
                    id: (row["id"] as Int64?).map(String.init) ?? (row["id"] as String?) ?? "",
                    name: text(["name", "channel_name"]) ?? "",
                    channelType: text(["channel_type", "type", "niche"]),
                    uploadSchedule: text(["upload_schedule", "schedule", "cron"]),
                    ttsProvider: text(["tts_provider", "tts_engine"]),
                    ttsVoice: text(["tts_voice", "voice"]),
                    ttsSpeed: pick(["tts_speed", "voice_speed"]).flatMap { row[$0] as Double? },
                    active: pick(["is_active", "active", "enabled"]).flatMap { row[$0] as Bool? } ?? true)
            }
        }
    }
}
