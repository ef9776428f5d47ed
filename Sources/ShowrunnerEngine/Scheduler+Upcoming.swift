import ShowrunnerCore

extension Scheduler {
    /// The accounts that will fire (enabled, not paused, not taken off), each with its schedule and next start:
    /// read in one pass under the lock, without the job list and registry copies the dashboard's plan used to
    /// build for 10,000 accounts. By account id.
    public func upcomingSchedules() -> [UpcomingSchedule] {
        var schedules = state.withLock { state in
            state.desired.compactMap { id, scheduled -> UpcomingSchedule? in
                let account = scheduled.account
                let durable = state.accountStates[id]
                guard account.enabled, let schedule = account.schedule, durable?.paused != true,
                    durable?.removedUntilChange == nil
                else { return nil }
                return UpcomingSchedule(
                    accountID: id, name: account.name, schedule: schedule,
                    nextStart: state.book.entries[id]?.next?.startAt)
            }
        }
        schedules.sort { $0.accountID < $1.accountID }
        return schedules
    }
}
