import Foundation
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerStore

/// A small history: two accounts, five runs, the attempts of a failed run.
enum Fixtures {
    static let base = Date(timeIntervalSince1970: 1_772_000_000)
    /// Newest first, as `/api/runs` lists them.
    static let runIDs = ["r-cook-3", "r-cook-2", "r-trav-2", "r-trav-1", "r-cook-1"]

    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        for run in runs { _ = try await store.insertRun(run) }
        for attempt in attempts { try await store.insertAttempt(attempt) }
        return store
    }

    static let runs: [RunRecord] = [
        RunRecord(
            id: "r-cook-1", accountID: "cooking-daily", pipeline: "shorts", trigger: .schedule, scheduledAt: base,
            status: .succeeded, configRevision: "abc123", createdAt: base, startedAt: at(1), finishedAt: at(50)),
        RunRecord(
            id: "r-cook-2", accountID: "cooking-daily", pipeline: "shorts", trigger: .schedule, scheduledAt: at(86_400),
            status: .failed, reason: "step 'script' failed: The reply was not JSON.", createdAt: at(86_400),
            startedAt: at(86_401), finishedAt: at(86_460)),
        RunRecord(
            id: "r-cook-3", accountID: "cooking-daily", pipeline: "shorts", trigger: .manual, status: .running,
            createdAt: at(90_000), startedAt: at(90_001),
            owner: RunOwner(host: "box", pid: 42, heartbeatAt: at(90_010))),
        RunRecord(
            id: "r-trav-1", accountID: "travel-weekly", pipeline: "long", trigger: .schedule, scheduledAt: at(3_600),
            status: .missed, reason: "Missed while the daemon was down.", createdAt: at(3_600), finishedAt: at(3_600)),
        RunRecord(
            id: "r-trav-2", accountID: "travel-weekly", pipeline: "long", trigger: .schedule, scheduledAt: at(7_200),
            status: .skipped, reason: "overlap", createdAt: at(7_200), finishedAt: at(7_200)),
    ]

    static let attempts: [AttemptRecord] = [
        AttemptRecord(
            runID: "r-cook-2", stepID: "topic", attempt: 1, status: .succeeded,
            outputs: ["title": .string("Pasta al limone")], startedAt: at(86_401), finishedAt: at(86_402)),
        AttemptRecord(
            runID: "r-cook-2", stepID: "script", attempt: 1, status: .failed, failureKind: .transient,
            error: "HTTP 503 from the LLM.", startedAt: at(86_402), finishedAt: at(86_410)),
        AttemptRecord(
            runID: "r-cook-2", stepID: "script", attempt: 2, status: .failed, failureKind: .permanent,
            error: "The reply was not JSON.", stderrTail: "line 1", startedAt: at(86_412), finishedAt: at(86_420)),
        AttemptRecord(
            runID: "r-cook-2", stepID: "voice", attempt: 0, status: .skipped, error: "step 'script' did not succeed",
            startedAt: at(86_420), finishedAt: at(86_420)),
    ]

    static func at(_ seconds: TimeInterval) -> Date { base.addingTimeInterval(seconds) }

    /// `SchedulerJob` has no public memberwise init; its Codable form is public.
    static func job(
        _ id: String, cron: String, timezone: String, next: Date?, paused: Bool = false
    ) throws
        -> SchedulerJob
    {
        var fields: [String: Any] = [
            "id": id, "accountID": id, "cron": cron, "timezone": timezone, "paused": paused, "removed": false,
            "enabled": true,
        ]
        if let next { fields["nextRunAt"] = next.timeIntervalSinceReferenceDate }
        if paused { fields["pauseReason"] = "paused through the API" }
        return try JSONDecoder().decode(SchedulerJob.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    static func jobs() throws -> [SchedulerJob] {
        [
            try job("cooking-daily", cron: "0 9 * * MON-FRI", timezone: "Asia/Seoul", next: at(100_000)),
            try job("travel-weekly", cron: "0 18 * * FRI", timezone: "Europe/Paris", next: nil, paused: true),
            try job("fresh", cron: "*/5 * * * *", timezone: "UTC", next: at(300)),
        ]
    }

    static let badCron = Diagnostic(
        .error, file: "accounts.d/cooking.yaml", location: SourceLocation(line: 7, column: 9), keyPath: "schedule.cron",
        "day-of-month 32 is out of range 1–31.")

    static func account(_ id: String, paused: Bool = false, diagnostics: [Diagnostic] = []) -> AccountStatus {
        AccountStatus(
            id: id, name: id.capitalized, file: "accounts.d/\(id).yaml", enabled: true, valid: diagnostics.isEmpty,
            scheduled: true, paused: paused, pauseReason: paused ? "paused through the API" : nil, authFlag: nil,
            lastGoodRevision: "abc123", diagnostics: diagnostics)
    }

    static let accounts = [account("cooking-daily", diagnostics: [badCron]), account("travel-weekly", paused: true)]
}
