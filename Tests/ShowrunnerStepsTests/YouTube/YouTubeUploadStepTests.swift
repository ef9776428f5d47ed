import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// `upload.youtube` against the fake YouTube: one upload, exactly once.
struct YouTubeUploadStepTests {
    @Test func uploadsInChunksThenSetsTheThumbnailAndThePlaylistItem() async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        let result = try await fixture.step.run(fixture.context())

        let video = try #require(fixture.theOnlyVideoMatchingTheFile)
        #expect(result.outputs["video_id"] == .string(video.id))
        #expect(result.outputs["url"] == .string("https://youtu.be/\(video.id)"))
        #expect(fixture.server.sessionCount == 1)
        #expect(fixture.server.dataPuts == 5)  // 4 × 256 KiB + the tail
        #expect(fixture.server.tokenRequests == 1)  // the token is cached for every request
        #expect(video.thumbnail == (try Data(contentsOf: fixture.thumbnail)))
        #expect(fixture.server.playlistItems.map(\.playlist) == ["PL1"])
        #expect(fixture.server.playlistItems.map(\.video) == [video.id])

        let metadata = try #require(try JSONSerialization.jsonObject(with: video.metadata) as? [String: Any])
        let snippet = try #require(metadata["snippet"] as? [String: Any])
        let status = try #require(metadata["status"] as? [String: Any])
        #expect(snippet["title"] as? String == "Five-minute pasta")
        #expect(snippet["tags"] as? [String] == ["pasta", "quick dinner"])
        #expect(snippet["categoryId"] as? String == "26")
        #expect(status["privacyStatus"] as? String == "unlisted")
        #expect(status["selfDeclaredMadeForKids"] as? Bool == false)
        #expect(status["containsSyntheticMedia"] as? Bool == true)

        let record = try #require(await fixture.uploads.sessions.first)
        #expect(record.videoID == video.id)
        #expect(record.checksum.hasPrefix("\(fixture.bytes.count):fnv1a64:"))
        #expect(await fixture.uploads.followUpRecords.map(\.action) == [.thumbnail, .playlist])
        #expect(await fixture.ledger.usage(project: "default", day: PacificDay(containing: YouTubeFixture.now)) == 1700)
    }

    @Test func aRecordedVideoIDEndsTheStepWithoutAnyRequest() async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        let first = try await fixture.step.run(fixture.context())
        let requests = fixture.server.log.count
        let second = try await fixture.step.run(fixture.context())
        #expect(second == first)
        #expect(fixture.server.log.count == requests)
        #expect(fixture.theOnlyVideoMatchingTheFile != nil)
        #expect(fixture.server.playlistItems.count == 1)
    }

    @Test func aRecordedSessionIsContinuedFromWhatTheServerHolds() async throws {
        // A first attempt gives up after the second chunk is cut (no recoveries allowed), as a crash would.
        let fixture = try YouTubeFixture(
            faults: [.dropConnection(chunk: 2, after: 100_000)], recovery: UploadRecovery(setbacks: 0, delay: .zero))
        defer { fixture.stop() }
        let failure = await stepFailure { try await fixture.step.run(fixture.context()) }
        #expect(failure?.kind == .transient)
        #expect(failure?.message.contains("continues the same upload session") == true)
        #expect(fixture.server.videos.isEmpty)
        let record = try #require(await fixture.uploads.sessions.first)
        #expect(record.sessionURI != nil)

        _ = try await fixture.step.run(fixture.context())
        #expect(fixture.server.sessionCount == 1)
        #expect(fixture.server.receivedBySession == [fixture.bytes.count])
        #expect(fixture.theOnlyVideoMatchingTheFile != nil)
        #expect(fixture.server.log.contains { $0.hasPrefix("PUT /upload/youtube/v3/videos bytes */") })
    }

    @Test func sameBytesForTheSameAccountAreNeverUploadedTwiceEvenFromAnotherRun() async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        let first = try await fixture.step.run(fixture.context())
        let copy = fixture.files.configDirectory.appendingPathComponent("copy.mp4")
        try fixture.bytes.write(to: copy)
        let again = try await fixture.step.run(fixture.context(fixture.inputs(["video": .string(copy.path)])))
        #expect(again.outputs["video_id"] == first.outputs["video_id"])
        #expect(fixture.server.videos.count == 1)
        let other = try await fixture.step.run(fixture.context(account: YouTubeFixture.account("travel")))
        #expect(other.outputs["video_id"] != first.outputs["video_id"])  // another account is another channel
        #expect(fixture.server.videos.count == 2)
    }

    @Test func aDryRunChecksAndDescribesWithoutSending() async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        let result = try await fixture.step.dryRun(fixture.context(dryRun: true))
        let description = try #require(result.outputs["description"]?.stringValue)
        #expect(description.contains("would upload \(fixture.video.path)"))
        #expect(description.contains("set the thumbnail thumb.png"))
        #expect(description.contains("add it to playlist PL1"))
        #expect(description.contains("quota: 1700 units of project 'default'"))
        #expect(fixture.server.log.isEmpty)
        #expect(await fixture.uploads.sessions.isEmpty)

        _ = try await fixture.step.run(fixture.context())
        let after = try await fixture.step.dryRun(fixture.context(dryRun: true))
        #expect(after.outputs["description"]?.stringValue?.contains("is already on YouTube as VID00000001") == true)
        #expect(after.outputs["video_id"] == .string("VID00000001"))
    }

    @Test func aDryRunRejectsACredentialsFileOfTheWrongShape() async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        try fixture.files.write(#"{"installed": {"client_id": "x"}}"#, to: "secrets/yt.json")
        let failure = await stepFailure { try await fixture.step.dryRun(fixture.context(dryRun: true)) }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.contains("OAuth client file") == true)
    }

    @Test(arguments: [
        ("title", ConfigValue.string(String(repeating: "a", count: 101)), "the title has 101 characters"),
        ("title", .string("Best <b>pasta</b>"), "the title contains '<' or '>'"),
        ("description", .string(String(repeating: "é", count: 2501)), "the description has 5002 bytes"),
        ("tags", .list((0..<60).map { .string("tag number \($0)") }), "the tags take"),
        ("publish_at", .string("2026-03-09T09:00:00+09:00"), "publish_at needs privacy 'private'"),
        ("publish_at", .string("tomorrow at nine"), "input 'publish_at' must be an RFC 3339 time"),
        ("publish_at", .string("2026-03-09T09:00:00"), "input 'publish_at' must be an RFC 3339 time"),
        ("privacy", .string("secret"), "input 'privacy' must be private, unlisted or public"),
        ("chunk_size", .int(100_000), "input 'chunk_size' must be a multiple of 256 KiB"),
        ("video", .string("/nonexistent/video.mp4"), "no file at /nonexistent/video.mp4"),
    ])
    func badInputFailsBeforeAnythingIsSent(_ name: String, _ value: ConfigValue, _ message: String) async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        let failure = await stepFailure { try await fixture.step.run(fixture.context(fixture.inputs([name: value]))) }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.contains(message) == true, "\(failure?.message ?? "no failure")")
        #expect(fixture.server.log.isEmpty)
        #expect(await fixture.uploads.sessions.isEmpty)
    }

    @Test func publishAtWithPrivateIsSentInUTC() async throws {
        let fixture = try YouTubeFixture()
        defer { fixture.stop() }
        let inputs = fixture.inputs(["privacy": .string("private"), "publish_at": .string("2026-03-09T09:00:00+09:00")])
        _ = try await fixture.step.run(fixture.context(inputs))
        let video = try #require(fixture.theOnlyVideoMatchingTheFile)
        let metadata = try JSONSerialization.jsonObject(with: video.metadata) as? [String: Any]
        let status = metadata?["status"] as? [String: Any]
        #expect(status?["publishAt"] as? String == "2026-03-09T00:00:00Z")
        #expect(status?["privacyStatus"] as? String == "private")
    }
}
