import Foundation
import GRDB
import ShowrunnerCore

extension SQLiteStore {
    public func insertAttempt(_ attempt: AttemptRecord) async throws {
        let row = try AttemptRow(attempt)
        try await writer.write { db in try row.insert(db) }
    }

    /// Only a `running` attempt can be finished; finishing one twice is an error rather than a silent rewrite of
    /// history. Outputs and artifacts come from `result` (kept as recorded when it is nil).
    public func finishAttempt(
        runID: String, stepID: String, attempt: Int, status: AttemptStatus, failure: StepFailure?,
        result: StepResult?, at date: Date
    ) async throws {
        try await writer.write { db in
            let request = AttemptRow.filter { $0.runID == runID && $0.stepID == stepID && $0.attempt == attempt }
            guard var row = try request.fetchOne(db) else {
                throw StoreError.attemptNotFound(runID: runID, stepID: stepID, attempt: attempt)
            }
            guard row.status == .running else {
                throw StoreError.attemptNotRunning(runID: runID, stepID: stepID, attempt: attempt, status: row.status)
            }
            try row.finish(status: status, failure: failure, result: result, at: date)
            try row.update(db)
        }
    }

    /// In the order they were recorded, which keeps each step's attempt numbers ascending (a resume or a retry
    /// continues the numbering) and shows the run as it happened.
    public func attempts(runID: String) async throws -> [AttemptRecord] {
        try await writer.read { db in
            try AttemptRow.filter { $0.runID == runID }
                .order(AttemptRow.Columns.id)
                .fetchAll(db)
                .map { try $0.record() }
        }
    }
}
