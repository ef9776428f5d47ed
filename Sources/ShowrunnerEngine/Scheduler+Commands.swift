import Foundation
import ShowrunnerCore

/// What the watcher and the HTTP API ask of the scheduler.
extension Scheduler {
    /// Replaces the set of schedulable accounts. An unchanged account keeps its next fire; a changed one is
    /// rescheduled from now; a new one catches up from its last recorded fire; a missing one is unscheduled (its
    /// running runs finish). `reload` also brings back jobs removed through the API.
    public func apply(_ accounts: [ScheduledAccount], reload: Bool = false) async {
        let incoming = Dictionary(accounts.map { ($0.account.id, $0) }) { _, new in new }
        let (changed, removed) = state.withLock { state -> ([ScheduledAccount], [String]) in
            let removed = state.desired.keys.filter { incoming[$0] == nil }
            let changed = incoming.values.filter { new in
                state.desired[new.account.id].map { !$0.isSame(as: new) } ?? true
            }
            return (changed, removed)
        }
        await update(scheduled: changed, removed: removed, reload: reload)
    }

    /// Applies the accounts that changed (`scheduled`) or are gone from the config (`removed`) and leaves every
    /// other one as it is, so a one-file edit among 10,000 accounts costs one entry.
    public func update(scheduled: [ScheduledAccount], removed: [String], reload: Bool = false) async {
        state.withLock { state in
            for id in removed { state.desired[id] = nil }
            for account in scheduled { state.desired[account.account.id] = account }
        }
        let removals = await clearStaleRemovals(reload: reload)
        let changed = Set(scheduled.map(\.account.id))
        rebuildBook(only: changed.union(removed).union(removals), changed: changed)
        signalChange()
    }

    /// Jobs removed through the API come back when their file changed since (or on a reload).
    @discardableResult
    func clearStaleRemovals(reload: Bool = false) async -> [String] {
        let removals = state.withLock { state in
            state.accountStates.filter { id, account in
                account.removedUntilChange != nil
                    && (reload || state.desired[id]?.contentHash != account.removedUntilChange)
            }.map(\.key)
        }
        for id in removals { await update(id) { $0.removedUntilChange = nil } }
        return removals
    }

    /// Brings the timetable entries of `ids` (nil: every account) in line with the desired accounts and their
    /// durable state; the accounts in `changed` are rescheduled from now.
    func rebuildBook(only ids: Set<String>? = nil, changed: Set<String> = []) {
        let now = now()
        let changedNextFires = state.withLock { state -> [String: Date?] in
            guard state.started else { return [:] }
            let ids = ids ?? Set(state.desired.keys).union(state.book.entries.keys)
            var before: [String: Date?] = [:]
            before.reserveCapacity(ids.count)
            var settings: [ScheduleBook.Setting] = []
            settings.reserveCapacity(ids.count)
            for id in ids {
                before[id] = state.book.entries[id]?.next?.startAt
                if let setting = updateEntry(id, changed: changed.contains(id), in: &state, now: now) {
                    settings.append(setting)
                }
            }
            state.book.set(settings)  // one sort for all of them
            var changed: [String: Date?] = [:]
            for (id, earlier) in before {
                let after = state.book.entries[id]?.next?.startAt
                if earlier != after || state.book.entries[id] == nil { changed[id] = after }
            }
            return changed
        }
        for (id, next) in changedNextFires { metrics.recordNextFire(next, accountID: id) }
    }

    /// Removes the entry of `id` when it is not to be scheduled; else the setting to give the book (nil: unchanged).
    /// A booked account is rescheduled from now when it `changed` (its file, its pipeline) or its schedule did.
    private func updateEntry(
        _ id: String, changed: Bool, in state: inout State, now: Date
    ) -> ScheduleBook.Setting? {
        let durable = state.accountStates[id]
        guard let scheduled = state.desired[id], let schedule = Self.firingSchedule(scheduled.account, durable) else {
            state.book.remove(id)
            return nil
        }
        var after = durable?.lastFireAt ?? now
        if let old = state.book.entries[id] {
            guard changed || old.schedule != schedule else { return nil }
            after = now
        }
        return ScheduleBook.Setting(accountID: id, schedule: schedule, after: after)
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
            account: scheduled.account, mergedPipeline: scheduled.mergedPipeline, trigger: .manual, scheduledAt: nil,
            configRevision: scheduled.configRevision)
    }

    /// The coordinator's `RunFinishListener`: counts the run in the metrics, then picks up the account's state.
    public func runFinished(_ run: RunRecord, outcome: RunOutcome?) async {
        if let status = outcome?.status { count(run, status: status) }
        await runFinished(run)
    }

    /// Counts an ended run in the metrics, noting that this process counted it.
    func count(_ run: RunRecord, status: RunStatus) {
        tally.countedHere(run.id)
        record(run, status: status, endedAt: now())
    }

    private func record(_ run: RunRecord, status: RunStatus, endedAt date: Date) {
        metrics.recordRun(accountID: run.accountID, status: status)
        if status == .succeeded { recordSuccess(date, accountID: run.accountID) }
    }

    /// Sets the last-success gauge, unless a newer success was already counted.
    func recordSuccess(_ date: Date, accountID: String) {
        if tally.isNewestSuccess(date, accountID: accountID) { metrics.recordLastSuccess(date, accountID: accountID) }
    }

    /// Counts in the metrics the runs other processes (`trigger`, `retry`) ended since the last call; called
    /// before `/metrics` is read.
    public func countRunsEndedElsewhere() async {
        do {
            for run in try await tally.endedElsewhere(in: runs) {
                record(run, status: run.status, endedAt: run.finishedAt ?? now())
            }
        } catch {
            logger.error("runs ended by other processes not counted", metadata: ["error": "\(error)"])
        }
    }

    /// A run ended: the account's durable state may have changed (auto-pause).
    public func runFinished(_ run: RunRecord) async {
        guard let fresh = try? await accountStates.accountState(run.accountID) else { return }
        let changed = state.withLock { state in
            defer { state.accountStates[run.accountID] = fresh }
            return state.accountStates[run.accountID]?.paused != fresh.paused
        }
        if changed {
            rebuildBook(only: [run.accountID])
            signalChange()
        }
    }

    /// Every job sorted by id, or only `accountID`'s.
    public func jobs(accountID: String? = nil) -> [SchedulerJob] {
        state.withLock { state in
            guard let accountID else { return state.desired.keys.sorted().compactMap { job($0, in: state) } }
            return job(accountID, in: state).map { [$0] } ?? []
        }
    }

    private func job(_ id: String, in state: State) -> SchedulerJob? {
        guard let account = state.desired[id]?.account, let schedule = account.schedule else { return nil }
        let durable = state.accountStates[id]
        return SchedulerJob(
            id: id, accountID: id, cron: schedule.cron.source, timezone: schedule.timeZone.configName,
            nextRunAt: state.book.entries[id]?.next?.startAt, paused: durable?.paused ?? false,
            pauseReason: durable?.pauseReason, removed: durable?.removedUntilChange != nil, enabled: account.enabled)
    }

    public func accountState(_ accountID: String) -> AccountState? { state.withLock { $0.accountStates[accountID] } }

    public func isScheduled(_ accountID: String) -> Bool { state.withLock { $0.desired[accountID] != nil } }

    private func mutate(_ accountID: String, _ change: @escaping @Sendable (inout AccountState) -> Void) async throws {
        let updated = try await accountStates.updateAccountState(accountID, change)
        state.withLock { $0.accountStates[accountID] = updated }
        rebuildBook(only: [accountID])
        signalChange()
    }

    private func update(_ accountID: String, _ change: @escaping @Sendable (inout AccountState) -> Void) async {
        if let updated = try? await accountStates.updateAccountState(accountID, change) {
            state.withLock { $0.accountStates[accountID] = updated }
        }
    }

    /// The schedule of an account that fires: enabled, scheduled, not paused, not taken off until it changes.
    static func firingSchedule(_ account: Account, _ durable: AccountState?) -> Schedule? {
        guard account.enabled, durable?.paused != true, durable?.removedUntilChange == nil else { return nil }
        return account.schedule
    }
}
