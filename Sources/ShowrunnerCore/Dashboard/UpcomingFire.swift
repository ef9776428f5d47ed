import Foundation

/// One fire to come: when it starts (UTC and the channel's wall time) and what DST did to it.
public struct UpcomingFire: Sendable, Equatable, Encodable {
    public var accountID: String
    public var name: String?
    /// The cron instant (the fire's identity).
    public var scheduledAt: Date
    /// `scheduledAt` plus the account's jitter.
    public var startAt: Date
    public var timeZone: String
    /// `startAt` as wall time with offset in the channel's zone (RFC 3339).
    public var local: String
    /// `moved_out_of_gap`, `repeated_wall_time`, or nil.
    public var dst: String?

    public init(
        accountID: String, name: String?, scheduledAt: Date, startAt: Date, timeZone: String, local: String,
        dst: String?
    ) {
        self.accountID = accountID
        self.name = name
        self.scheduledAt = scheduledAt
        self.startAt = startAt
        self.timeZone = timeZone
        self.local = local
        self.dst = dst
    }

    enum CodingKeys: String, CodingKey {
        case name, local, dst
        case accountID = "account_id"
        case scheduledAt = "scheduled_at"
        case startAt = "start_at"
        case timeZone = "timezone"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accountID, forKey: .accountID)
        try container.encode(name, forKey: .name)
        try container.encode(scheduledAt, forKey: .scheduledAt)
        try container.encode(startAt, forKey: .startAt)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(local, forKey: .local)
        try container.encode(dst, forKey: .dst)
    }
}
