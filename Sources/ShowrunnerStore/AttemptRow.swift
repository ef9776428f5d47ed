import Foundation
import GRDB
import ShowrunnerCore

/// A row of `step_attempts`. Outputs are a JSON object, artifacts a JSON array of paths.
struct AttemptRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "step_attempts"

    /// Insertion order; assigned by SQLite.
    var id: Int64?
    var runID: String
    var stepID: String
    var attempt: Int
    var status: AttemptStatus
    var failureKind: FailureKind?
    var error: String?
    var stderrTail: String?
    var outputs: String?
    var artifacts: String
    var startedAt: Int64
    var finishedAt: Int64?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, attempt, status, error, outputs, artifacts
        case runID = "run_id"
        case stepID = "step_id"
        case failureKind = "failure_kind"
        case stderrTail = "stderr_tail"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }
    typealias Columns = CodingKeys

    init(_ record: AttemptRecord) throws {
        id = nil
        runID = record.runID
        stepID = record.stepID
        attempt = record.attempt
        status = record.status
        failureKind = record.failureKind
        error = record.error
        stderrTail = record.stderrTail
        outputs = try record.outputs.map { try StepJSON.text($0, runID: record.runID, stepID: record.stepID) }
        artifacts = try StepJSON.text(record.artifacts)
        startedAt = record.startedAt.millisecondsSince1970
        finishedAt = record.finishedAt?.millisecondsSince1970
    }

    /// Completes a running attempt with its outcome; outputs and artifacts are kept unless a result replaces them.
    mutating func finish(status: AttemptStatus, failure: StepFailure?, result: StepResult?, at date: Date) throws {
        self.status = status
        failureKind = failure?.kind
        error = failure?.message
        stderrTail = failure?.stderrTail
        if let result {
            outputs = try StepJSON.text(result.outputs, runID: runID, stepID: stepID)
            artifacts = try StepJSON.text(result.artifacts)
        }
        finishedAt = date.millisecondsSince1970
    }

    func record() throws -> AttemptRecord {
        AttemptRecord(
            runID: runID, stepID: stepID, attempt: attempt, status: status, failureKind: failureKind, error: error,
            stderrTail: stderrTail, outputs: try outputs.map(StepJSON.outputs),
            artifacts: try StepJSON.artifacts(artifacts),
            startedAt: Date(millisecondsSince1970: startedAt),
            finishedAt: finishedAt.map(Date.init(millisecondsSince1970:)))
    }
}
