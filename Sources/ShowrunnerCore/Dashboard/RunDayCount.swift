/// How many runs finished with `status` on UTC day `day` (a `StatsDay` number).
public struct RunDayCount: Sendable, Hashable {
    public var day: Int
    public var status: RunStatus
    public var count: Int

    public init(day: Int, status: RunStatus, count: Int) {
        self.day = day
        self.status = status
        self.count = count
    }
}
