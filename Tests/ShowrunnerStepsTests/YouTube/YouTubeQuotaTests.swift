import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// The daily budget per quota project: a step that would go over it waits for midnight Pacific time.
struct YouTubeQuotaTests {
    static func quota(daily: Int, bucket: String = "shared") -> ProviderSettings.Quota {
        var quota = ProviderSettings.Quota()
        quota.dailyUnits = daily
        quota.insertBucket = bucket
        return quota
    }

    @Test func anExhaustedBudgetFailsAsQuotaUntilMidnightPacificWithoutARequest() async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        let day = PacificDay(containing: YouTubeFixture.now)
        _ = await fixture.ledger.spend(9_000, project: "default", day: day, budget: 10_000)
        let failure = try #require(await stepFailure { try await fixture.step.run(fixture.context()) })
        #expect(failure.kind == .quota)
        #expect(failure.retryAfter == day.timeUntilReset(from: YouTubeFixture.now))
        #expect(failure.retryAfter == .seconds(13 * 3600))
        #expect(
            failure.message.contains(
                "needs 1700 units (videos.insert 1600 + thumbnails.set 50 + playlistItems.insert 50)"))
        #expect(failure.message.contains("only 1000 of its 10000 daily units are left on 2026-03-08"))
        #expect(failure.message.contains("2026-03-09T00:00:00-07:00"))
        #expect(fixture.server.log.isEmpty)
        #expect(await fixture.ledger.usage(project: "default", day: day) == 9_000)

        // After midnight Pacific the same step goes through.
        let tomorrow = day.end.addingTimeInterval(1)
        _ = try await fixture.step.run(fixture.context(now: tomorrow))
        #expect(fixture.theOnlyVideoMatchingTheFile != nil)
        #expect(await fixture.ledger.usage(project: "default", day: day.next) == 1700)
    }

    @Test func accountsSharingAProjectShareItsBudget() async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        let quota = Self.quota(daily: 3_500)
        let day = PacificDay(containing: YouTubeFixture.now)
        let cooking = YouTubeFixture.account("cooking", project: "shared-project")
        let travel = YouTubeFixture.account("travel", project: "shared-project")
        let music = YouTubeFixture.account("music", project: "shared-project")
        let other = YouTubeFixture.account("news", project: "other-project")
        _ = try await fixture.step.run(fixture.context(account: cooking, quota: quota))
        _ = try await fixture.step.run(fixture.context(account: travel, quota: quota))
        let failure = await stepFailure { try await fixture.step.run(fixture.context(account: music, quota: quota)) }
        #expect(failure?.kind == .quota)
        #expect(failure?.message.contains("project 'shared-project'") == true)
        _ = try await fixture.step.run(fixture.context(account: other, quota: quota))
        #expect(fixture.server.videos.count == 3)
        #expect(await fixture.ledger.usage(project: "shared-project", day: day) == 3_400)
        #expect(await fixture.ledger.usage(project: "other-project", day: day) == 1_700)
    }

    @Test func aSeparateInsertBucketDoesNotCountAgainstDailyUnits() async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        let day = PacificDay(containing: YouTubeFixture.now)
        _ = try await fixture.step.run(fixture.context(quota: Self.quota(daily: 150, bucket: "separate")))
        #expect(fixture.theOnlyVideoMatchingTheFile != nil)
        #expect(await fixture.ledger.usage(project: "default", day: day) == 100)
        #expect(await fixture.ledger.usage(project: "default/videos.insert", day: day) == 1600)
    }

    @Test func aSeparateInsertBucketStillReservesTheFollowUps() async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        let failure = await stepFailure {
            try await fixture.step.run(fixture.context(quota: Self.quota(daily: 60, bucket: "separate")))
        }
        #expect(failure?.kind == .quota)
        #expect(failure?.message.contains("needs 100 units (thumbnails.set 50 + playlistItems.insert 50)") == true)
        #expect(fixture.server.log.isEmpty)
    }

    @Test func quotaReasonsFromTheServerAreClassified() throws {
        let now = YouTubeFixture.now
        let body = { (reason: String) in
            Data(#"{"error": {"code": 400, "message": "No.", "errors": [{"reason": "\#(reason)"}]}}"#.utf8)
        }
        let upload = YouTubeErrorReply.classify(
            HTTPResponse(status: 400, headers: [:], body: body("uploadLimitExceeded")), call: .insert,
            request: "POST x",
            now: now)
        #expect(upload?.failure.kind == .quota)
        #expect(upload?.quotaReason == .uploadLimitExceeded)
        #expect(upload?.failure.retryAfter == .seconds(13 * 3600))
        let daily = YouTubeErrorReply.classify(
            HTTPResponse(status: 403, headers: [:], body: body("dailyLimitExceeded")), call: .thumbnail,
            request: "POST x", now: now)
        #expect(daily?.quotaReason == .dailyLimitExceeded)
        let bad = YouTubeErrorReply.classify(
            HTTPResponse(status: 400, headers: [:], body: body("invalidTitle")), call: .insert, request: "POST x",
            now: now)
        #expect(bad?.failure.kind == .permanent)
        #expect(bad?.quotaReason == nil)
    }
}
