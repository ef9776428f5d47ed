import Foundation

/// The fires of `[from, to)` across accounts, earliest first, capped per account and in total.
public struct UpcomingPlan: Sendable, Equatable, Encodable {
    public var from: Date
    public var to: Date
    /// Accounts with a schedule that were considered.
    public var channels: Int
    public var perChannelLimit: Int
    public var limit: Int
    /// True when a cap left fires of the window out (the fires listed are still the earliest ones).
    public var truncated: Bool
    public var fires: [UpcomingFire]

    enum CodingKeys: String, CodingKey {
        case from, to, channels, limit, truncated, fires
        case perChannelLimit = "per_channel_limit"
    }
}
