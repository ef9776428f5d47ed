/// A step's decision that its run has nothing to do (e.g. a `topic.list` that is used up): the remaining steps are
/// skipped and the run is recorded `skipped` with `reason`; `pausesAccount` also pauses the account with it.
public struct RunSkip: Sendable, Equatable {
    public var reason: String
    public var pausesAccount: Bool

    public init(reason: String, pausesAccount: Bool = false) {
        self.reason = reason
        self.pausesAccount = pausesAccount
    }
}
