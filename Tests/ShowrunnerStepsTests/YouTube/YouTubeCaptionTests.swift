import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// `upload.youtube` with `captions: true` against the fake YouTube: the SRT becomes one caption track (multipart
/// `captions.insert`), its quota cost is configuration, and a failed insert is retried without a second video.
struct YouTubeCaptionTests {
    static let srt = "1\n00:00:00,000 --> 00:00:02,500\nPasta in five minutes.\n\n"

    func inputs(_ fixture: YouTubeFixture) throws -> [String: ConfigValue] {
        let file = fixture.files.configDirectory.appendingPathComponent("subtitles.srt")
        try Data(Self.srt.utf8).write(to: file)
        return fixture.inputs(["captions": .bool(true), "srt": .string(file.path)])
    }

    @Test func theSRTIsUploadedAsACaptionTrackOfTheVideo() async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        var quota = ProviderSettings.Quota()
        quota.captionInsertCost = 123
        _ = try await fixture.step.run(fixture.context(try inputs(fixture), quota: quota))

        let video = try #require(fixture.theOnlyVideoMatchingTheFile)
        let tracks = fixture.server.captionTracks
        #expect(tracks.map(\.video) == [video.id])
        #expect(tracks.map(\.language) == ["en"])
        #expect(tracks.first.map { String(decoding: $0.file, as: UTF8.self) } == Self.srt)
        #expect(await fixture.uploads.followUpRecords.map(\.action) == [.thumbnail, .playlist, .captions])
        // insert 1600 + thumbnail 50 + playlist item 50 + the configured caption cost.
        #expect(await fixture.ledger.usage(project: "default", day: PacificDay(containing: YouTubeFixture.now)) == 1823)

        _ = try await fixture.step.run(fixture.context(try inputs(fixture), quota: quota))
        #expect(fixture.server.captionTracks.count == 1)  // recorded: a second run inserts nothing
    }

    @Test func aFailedCaptionInsertIsRetriedWithoutUploadingTheVideoAgain() async throws {
        let fixture = try YouTubeFixture(faults: [.captionError(status: 503)])
        defer { fixture.stop() }
        let failure = await stepFailure { try await fixture.step.run(fixture.context(try inputs(fixture))) }
        #expect(failure?.kind == .transient)
        #expect(failure?.message.contains("captions") == true)
        #expect(fixture.server.captionTracks.isEmpty)

        _ = try await fixture.step.run(fixture.context(try inputs(fixture)))
        #expect(fixture.server.videos.count == 1)
        #expect(fixture.server.sessionCount == 1)
        #expect(fixture.server.captionTracks.count == 1)
    }

    @Test func captionsWithoutAnSRTFailBeforeAnythingIsSent() async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        let failure = await stepFailure {
            try await fixture.step.run(fixture.context(fixture.inputs(["captions": .bool(true)])))
        }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.contains("captions: true needs an SRT") == true)
        #expect(fixture.server.log.isEmpty)
    }
}
