import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// `validate`'s quota projection: units per project and Pacific day from the schedules.
struct YouTubeQuotaProjectionTests {
    static let from = Date(timeIntervalSince1970: 1_772_992_800)  // 2026-03-08T18:00:00Z, a Sunday

    static func pipeline(thumbnail: Bool = true) -> Pipeline {
        var steps = [PipelineStep(id: "video", uses: "video", needs: [])]
        if thumbnail { steps.append(PipelineStep(id: "thumbnail", uses: "thumbnail", needs: [])) }
        steps.append(PipelineStep(id: "upload", uses: "upload.youtube", needs: steps.map(\.id)))
        return Pipeline(name: "shorts", steps: steps)
    }

    static func account(
        _ id: String, cron: String, zone: String = "UTC", project: String = "p", playlist: String? = nil,
        enabled: Bool = true
    ) throws -> Account {
        let schedule = Schedule(cron: try CronExpression(parsing: cron), timeZone: TimeZone(identifier: zone)!)
        let youtube = YouTubeSettings(credentials: "${file:x.json}", playlistID: playlist, project: project)
        return Account(
            id: id, enabled: enabled, channel: Channel(type: "t", youtube: youtube), schedule: schedule,
            pipeline: .named("shorts"))
    }

    @Test func unitsAreCountedPerProjectAndPacificDay() throws {
        let accounts = [
            (try Self.account("a", cron: "0 9,21 * * *"), Self.pipeline()),  // 09:00 and 21:00 UTC
            (try Self.account("b", cron: "0 12 * * *", playlist: "PL"), Self.pipeline(thumbnail: false)),
            (try Self.account("c", cron: "0 12 * * *", project: "q"), Self.pipeline()),
            (try Self.account("off", cron: "* * * * *", enabled: false), Self.pipeline()),
        ]
        let result = QuotaProjection.project(accounts, quota: ProviderSettings.Quota(), from: Self.from, days: 2)
        let p = result.days.filter { $0.project == "p" }
        // 2026-03-08 (Pacific) after 18:00Z: a at 21:00Z (1650), and 09:00Z 03-09 is 02:00 PDT on 03-09.
        #expect(p.map(\.day.description) == ["2026-03-08", "2026-03-09"])
        #expect(p.map(\.units) == [1650, 1650 * 2 + 1650])
        #expect(p[1].accounts == ["a": 3300, "b": 1650])
        #expect(p[1].uploads == 3)
        #expect(result.days.filter { $0.project == "q" }.map(\.units) == [1650])
        #expect(result.warnings.isEmpty)
    }

    @Test func aDayOverTheBudgetIsWarned() throws {
        let accounts = [
            (try Self.account("a", cron: "0 */4 * * *"), Self.pipeline()),  // 6 uploads a day
            (try Self.account("b", cron: "0 10 * * *"), Self.pipeline()),
        ]
        let result = QuotaProjection.project(accounts, quota: ProviderSettings.Quota(), from: Self.from, days: 3)
        let warning = try #require(result.warnings.first)
        #expect(warning.project == "p")
        #expect(warning.units == 7 * 1650)
        #expect(warning.budget == 10_000)
        #expect(warning.description.contains("project 'p' would spend 11550 of its 10000 daily units on 2026-03-09"))
        #expect(warning.description.contains("a 9900, b 1650"))
    }

    @Test func aSeparateInsertBucketCountsOnlyTheFollowUps() throws {
        var quota = ProviderSettings.Quota()
        quota.insertBucket = "separate"
        let accounts = [(try Self.account("a", cron: "0 */4 * * *"), Self.pipeline())]
        let result = QuotaProjection.project(accounts, quota: quota, from: Self.from, days: 2)
        let tomorrow = try #require(result.days.last)
        #expect(tomorrow.units == 6 * 50)
        #expect(tomorrow.uploads == 6)
        #expect(result.warnings.isEmpty)
    }
}
