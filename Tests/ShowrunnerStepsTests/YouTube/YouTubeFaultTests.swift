import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerSteps

/// Every fault ends in exactly one complete video whose bytes are the file, or in a clear failure without one.
struct YouTubeFaultTests {
    @Test(arguments: [
        [FakeYouTubeServer.Fault.dropConnection(chunk: 2, after: 100_000)],
        [.dropConnection(chunk: 1, after: 0), .dropConnection(chunk: 4, after: 262_143)],
        [
            .serverError(chunk: 2, status: 503), .serverError(chunk: 3, status: 503),
            .serverError(chunk: 5, status: 500),
        ],
        [.keepPartially(chunk: 1, keep: 100_000), .keepPartially(chunk: 3, keep: 0)],
        [.keepPartially(chunk: 5, keep: 1)],
        [.expireAccessToken],
        [.dropConnection(chunk: 3, after: 5), .serverError(chunk: 4, status: 503), .keepPartially(chunk: 6, keep: 7)],
    ])
    func endsInExactlyOneCompleteVideo(_ faults: [FakeYouTubeServer.Fault]) async throws {
        let fixture = try YouTubeFixture(faults: faults)
        defer { fixture.stop() }
        let result = try await fixture.step.run(fixture.context())
        let video = try #require(fixture.theOnlyVideoMatchingTheFile)
        #expect(result.outputs["video_id"] == .string(video.id))
        #expect(fixture.server.sessionCount == 1)
        #expect(fixture.server.playlistItems.count == 1)
    }

    @Test func anExpiredAccessTokenIsRefreshedOnceAndTheCallRepeated() async throws {
        let fixture = try YouTubeFixture(faults: [.expireAccessToken])
        defer { fixture.stop() }
        _ = try await fixture.step.run(fixture.context())
        #expect(fixture.server.tokenRequests == 2)
        #expect(fixture.server.log.filter { $0.contains("→ 401") }.count == 1)
    }

    @Test func anExpiredSessionStartsANewOneBecauseNoVideoWasRecorded() async throws {
        let fixture = try YouTubeFixture(faults: [.expireSession(afterChunk: 2)])
        defer { fixture.stop() }
        _ = try await fixture.step.run(fixture.context())
        #expect(fixture.server.sessionCount == 2)
        #expect(fixture.theOnlyVideoMatchingTheFile != nil)
        #expect(fixture.server.receivedBySession == [2 * YouTubeFixture.chunk, fixture.bytes.count])
        let day = PacificDay(containing: YouTubeFixture.now)
        #expect(await fixture.ledger.usage(project: "default", day: day) == 2 * 1600 + 50 + 50)
    }

    @Test func tooManyFailuresInARowFailTransientAndTheRetryContinuesTheSameSession() async throws {
        let errors = (2...6).map { FakeYouTubeServer.Fault.serverError(chunk: $0, status: 503) }
        let fixture = try YouTubeFixture(faults: errors)
        defer { fixture.stop() }
        let failure = await stepFailure { try await fixture.step.run(fixture.context()) }
        #expect(failure?.kind == .transient)
        #expect(failure?.message.contains("gave up after 4 recoveries") == true, "\(failure?.message ?? "")")
        #expect(fixture.server.videos.isEmpty)

        _ = try await fixture.step.run(fixture.context())
        #expect(fixture.server.sessionCount == 1)
        #expect(fixture.theOnlyVideoMatchingTheFile != nil)
    }

    @Test func invalidGrantIsAnAuthFailureThatSaysWhatToDoAndShowsNoSecret() async throws {
        let fixture = try YouTubeFixture(faults: [.invalidGrant])
        defer { fixture.stop() }
        let failure = try #require(await stepFailure { try await fixture.step.run(fixture.context()) })
        #expect(failure.kind == .auth)
        #expect(failure.message.contains("revoked or has expired"))
        #expect(failure.message.contains("7 days"))
        #expect(failure.message.contains("showrunner auth youtube"))
        #expect(!failure.message.contains(YouTubeFixture.refreshToken))
        #expect(!failure.message.contains(YouTubeFixture.clientSecret))
        #expect(fixture.server.sessionCount == 0)
        #expect(fixture.server.videos.isEmpty)
    }

    @Test func quotaExceededWaitsForMidnightPacificAndMarksTheDaySpent() async throws {
        let fixture = try YouTubeFixture(faults: [.quotaExceeded])
        defer { fixture.stop() }
        let failure = try #require(await stepFailure { try await fixture.step.run(fixture.context()) })
        #expect(failure.kind == .quota)
        #expect(failure.retryAfter == .seconds(13 * 3600))  // 11:00 PDT (DST began at 2:00 that day) → midnight
        #expect(failure.message.contains("quotaExceeded"))
        #expect(fixture.server.videos.isEmpty)
        let day = PacificDay(containing: YouTubeFixture.now)
        #expect(await fixture.ledger.usage(project: "default", day: day) == 10_000)

        // The next upload of the day does not even ask.
        let requests = fixture.server.log.count
        let again = try #require(await stepFailure { try await fixture.step.run(fixture.context()) })
        #expect(again.kind == .quota)
        #expect(fixture.server.log.count == requests)
    }

    @Test func aThumbnailFailureAfterTheVideoExistsNeverUploadsAgain() async throws {
        let fixture = try YouTubeFixture(faults: [.thumbnailError(status: 503)])
        defer { fixture.stop() }
        let failure = await stepFailure { try await fixture.step.run(fixture.context()) }
        #expect(failure?.kind == .transient)
        #expect(fixture.server.videos.count == 1)
        let puts = fixture.server.dataPuts

        let result = try await fixture.step.run(fixture.context())
        let video = try #require(fixture.theOnlyVideoMatchingTheFile)
        #expect(result.outputs["video_id"] == .string(video.id))
        #expect(fixture.server.dataPuts == puts)
        #expect(fixture.server.sessionCount == 1)
        #expect(video.thumbnail != nil)
        #expect(fixture.server.playlistItems.count == 1)
    }
}
