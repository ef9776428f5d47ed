/// The figures of `/api/stats`: per UTC day and over the whole range, for one account or all.
public struct StatsReport: Sendable, Equatable, Encodable {
    /// The account these figures are of; nil: every account.
    public var account: String?
    public var days: Int
    /// The first and last day (`YYYY-MM-DD`, UTC; the last is today).
    public var from: String
    public var to: String
    /// Finished runs per status over the range (every finished status present).
    public var totals: [String: Int]
    /// succeeded / (succeeded + failed + cancelled); nil when no run got that far.
    public var successRate: Double?
    public var daily: [StatsDayFigures]
    /// Per step kind, most attempts first.
    public var steps: [StepKindFigures]
    /// Seconds the `video` steps took per minute of video they made; nil without a video.
    public var renderSecondsPerVideoMinute: Double?
    /// Succeeded `upload.youtube` and `upload.local` attempts over the range, and their mean per day.
    public var uploads: Int
    public var uploadsPerDay: Double

    enum CodingKeys: String, CodingKey {
        case account, days, from, to, totals, daily, steps, uploads
        case successRate = "success_rate"
        case renderSecondsPerVideoMinute = "render_seconds_per_video_minute"
        case uploadsPerDay = "uploads_per_day"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(account, forKey: .account)
        try container.encode(days, forKey: .days)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(totals, forKey: .totals)
        try container.encode(successRate, forKey: .successRate)
        try container.encode(daily, forKey: .daily)
        try container.encode(steps, forKey: .steps)
        try container.encode(renderSecondsPerVideoMinute, forKey: .renderSecondsPerVideoMinute)
        try container.encode(uploads, forKey: .uploads)
        try container.encode(uploadsPerDay, forKey: .uploadsPerDay)
    }
}
