import Foundation
import GRDB
import ShowrunnerCore

/// A row of `runs`.
struct RunRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "runs"

    var id: String
    var accountID: String
    var pipeline: String
    var trigger: RunTrigger
    var scheduledAt: Int64?
    var status: RunStatus
    var reason: String?
    var configRevision: String?
    var retryOf: String?
    var createdAt: Int64
    var startedAt: Int64?
    var finishedAt: Int64?
    var ownerHost: String?
    var ownerPID: Int32?
    var heartbeatAt: Int64?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, pipeline, trigger, status, reason
        case accountID = "account_id"
        case scheduledAt = "scheduled_at"
        case configRevision = "config_revision"
        case retryOf = "retry_of"
        case createdAt = "created_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case ownerHost = "owner_host"
        case ownerPID = "owner_pid"
        case heartbeatAt = "heartbeat_at"
    }
    typealias Columns = CodingKeys

    init(_ run: RunRecord) {
        id = run.id
        accountID = run.accountID
        pipeline = run.pipeline
        trigger = run.trigger
        scheduledAt = run.scheduledAt?.millisecondsSince1970
        status = run.status
        reason = run.reason
        configRevision = run.configRevision
        retryOf = run.retryOf
        createdAt = run.createdAt.millisecondsSince1970
        startedAt = run.startedAt?.millisecondsSince1970
        finishedAt = run.finishedAt?.millisecondsSince1970
        owner = run.owner
    }

    var owner: RunOwner? {
        get {
            guard let ownerHost, let ownerPID, let heartbeatAt else { return nil }
            return RunOwner(host: ownerHost, pid: ownerPID, heartbeatAt: Date(millisecondsSince1970: heartbeatAt))
        }
        set {
            ownerHost = newValue?.host
            ownerPID = newValue?.pid
            heartbeatAt = newValue?.heartbeatAt.millisecondsSince1970
        }
    }

    var record: RunRecord {
        RunRecord(
            id: id, accountID: accountID, pipeline: pipeline, trigger: trigger,
            scheduledAt: scheduledAt.map(Date.init(millisecondsSince1970:)), status: status, reason: reason,
            configRevision: configRevision, retryOf: retryOf, createdAt: Date(millisecondsSince1970: createdAt),
            startedAt: startedAt.map(Date.init(millisecondsSince1970:)),
            finishedAt: finishedAt.map(Date.init(millisecondsSince1970:)), owner: owner)
    }
}
