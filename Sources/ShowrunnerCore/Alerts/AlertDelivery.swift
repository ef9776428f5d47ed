import Foundation

/// One alert sent (or being sent) to one receiver, as history shows it.
public struct AlertDelivery: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Not delivered yet; a retry is scheduled.
        case pending
        case delivered
        /// Every attempt failed.
        case failed
        /// Given up without sending: after a restart its receiver was no longer in the config (`last_error` says so).
        case abandoned
    }

    public var id: String
    public var event: AlertEvent
    public var accountID: String?
    public var runID: String?
    /// The receiver's URL, masked (`https://hooks.slack.com/***`).
    public var target: String
    public var format: AlertTarget.Format
    /// The receiver's name in the config (`notify: - name:`), by which a restarted daemon finds it again; never its
    /// URL or secret.
    public var receiver: String?
    /// The body as rendered for `format`, kept so that a pending delivery can be resent after a restart.
    public var payload: String?
    /// The process sending it (`host~instance`); another process takes over a pending delivery it left behind.
    public var owner: String?
    public var status: Status
    public var attempts: Int
    /// The last failure (HTTP status or connection error), secrets masked.
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, event: AlertEvent, accountID: String?, runID: String?, target: String,
        format: AlertTarget.Format, receiver: String? = nil, payload: String? = nil, owner: String? = nil,
        status: Status = .pending, attempts: Int = 0, lastError: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.receiver = receiver
        self.payload = payload
        self.owner = owner
        self.id = id
        self.event = event
        self.accountID = accountID
        self.runID = runID
        self.target = target
        self.format = format
        self.status = status
        self.attempts = attempts
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Where alert deliveries are recorded (the store's `alert_deliveries`).
public protocol AlertLog: Sendable {
    /// Inserts the delivery, or updates it (same id) with its latest attempt unless another owner took it over.
    func recordDelivery(_ delivery: AlertDelivery) async throws
    /// Newest first.
    func deliveries(limit: Int) async throws -> [AlertDelivery]
    /// Takes over the pending deliveries that can be resent (payload and receiver kept) of another owner, untouched
    /// since `before` (a process that died, or stopped, while retrying): they become `owner`'s, with `updated_at` =
    /// `now`, and are returned oldest first. Two processes never take over the same delivery.
    func claimPendingDeliveries(owner: String, untouchedSince before: Date, now: Date) async throws -> [AlertDelivery]
}
