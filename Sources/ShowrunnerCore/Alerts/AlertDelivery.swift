import Foundation

/// One alert sent (or being sent) to one receiver, as history shows it.
public struct AlertDelivery: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Not delivered yet; a retry is scheduled.
        case pending
        case delivered
        /// Every attempt failed.
        case failed
    }

    public var id: String
    public var event: AlertEvent
    public var accountID: String?
    public var runID: String?
    /// The receiver's URL, masked (`https://hooks.slack.com/***`).
    public var target: String
    public var format: AlertTarget.Format
    public var status: Status
    public var attempts: Int
    /// The last failure (HTTP status or connection error), secrets masked.
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, event: AlertEvent, accountID: String?, runID: String?, target: String,
        format: AlertTarget.Format, status: Status = .pending, attempts: Int = 0, lastError: String? = nil,
        createdAt: Date, updatedAt: Date
    ) {
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
    func recordDelivery(_ delivery: AlertDelivery) async throws
    /// Newest first.
    func deliveries(limit: Int) async throws -> [AlertDelivery]
}
