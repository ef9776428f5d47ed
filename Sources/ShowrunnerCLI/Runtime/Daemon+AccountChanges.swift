import ShowrunnerCore
import ShowrunnerEngine

extension Daemon {
    /// A run changed an account's durable state (auto-paused, auth flag): a new schedule generation, so the
    /// dashboard rebuilds its upcoming plan and channel rows now, and an `account.changed` event for open pages.
    func accountChanged(_ accountID: String, state: AccountState?) {
        scheduleChanges.add(1, ordering: .relaxed)
        events.publish(
            .accountChanged,
            ["account_id": accountID, "paused": state?.paused == true ? "true" : "false"])
    }
}
