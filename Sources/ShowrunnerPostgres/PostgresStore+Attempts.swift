import Foundation
import PostgresNIO
import ShowrunnerCore
import ShowrunnerStore

extension PostgresStore {
    /// Recorded only while the run has no other owner (the fence); the run row is share-locked, so a takeover
    /// committing at the same moment is seen.
    public func insertAttempt(_ attempt: AttemptRecord) async throws {
        let outputs = try attempt.outputs.map {
            try StepJSON.text($0, runID: attempt.runID, stepID: attempt.stepID)
        }
        let artifacts = try StepJSON.text(attempt.artifacts)
        let inserted = try await rows(
            """
            INSERT INTO step_attempts (run_id, step_id, attempt, status, failure_kind, error, stderr_tail, outputs,
              artifacts, started_at, finished_at)
            SELECT \(attempt.runID), \(attempt.stepID), \(attempt.attempt), \(attempt.status.rawValue),
              \(attempt.failureKind?.rawValue)::text, \(attempt.error)::text, \(attempt.stderrTail)::text, \(outputs)::jsonb,
              \(artifacts)::jsonb, \(attempt.startedAt.millisecondsSince1970),
              \(attempt.finishedAt?.millisecondsSince1970)::bigint
            WHERE EXISTS (\(unescaped: Self.fenced(attempt.runID, fence)))
            RETURNING id
            """)
        if inserted.isEmpty { try await refusal(runID: attempt.runID) }
    }

    /// Only a `running` attempt can be finished; outputs and artifacts come from `result` (kept when it is nil).
    public func finishAttempt(
        runID: String, stepID: String, attempt: Int, status: AttemptStatus, failure: StepFailure?,
        result: StepResult?, at date: Date
    ) async throws {
        let outputs = try result.map { try StepJSON.text($0.outputs, runID: runID, stepID: stepID) }
        let artifacts = try result.map { try StepJSON.text($0.artifacts) }
        let updated = try await rows(
            """
            UPDATE step_attempts SET status = \(status.rawValue), failure_kind = \(failure?.kind.rawValue),
              error = \(failure?.message), stderr_tail = \(failure?.stderrTail),
              outputs = CASE WHEN \(result != nil) THEN \(outputs)::jsonb ELSE outputs END,
              artifacts = COALESCE(\(artifacts)::jsonb, artifacts), finished_at = \(date.millisecondsSince1970)
            WHERE run_id = \(runID) AND step_id = \(stepID) AND attempt = \(attempt) AND status = 'running'
              AND EXISTS (\(unescaped: Self.fenced(runID, fence)))
            RETURNING id
            """)
        guard updated.isEmpty else { return }
        let current = try await rows(
            """
            SELECT status FROM step_attempts WHERE run_id = \(runID) AND step_id = \(stepID) AND attempt = \(attempt)
            """)
        guard let row = current.first else {
            throw StoreError.attemptNotFound(runID: runID, stepID: stepID, attempt: attempt)
        }
        let stored = try row.decode(String.self)
        if stored != AttemptStatus.running.rawValue, let known = AttemptStatus(rawValue: stored) {
            throw StoreError.attemptNotRunning(runID: runID, stepID: stepID, attempt: attempt, status: known)
        }
        throw PostgresStoreError.leaseLost(runID: runID)
    }

    public func attempts(runID: String) async throws -> [AttemptRecord] {
        try await rows(
            """
            SELECT run_id, step_id, attempt, status, failure_kind, error, stderr_tail, outputs::text, artifacts::text,
              started_at, finished_at
            FROM step_attempts WHERE run_id = \(runID) ORDER BY id
            """
        ).map(Self.attempt)
    }

    /// A sub-select that finds the run only while `fence` may write to it. The SQL is built from literals and
    /// quoted values, so it can be spliced into a query.
    static func fenced(_ runID: String, _ fence: String?) -> String {
        let owner = fence.map { " OR owner_host = \(quoted($0))" } ?? " OR TRUE"
        return "SELECT 1 FROM runs WHERE id = \(quoted(runID)) AND (owner_host IS NULL\(owner)) FOR SHARE"
    }

    /// A SQL string literal.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func attempt(_ row: PostgresRow) throws -> AttemptRecord {
        let (runID, stepID, attempt, status, kind, error, stderr, outputs, artifacts, started, finished) =
            try row.decode(
                (String, String, Int32, String, String?, String?, String?, String?, String, Int64, Int64?).self)
        guard let status = AttemptStatus(rawValue: status) else {
            throw StoreError.unreadableValue(table: "step_attempts", column: "status", reason: status)
        }
        return AttemptRecord(
            runID: runID, stepID: stepID, attempt: Int(attempt), status: status,
            failureKind: kind.flatMap(FailureKind.init(rawValue:)), error: error, stderrTail: stderr,
            outputs: try outputs.map(StepJSON.outputs), artifacts: try StepJSON.artifacts(artifacts),
            startedAt: Date(millisecondsSince1970: started),
            finishedAt: finished.map(Date.init(millisecondsSince1970:)))
    }
}
