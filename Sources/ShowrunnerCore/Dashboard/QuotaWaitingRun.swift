import Foundation

/// A run waiting for its quota project's reset.
public struct QuotaWaitingRun: Sendable, Equatable, Encodable {
    public var runID: String
    public var accountID: String
    public var createdAt: Date

    public init(runID: String, accountID: String, createdAt: Date) {
        self.runID = runID
        self.accountID = accountID
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id"
        case accountID = "account_id"
        case createdAt = "created_at"
    }
}
