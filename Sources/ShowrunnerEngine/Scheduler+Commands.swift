import Foundation
import ShowrunnerCore

/// What the watcher and the HTTP API ask of the scheduler.
extension Scheduler {
    /// Replaces the set of schedulable accounts. An unchanged account keeps its next fire; a changed one is
    /// rescheduled from now; a new one catches up from its last recorded fire; a missing one is unscheduled (its
    /// running runs finish). `reload` also brings back jobs removed through the API.
    public func apply(_ accounts: [ScheduledAccount], reload: Bool = false) async {
        let removals = state.withLock { state in
            state.accountStates.filter { id, account in
                account.removedUntilChange != nil
                    && (reload || accounts.first { $0.account.id == id }?.contentHash != account.removedUntilChange)
            }.map(\.key)
        }
        for id in removals { await update(id) { $0.removedUntilChange = nil } }
        state.withLock { $0.desired = Dictionary(accounts.map { ($0.account.id, $0) }) { _, new in new } }
        rebuildBook(keepUnchanged: true)
        signalChange()
    }

    /// Recomputes the timetable from the desired accounts and their durable state.
    func rebuildBook(keepUnchanged: Bool) {
        let now = now()
        state.withLock { state in
            guard state.started else { return }
            var book = ScheduleBook()
            for (id, scheduled) in state.desired {
                let durable = state.accountStates[id]
                guard scheduled.account.enabled, let schedule = scheduled.account.schedule, durable?.paused != true,
                    durable?.removedUntilChange == nil
                else { continue }
                if keepUnchanged, let old = state.book.entries[id], old.account == scheduled.account, old.plan == scheduled.plan {
                    book.keep(old)
                } else if state.book.entries[id] != nil {
                    book.set(scheduled.account, plan: scheduled.plan, schedule: schedule, after: now)
                } else {
                    book.set(scheduled.account, plan: scheduled.plan, schedule: schedule, after: durable?.lastFireAt ?? now)
                }
            }
            state.book = book
        }
    }

    public func pause(_ accountID: String, reason: String = "paused through the API") async throws {
        try await mutate(accountID) { state in
            state.paused = true
            state.pauseReason = reason
        }
    }

    /// Resuming does not catch up the fires that passed while paused.
    public func resume(_ accountID: String) async throws {
        let resumedAt = now()
        try await mutate(accountID) { state in
            state.paused = false
            state.pauseReason = nil
            state.consecutiveFailures = 0
            state.lastFireAt = max(state.lastFireAt ?? resumedAt, resumedAt)
        }
    }

    /// Takes the job off the schedule until its file changes or a reload.
    public func remove(_ accountID: String) async throws {
        let hash = state.withLock { $0.desired[accountID]?.contentHash } ?? ""
        try await mutate(accountID) { $0.removedUntilChange = hash }
    }

    /// Starts a manual run now; nil when the account is unknown.
    public func trigger(_ accountID: String) async throws -> RunRecord? {
        guard let scheduled = state.withLock({ $0.desired[accountID] }) else { return nil }
        return try await coordinator.submit(
            account: scheduled.account, plan: scheduled.plan, trigger: .manual, scheduledAt: nil,
            configRevision: scheduled.configRevision)
    }

    /// A run ended: the account's durable state may have changed (auto-pause).
    public func runFinished(_ run: RunRecord) async {
        guard let fresh = try? await accountStates.accountState(run.accountID) else { return }
        let changed = state.withLock { state in
            defer { state.accountStates[run.accountID] = fresh }
            return state.accountStates[run.accountID]?.paused != fresh.paused
        }
        if changed {
            rebuildBook(keepUnchanged: true)
            signalChange()
        }
    }

    public func jobs() -> [SchedulerJob] {
        state.withLock { state in
            state.desired.values.compactMap { scheduled -> SchedulerJob? in
                guard let schedule = scheduled.account.schedule else { return nil }
                let id = scheduled.account.id
                let durable = state.accountStates[id]
                return SchedulerJob(
                    id: id, accountID: id, cron: schedule.cron.source, timezone: schedule.timeZone.identifier,
                    nextRunAt: state.book.entries[id]?.next?.startAt, paused: durable?.paused ?? false,
                    pauseReason: durable?.pauseReason, removed: durable?.removedUntilChange != nil,
                    enabled: scheduled.account.enabled)
            }.sorted { $0.id < $1.id }
        }
    }

    public func accountState(_ accountID: String) -> AccountState? { state.withLock { $0.accountStates[accountID] } }

    public func isScheduled(_ accountID: String) -> Bool { state.withLock { $0.desired[accountID] != nil } }

    private func mutate(_ accountID: String, _ change: @escaping @Sendable (inout AccountState) -> Void) async throws {
        let updated = try await accountStates.updateAccountState(accountID, change)
        state.withLock { $0.accountStates[accountID] = updated }
        rebuildBook(keepUnchanged: true)
        signalChange()
    }

    private func update(_ accountID: String, _ change: @escaping @Sendable (inout AccountState) -> Void) async {
        if let updated = try? await accountStates.updateAccountState(accountID, change) {
            state.withLock { $0.accountStates[accountID] = updated }
        }
    }
}
