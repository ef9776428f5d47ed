import ShowrunnerCore

extension Scheduler {
    /// The accounts that will fire (enabled, not paused, not taken off), each with its schedule and next start:
    /// read in one pass under the lock, without the job list and registry copies the dashboard's plan used to
    /// build for 10,000 accounts. By account id.
    public func upcomingSchedules() -> [UpcomingSchedule] {
        var schedules: [UpcomingSchedule] = []
        state.withLock { state in
            schedules.reserveCapacity(state.desired.count)  // one allocation, not doubled step by step
            for (id, scheduled) in state.desired {
                let account = scheduled.account
                guard let schedule = Self.firingSchedule(account, state.accountStates[id]) else { continue }
                schedules.append(
                    UpcomingSchedule(
                        accountID: id, name: account.name, schedule: schedule,
                        nextStart: state.book.entries[id]?.next?.startAt))
            }
        }
        schedules.sort { $0.accountID < $1.accountID }
        return schedules
    }
}
