import Foundation
import ShowrunnerCore
import ShowrunnerStore
import Synchronization

/// The real store, except that the writes a test names are refused (as on a full disk) until it accepts them again.
final class FullDiskStore: ForwardingRunStore {
    enum Write: CaseIterable, Sendable { case insertRuns, updateRun, attempts, heartbeat }

    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "database or disk is full" }
    }

    let base: SQLiteStore
    private let refused = Mutex<Set<Write>>([])

    init(base: SQLiteStore) { self.base = base }

    func refuse(_ writes: Set<Write> = Set(Write.allCases)) { refused.withLock { $0 = writes } }
    func accept() { refused.withLock { $0 = [] } }

    private func check(_ write: Write) throws {
        if refused.withLock({ $0.contains(write) }) { throw DiskFull() }
    }

    func insertRuns(_ runs: [RunRecord]) async throws -> [Bool] {
        try check(.insertRuns)
        return try await base.insertRuns(runs)
    }

    func updateRun(id: String, status: RunStatus, reason: String?, owner: RunOwner?, at date: Date) async throws {
        try check(.updateRun)
        try await base.updateRun(id: id, status: status, reason: reason, owner: owner, at: date)
    }

    func claimRun(id: String, owner: RunOwner, ownerIsGone: @Sendable (RunOwner) -> Bool) async throws -> Bool {
        try check(.updateRun)
        return try await base.claimRun(id: id, owner: owner, ownerIsGone: ownerIsGone)
    }

    func heartbeat(runID: String, at date: Date) async throws {
        try check(.heartbeat)
        try await base.heartbeat(runID: runID, at: date)
    }

    func insertAttempt(_ attempt: AttemptRecord) async throws {
        try check(.attempts)
        try await base.insertAttempt(attempt)
    }

    func finishAttempt(
        runID: String, stepID: String, attempt: Int, status: AttemptStatus, failure: StepFailure?,
        result: StepResult?, at date: Date
    ) async throws {
        try check(.attempts)
        try await base.finishAttempt(
            runID: runID, stepID: stepID, attempt: attempt, status: status, failure: failure, result: result, at: date)
    }
}
