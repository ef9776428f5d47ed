import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// Each attempt writes in its own folder; only a finished attempt's files are renamed into the step's folder.
struct AttemptWorkspaceTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    private var artifacts: URL { fixture.artifactsDirectory }

    private func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: artifacts.path).sorted()
    }

    @Test func aFinishedAttemptPublishesItsFilesAndRemovesItsFolder() async throws {
        let workspace = try AttemptWorkspace.open(fixture.context([:], attempt: 3))
        #expect(workspace.folder.lastPathComponent == ".attempt-3")
        let (path, value) = try await workspace.produce("video.mp4") { folder in
            try Data("video".utf8).write(to: folder.appendingPathComponent("video.mp4"))
            try Data("ass".utf8).write(to: folder.appendingPathComponent("subtitles.ass"))
            return 42
        }
        #expect(path == artifacts.appendingPathComponent("video.mp4"))
        #expect(value == 42)
        #expect(try entries() == ["subtitles.ass", "video.mp4"])
        #expect(try String(contentsOf: path, encoding: .utf8) == "video")
    }

    @Test func aFailedAttemptLeavesThePublishedFileAsItWas() async throws {
        try Data("old".utf8).write(to: artifacts.appendingPathComponent("video.mp4"))
        let workspace = try AttemptWorkspace.open(fixture.context([:], attempt: 2))
        await #expect(throws: StepFailure.self) {
            _ = try await workspace.produce("video.mp4") { folder in
                try Data("half".utf8).write(to: folder.appendingPathComponent("video.mp4"))
                throw StepFailure(.transient, "the render broke.")
            }
        }
        #expect(try entries() == ["video.mp4"])
        #expect(try String(contentsOf: artifacts.appendingPathComponent("video.mp4"), encoding: .utf8) == "old")
    }

    @Test func anAttemptRemovesTheFoldersOfEarlierAttempts() throws {
        let stale = artifacts.appendingPathComponent(".attempt-1")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data("garbage".utf8).write(to: stale.appendingPathComponent("video.mp4"))
        _ = try AttemptWorkspace.open(fixture.context([:], attempt: 2))
        #expect(try entries() == [".attempt-2"])
    }

    @Test func aVideoIsRenderedInTheAttemptsFolderAndPublishedChecked() async throws {
        try fixture.write(WAVFixture.tone(seconds: 1, sampleRate: 8_000), to: "tone.wav")
        let stale = artifacts.appendingPathComponent(".attempt-1")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        let context = fixture.context(
            ["audio": .string("tone.wav"), "format": .string("landscape")], attempt: 2)
        let result = try await VideoStep().run(context)
        #expect(result.outputs["video"] == .string(artifacts.appendingPathComponent("video.mp4").path))
        #expect(try entries() == ["video.mp4"])
        #expect(try await MediaProbe.probe(artifacts.appendingPathComponent("video.mp4")).duration > 0.9)
    }
}
