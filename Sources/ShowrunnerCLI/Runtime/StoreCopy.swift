import Foundation
import ShowrunnerCore
import ShowrunnerPostgres
import ShowrunnerStore

/// The copy `store migrate` makes, oldest run first (a retry's original is copied before it).
struct StoreCopy {
    let source: SQLiteStore
    let target: PostgresStore

    struct Counts { var runs = 0, attempts = 0, accounts = 0, topics = 0, uploads = 0, quota = 0 }

    func run() async throws -> Counts {
        var counts = Counts()
        for run in try await source.runs(matching: RunQuery(limit: Int.max)).reversed() {
            guard try await target.importRun(run) else { continue }
            counts.runs += 1
            for attempt in try await source.attempts(runID: run.id) {
                try await target.insertAttempt(attempt)
                counts.attempts += 1
            }
        }
        for (id, state) in try await source.accountStates() {
            try await target.updateAccountState(id) { $0 = state }
            counts.accounts += 1
        }
        for (account, list, topic, runID, usedAt) in try await source.allTopicUses() {
            try await target.importTopicUse(accountID: account, list: list, topic: topic, runID: runID, usedAt: usedAt)
            counts.topics += 1
        }
        for (session, followUps) in try await source.allUploads() {
            _ = try await target.createUploadSession(session)
            for followUp in followUps { try await target.recordFollowUp(followUp) }
            counts.uploads += 1
        }
        for usage in try await source.allQuotaUsage() {
            try await target.importQuotaUsage(project: usage.project, day: usage.day, units: usage.units)
            counts.quota += 1
        }
        return counts
    }
}
