import Foundation

/// `/api/quota`: today's Pacific day, when it resets, and every project.
public struct QuotaStatus: Sendable, Equatable, Encodable {
    /// `YYYY-MM-DD` in America/Los_Angeles.
    public var day: String
    /// Midnight Pacific time, when YouTube resets the daily quota.
    public var resetAt: Date
    public var resetsInSeconds: Int
    public var projects: [QuotaProjectStatus]

    enum CodingKeys: String, CodingKey {
        case day, projects
        case resetAt = "reset_at"
        case resetsInSeconds = "resets_in_seconds"
    }
}
