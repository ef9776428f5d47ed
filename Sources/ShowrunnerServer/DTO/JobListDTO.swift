import Foundation
import Hummingbird
import ShowrunnerCore
import ShowrunnerEngine

/// A scheduled job with the account's newest run.
struct JobDTO: Encodable {
    let job: SchedulerJob
    let lastRun: RunRecord?

    enum CodingKeys: String, CodingKey {
        case id, cron, timezone, paused, removed, enabled
        case accountID = "account_id"
        case nextRunAt = "next_run_at"
        case pauseReason = "pause_reason"
        case lastRun = "last_run"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(job.id, forKey: .id)
        try container.encode(job.accountID, forKey: .accountID)
        try container.encode(job.cron, forKey: .cron)
        try container.encode(job.timezone, forKey: .timezone)
        try container.encode(job.nextRunAt, forKey: .nextRunAt)
        try container.encode(job.paused, forKey: .paused)
        try container.encode(job.pauseReason, forKey: .pauseReason)
        try container.encode(job.removed, forKey: .removed)
        try container.encode(job.enabled, forKey: .enabled)
        try container.encode(lastRun.map(LastRunDTO.init), forKey: .lastRun)
    }
}

/// The short form of a run a job shows.
struct LastRunDTO: Encodable {
    let run: RunRecord

    enum CodingKeys: String, CodingKey {
        case id, status
        case createdAt = "created_at"
        case finishedAt = "finished_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(run.id, forKey: .id)
        try container.encode(run.status, forKey: .status)
        try container.encode(run.createdAt, forKey: .createdAt)
        try container.encode(run.finishedAt, forKey: .finishedAt)
    }
}

struct JobListDTO: ResponseEncodable {
    let jobs: [JobDTO]
}
