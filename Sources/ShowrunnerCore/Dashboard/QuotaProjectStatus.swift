/// One Google project's quota today: used and budget, the runs waiting for the reset.
public struct QuotaProjectStatus: Sendable, Equatable, Encodable {
    public var project: String
    public var used: Int
    public var budget: Int
    public var remaining: Int
    /// Units in the `<project>/videos.insert` bucket (with `insert_bucket: separate`); nil otherwise.
    public var insertUnits: Int?
    public var accounts: Int
    /// How many runs wait for the reset, and the first of them (at most `QuotaCalculator.waitingLimit`).
    public var waitingCount: Int
    public var waiting: [QuotaWaitingRun]

    enum CodingKeys: String, CodingKey {
        case project, used, budget, remaining, accounts, waiting
        case insertUnits = "insert_units"
        case waitingCount = "waiting_count"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(project, forKey: .project)
        try container.encode(used, forKey: .used)
        try container.encode(budget, forKey: .budget)
        try container.encode(remaining, forKey: .remaining)
        try container.encode(insertUnits, forKey: .insertUnits)
        try container.encode(accounts, forKey: .accounts)
        try container.encode(waitingCount, forKey: .waitingCount)
        try container.encode(waiting, forKey: .waiting)
    }
}
