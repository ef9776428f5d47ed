import ShowrunnerCore
import ShowrunnerEngine

/// The scheduler as the coordinator's finish listener, watching what the run did to the account's durable state:
/// when it paused the account (`pause_after_failures`, a skip that pauses) or changed its auth flag, `changed` is
/// told at once, so the dashboard's upcoming plan and badges do not wait for their caches to expire.
struct AccountChangeWatch: RunFinishListener {
    let scheduler: Scheduler
    let changed: @Sendable (_ accountID: String, _ state: AccountState?) -> Void

    func runFinished(_ run: RunRecord, outcome: RunOutcome?) async {
        let before = scheduler.accountState(run.accountID)
        await scheduler.runFinished(run, outcome: outcome)
        let after = scheduler.accountState(run.accountID)
        if Self.shown(before) != Self.shown(after) { changed(run.accountID, after) }
    }

    /// What the dashboard shows of an account's state: the paused badge (and why) and the auth badge.
    static func shown(_ state: AccountState?) -> [String?] {
        [state?.paused == true ? "paused" : nil, state?.pauseReason, state?.authFlag]
    }
}
