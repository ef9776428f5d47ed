import Foundation
import ShowrunnerCore

/// A fire recorded without running: the account, when, and why.
public struct NotRunFire: Sendable {
    public var accountID: String
    public var pipeline: String
    public var trigger: RunTrigger
    public var scheduledAt: Date?
    public var status: RunStatus
    public var reason: String

    public init(
        accountID: String, pipeline: String, trigger: RunTrigger, scheduledAt: Date?, status: RunStatus, reason: String
    ) {
        self.accountID = accountID
        self.pipeline = pipeline
        self.trigger = trigger
        self.scheduledAt = scheduledAt
        self.status = status
        self.reason = reason
    }
}
