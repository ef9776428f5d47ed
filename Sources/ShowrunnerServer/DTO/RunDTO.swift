import Foundation
import Hummingbird
import ShowrunnerCore

/// A run as the API shows it: snake_case keys, every key present (null when unset).
struct RunDTO: ResponseEncodable {
    let run: RunRecord

    enum CodingKeys: String, CodingKey {
        case id, pipeline, trigger, status, reason, owner
        case accountID = "account_id"
        case scheduledAt = "scheduled_at"
        case configRevision = "config_revision"
        case retryOf = "retry_of"
        case createdAt = "created_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(run.id, forKey: .id)
        try container.encode(run.accountID, forKey: .accountID)
        try container.encode(run.pipeline, forKey: .pipeline)
        try container.encode(run.trigger, forKey: .trigger)
        try container.encode(run.scheduledAt, forKey: .scheduledAt)
        try container.encode(run.status, forKey: .status)
        try container.encode(run.reason, forKey: .reason)
        try container.encode(run.configRevision, forKey: .configRevision)
        try container.encode(run.retryOf, forKey: .retryOf)
        try container.encode(run.createdAt, forKey: .createdAt)
        try container.encode(run.startedAt, forKey: .startedAt)
        try container.encode(run.finishedAt, forKey: .finishedAt)
        try container.encode(run.owner.map(OwnerDTO.init), forKey: .owner)
    }
}

/// The process executing a running run.
struct OwnerDTO: Encodable {
    let owner: RunOwner

    enum CodingKeys: String, CodingKey {
        case host, pid
        case heartbeatAt = "heartbeat_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(owner.host, forKey: .host)
        try container.encode(owner.pid, forKey: .pid)
        try container.encode(owner.heartbeatAt, forKey: .heartbeatAt)
    }
}

/// A page of history, newest first; `next` is the `before` cursor of the following page (null on the last page).
struct RunPageDTO: ResponseEncodable {
    let runs: [RunDTO]
    let next: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runs, forKey: .runs)
        try container.encode(next, forKey: .next)
    }

    enum CodingKeys: String, CodingKey { case runs, next }
}

/// The answer to trigger, retry and cancel: `202` with the run concerned.
struct RunAcceptedDTO: ResponseEncodable {
    let runID: String

    enum CodingKeys: String, CodingKey { case runID = "run_id" }
}
