/// One UTC day of `StatsReport`: finished runs per status and succeeded uploads.
public struct StatsDayFigures: Sendable, Equatable, Encodable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// Every finished status, zero included.
    public var counts: [String: Int]
    public var uploads: Int

    public init(date: String, counts: [String: Int], uploads: Int) {
        self.date = date
        self.counts = counts
        self.uploads = uploads
    }
}
