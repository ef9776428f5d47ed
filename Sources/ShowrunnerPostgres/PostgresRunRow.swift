import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

/// Reading and writing `runs` rows: the column list every query selects, and its decoding.
enum PostgresRunRow {
    static let columns = """
        id, account_id, pipeline, "trigger", scheduled_at, status, reason, config_revision, retry_of, created_at,
        started_at, finished_at, owner_host, owner_pid, heartbeat_at
        """

    /// `columns` qualified by a table alias.
    static func columns(_ alias: String) -> String {
        columns.split(separator: ",").map { "\(alias).\($0.trimmingCharacters(in: .whitespacesAndNewlines))" }
            .joined(separator: ", ")
    }

    static func record(_ row: PostgresRow) throws -> RunRecord {
        let (id, account, pipeline, trigger, scheduled, status, reason, revision, retryOf, created) = try row.decode(
            (String, String, String, String, Int64?, String, String?, String?, String?, Int64).self)
        let random = row.makeRandomAccess()
        let started = try random[10].decode(Int64?.self)
        let finished = try random[11].decode(Int64?.self)
        let host = try random[12].decode(String?.self)
        let pid = try random[13].decode(Int32?.self)
        let heartbeat = try random[14].decode(Int64?.self)
        var owner: RunOwner?
        if let host, let pid, let heartbeat {
            owner = RunOwner(host: host, pid: pid, heartbeatAt: Date(millisecondsSince1970: heartbeat))
        }
        return RunRecord(
            id: id, accountID: account, pipeline: pipeline, trigger: try value(RunTrigger.self, trigger, "trigger"),
            scheduledAt: scheduled.map(Date.init(millisecondsSince1970:)),
            status: try value(RunStatus.self, status, "status"), reason: reason, configRevision: revision,
            retryOf: retryOf, createdAt: Date(millisecondsSince1970: created),
            startedAt: started.map(Date.init(millisecondsSince1970:)),
            finishedAt: finished.map(Date.init(millisecondsSince1970:)), owner: owner)
    }

    /// A stored enum value this version knows, or an `unreadableValue` error.
    static func value<T: RawRepresentable>(_ type: T.Type, _ raw: String, _ column: String) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: raw) else {
            throw StoreError.unreadableValue(table: "runs", column: column, reason: "unknown value '\(raw)'")
        }
        return value
    }
}
