/// What the config says about YouTube quota: the budget and which accounts spend which project.
public struct QuotaPlan: Sendable, Equatable {
    public var dailyUnits: Int
    /// `videos.insert` is counted in a bucket of its own (`<project>/videos.insert`).
    public var separateInserts: Bool
    /// Account id → quota project, for accounts that upload to YouTube.
    public var projects: [String: String]

    public init(dailyUnits: Int, separateInserts: Bool, projects: [String: String]) {
        self.dailyUnits = dailyUnits
        self.separateInserts = separateInserts
        self.projects = projects
    }
}
