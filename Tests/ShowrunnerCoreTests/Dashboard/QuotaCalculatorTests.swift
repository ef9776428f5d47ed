import Foundation
import Testing

@testable import ShowrunnerCore

private let utc = TimeZone(identifier: "UTC")!

struct QuotaCalculatorTests {
    static func waiting(_ id: String, _ account: String, _ seconds: TimeInterval) -> RunRecord {
        RunRecord(
            id: id, accountID: account, pipeline: "p", trigger: .manual, status: .running,
            createdAt: Date(timeIntervalSince1970: 1_780_000_000 + seconds))
    }

    @Test func projectsJoinConfigLedgerAndWaitingRuns() {
        let plan = QuotaPlan(
            dailyUnits: 10_000, separateInserts: false, projects: ["a": "alpha", "b": "alpha", "c": "beta"])
        let now = RFC3339.parse("2026-07-01T20:00:00Z", defaultZone: utc)!
        let status = QuotaCalculator.status(
            plan: plan, usage: ["alpha": 9_800, "old": 50],
            waiting: [Self.waiting("r2", "b", 5), Self.waiting("r1", "a", 1), Self.waiting("r3", "gone", 0)], now: now)
        #expect(status.day == "2026-07-01")
        #expect(status.resetAt == RFC3339.parse("2026-07-02T07:00:00Z", defaultZone: utc))
        #expect(status.resetsInSeconds == 11 * 3600)
        #expect(status.projects.map(\.project) == ["alpha", "beta", "default", "old"])
        let alpha = status.projects[0]
        #expect((alpha.used, alpha.budget, alpha.remaining, alpha.accounts) == (9_800, 10_000, 200, 2))
        #expect(alpha.waiting.map(\.runID) == ["r1", "r2"])
        #expect(alpha.insertUnits == nil)
        #expect(status.projects[2].waitingCount == 1)
        #expect(status.projects[3].used == 50)
    }

    @Test(arguments: [
        // Winter: PST (UTC-8); the reset after 2026-03-08 is at 07:00Z (PDT began that night).
        ("2026-01-15T12:00:00Z", "2026-01-15", "2026-01-16T08:00:00Z"),
        ("2026-03-08T09:00:00Z", "2026-03-08", "2026-03-09T07:00:00Z"),
        ("2026-11-01T07:30:00Z", "2026-11-01", "2026-11-02T08:00:00Z"),
    ])
    func theResetIsMidnightPacific(_ now: String, _ day: String, _ reset: String) {
        let plan = QuotaPlan(dailyUnits: 100, separateInserts: true, projects: ["a": "p"])
        let status = QuotaCalculator.status(
            plan: plan, usage: ["p": 150, "p/videos.insert": 1600], waiting: [],
            now: RFC3339.parse(now, defaultZone: utc)!)
        #expect(status.day == day)
        #expect(status.resetAt == RFC3339.parse(reset, defaultZone: utc))
        #expect(status.projects.map(\.project) == ["p"])
        #expect(status.projects[0].remaining == 0)
        #expect(status.projects[0].insertUnits == 1600)
    }

    @Test func waitingListsAreCapped() {
        let runs = (0..<250).map { Self.waiting("r\($0)", "a", Double($0)) }
        let status = QuotaCalculator.status(
            plan: QuotaPlan(dailyUnits: 1, separateInserts: false, projects: ["a": "p"]), usage: [:], waiting: runs,
            now: Date(timeIntervalSince1970: 1_780_000_000))
        #expect(status.projects[0].waitingCount == 250)
        #expect(status.projects[0].waiting.count == QuotaCalculator.waitingLimit)
    }
}
