import Foundation
import GRDB
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// The schema enforces the rules (STYLE habit 9); its enum lists must accept every case Core has.
struct StoreSchemaTests {
    @Test(arguments: RunStatus.allCases)
    func everyRunStatusIsAccepted(_ status: RunStatus) async throws {
        let store = try SQLiteStore.inMemory()
        try await insert(makeRun("r1", status: status), into: store)
        #expect(try await store.run(id: "r1")?.status == status)
    }

    @Test(arguments: RunTrigger.allCases)
    func everyTriggerIsAccepted(_ trigger: RunTrigger) async throws {
        let store = try SQLiteStore.inMemory()
        try await insert(makeRun("r0"), into: store)
        let run = makeRun("r1", trigger: trigger, scheduledAt: instant(60), retryOf: trigger == .retry ? "r0" : nil)
        try await insert(run, into: store)
        #expect(try await store.run(id: "r1") == run)
    }

    @Test(arguments: AttemptStatus.allCases)
    func everyAttemptStatusIsAccepted(_ status: AttemptStatus) async throws {
        let store = try SQLiteStore.inMemory()
        try await insert(makeRun("r1"), into: store)
        let number = status == .skipped || status == .reused ? 0 : 1
        let kind: FailureKind? = status == .failed ? .auth : nil
        let attempt = AttemptRecord(
            runID: "r1", stepID: "s", attempt: number, status: status, failureKind: kind, startedAt: instant(1))
        try await store.insertAttempt(attempt)
        #expect(try await store.attempts(runID: "r1") == [attempt])
    }

    @Test(arguments: FailureKind.allCases)
    func everyFailureKindIsAccepted(_ kind: FailureKind) async throws {
        let store = try SQLiteStore.inMemory()
        try await insert(makeRun("r1"), into: store)
        try await store.insertAttempt(AttemptRecord(runID: "r1", stepID: "s", attempt: 1, startedAt: instant(1)))
        try await store.finishAttempt(
            runID: "r1", stepID: "s", attempt: 1, status: .failed, failure: StepFailure(kind, "No."), result: nil,
            at: instant(2))
        #expect(try await store.attempts(runID: "r1").first?.failureKind == kind)
    }

    static let run = "INSERT INTO runs (id, account_id, pipeline, \"trigger\", status, created_at)"
    static let attempt = "INSERT INTO step_attempts (run_id, step_id, attempt, status, started_at"

    @Test(arguments: [
        "\(run) VALUES ('x', 'a', 'p', 'manual', 'done', 0)",
        "\(run) VALUES ('x', 'a', 'p', 'cron', 'queued', 0)",
        "\(run) VALUES ('x', 'a', 'p', 'manual', 'queued', '2026-05-28')",  // STRICT: instants are integers
        "\(run) VALUES ('x', NULL, 'p', 'manual', 'queued', 0)",
        "\(run) VALUES ('x', 'a', 'p', 'schedule', 'queued', 0)",  // a fire needs its instant
        "\(run) VALUES ('x', 'a', 'p', 'manual', 'queued', 0); UPDATE runs SET owner_host = 'h'",
        "\(run) VALUES ('x', 'a', 'p', 'manual', 'running', 0); UPDATE runs SET finished_at = 1",
        "\(run) VALUES ('x', 'a', 'p', 'manual', 'queued', 0); UPDATE runs SET retry_of = 'r1'",  // not a retry
        "\(run) VALUES ('x', 'a', 'p', 'retry', 'queued', 0); UPDATE runs SET retry_of = 'nope' WHERE id = 'x'",
        "\(attempt)) VALUES ('r1', 's', 1, 'done', 0)",
        "\(attempt)) VALUES ('r1', 's', 0, 'running', 0)",  // attempt 0 is for skipped and reused records
        "\(attempt)) VALUES ('r1', 's', 1, 'skipped', 0)",
        "\(attempt)) VALUES ('r1', 's', -1, 'running', 0)",
        "\(attempt), failure_kind) VALUES ('r1', 's', 1, 'failed', 0, 'flaky')",
        "\(attempt), failure_kind) VALUES ('r1', 's', 1, 'succeeded', 0, 'timeout')",
        "\(attempt), outputs) VALUES ('r1', 's', 1, 'succeeded', 0, '[1]')",
        "\(attempt), outputs) VALUES ('r1', 's', 1, 'succeeded', 0, '{oops')",
        "\(attempt), artifacts) VALUES ('r1', 's', 1, 'succeeded', 0, '{}')",
        "\(attempt)) VALUES ('missing', 's', 1, 'running', 0)",
        "INSERT INTO account_state (account_id, paused, pause_reason) VALUES ('a', 0, 'why')",
        "INSERT INTO account_state (account_id, paused) VALUES ('a', 2)",
        "INSERT INTO account_state (account_id, consecutive_failures) VALUES ('a', -1)",
        """
        INSERT INTO upload_sessions (id, account_id, step_id, file_path, file_size, checksum, uploaded_bytes,
          created_at, updated_at) VALUES ('u', 'a', 's', 'v.mp4', 10, 'c', 11, 0, 0)
        """,
        """
        INSERT INTO upload_sessions (id, account_id, step_id, file_path, file_size, checksum, created_at, updated_at)
          VALUES ('u1', 'a', 's', 'v.mp4', 10, 'c', 0, 0), ('u2', 'a', 's', 'w.mp4', 10, 'c', 0, 0)
        """,
        "INSERT INTO quota_usage (project, day, units) VALUES ('shared', '28/05/2026', 1600)",
        "INSERT INTO quota_usage (project, day, units) VALUES ('shared', '2026-05-28', -1)",
    ])
    func brokenRulesAreRejected(_ sql: String) async throws {
        let store = try SQLiteStore.inMemory()
        try await insert(makeRun("r1"), into: store)
        #expect(await violatesConstraint(store) { db in try db.execute(sql: sql) })
    }

    @Test func theStateTablesAcceptGoodRows() async throws {
        let store = try SQLiteStore.inMemory()
        try await insert(makeRun("r1"), into: store)
        try await store.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account_state (account_id, paused, pause_reason, consecutive_failures, last_fire_at)
                      VALUES ('a', 1, '3 failed runs in a row.', 3, 1780000000000);
                    INSERT INTO upload_sessions (id, account_id, run_id, step_id, file_path, file_size, checksum,
                      session_uri, uploaded_bytes, created_at, updated_at)
                      VALUES ('u', 'a', 'r1', 'upload', 'v.mp4', 10, 'sha256:ab', 'https://up/1', 10, 0, 1);
                    INSERT INTO quota_usage (project, day, units) VALUES ('shared', '2026-05-28', 1600);
                    """)
        }
    }
}
