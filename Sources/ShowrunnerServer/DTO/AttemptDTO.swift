import Foundation
import Hummingbird
import ShowrunnerCore

/// One step attempt: its status, failure, outputs and artifacts.
struct AttemptDTO: Encodable {
    let attempt: AttemptRecord

    enum CodingKeys: String, CodingKey {
        case attempt, status, error, outputs, artifacts
        case stepID = "step_id"
        case failureKind = "failure_kind"
        case stderrTail = "stderr_tail"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(attempt.stepID, forKey: .stepID)
        try container.encode(attempt.attempt, forKey: .attempt)
        try container.encode(attempt.status, forKey: .status)
        try container.encode(attempt.failureKind, forKey: .failureKind)
        try container.encode(attempt.error, forKey: .error)
        try container.encode(attempt.stderrTail, forKey: .stderrTail)
        try container.encode(attempt.outputs, forKey: .outputs)
        try container.encode(attempt.artifacts, forKey: .artifacts)
        try container.encode(attempt.startedAt, forKey: .startedAt)
        try container.encode(attempt.finishedAt, forKey: .finishedAt)
    }
}

/// Where each step of a run stands, from its latest record: status, attempts made, outputs, last error.
struct StepSummaryDTO: Encodable {
    let id: String
    let status: AttemptStatus
    /// Attempts actually made (reused and skipped records are not attempts).
    let attempts: Int
    let outputs: [String: ConfigValue]?
    let error: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(outputs, forKey: .outputs)
        try container.encode(error, forKey: .error)
    }

    enum CodingKeys: String, CodingKey { case id, status, attempts, outputs, error }

    /// One summary per step, in the order the steps first appear in `attempts`.
    static func summaries(_ attempts: [AttemptRecord]) -> [StepSummaryDTO] {
        var order: [String] = []
        var byStep: [String: [AttemptRecord]] = [:]
        for attempt in attempts {
            if byStep[attempt.stepID] == nil { order.append(attempt.stepID) }
            byStep[attempt.stepID, default: []].append(attempt)
        }
        return order.compactMap { step in
            guard let records = byStep[step], let latest = records.last else { return nil }
            return StepSummaryDTO(
                id: step, status: latest.status, attempts: records.count { $0.attempt > 0 },
                outputs: latest.outputs,
                error: latest.status == .failed || latest.status == .skipped ? latest.error : nil)
        }
    }
}

/// One run with its steps and every attempt.
struct RunDetailDTO: ResponseEncodable {
    let run: RunDTO
    /// The run made by retrying this one, if any.
    let retriedBy: String?
    let steps: [StepSummaryDTO]
    let attempts: [AttemptDTO]

    enum CodingKeys: String, CodingKey {
        case run, steps, attempts
        case retriedBy = "retried_by"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(run, forKey: .run)
        try container.encode(retriedBy, forKey: .retriedBy)
        try container.encode(steps, forKey: .steps)
        try container.encode(attempts, forKey: .attempts)
    }
}
