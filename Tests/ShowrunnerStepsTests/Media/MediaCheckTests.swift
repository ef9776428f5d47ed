import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// A media file is checked before a step reports it: a truncated or garbled file fails the attempt (transiently).
struct MediaCheckTests {
    let fixture: StepFixture
    let check = MediaCheck(tool: MediaTool())
    init() throws { fixture = try StepFixture() }

    @Test(
        arguments: [
            (2.0, 2.0, nil), (2.4, 2.0, nil), (1.6, 2.0, nil), (3.0, 2.0, "it lasts 3.000 s instead of 2.000 s"),
            (101.5, 100.0, nil), (103.0, 100.0, "it lasts 103.000 s instead of 100.000 s"),
            (nil, 2.0, "ffprobe finds no duration"), (0.0, nil, "ffprobe finds no duration"), (5.0, nil, nil),
        ] as [(Double?, Double?, String?)])
    func durationProblem(_ measured: Double?, _ expected: Double?, _ problem: String?) {
        #expect(MediaCheck.durationProblem(measured: measured, expected: expected) == problem)
    }

    /// A 3-second 160×120 H.264/AAC MP4 with its index at the front, as the video step writes them.
    private func clip() async throws -> URL {
        try await fixture.ffmpeg([
            "-f", "lavfi", "-i", "testsrc2=s=160x120:r=30", "-f", "lavfi", "-i", "sine=f=440:sample_rate=44100",
            "-t", "3", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac",
            "-movflags", "+faststart", "clip.mp4",
        ])
        return fixture.configDirectory.appendingPathComponent("clip.mp4")
    }

    @Test func aWholeVideoPasses() async throws {
        try await check.verify(try await clip(), what: "video", expected: 3)
    }

    enum Damage: String, CaseIterable, Sendable {
        case truncated, zeroedEnd, empty, tooShort
    }

    @Test(arguments: Damage.allCases)
    func aDamagedVideoFailsTheCheck(_ damage: Damage) async throws {
        let file = try await clip()
        var bytes = try Data(contentsOf: file)
        var expected = 3.0
        switch damage {
        case .truncated: bytes = bytes.prefix(bytes.count * 7 / 10)
        case .zeroedEnd: bytes.replaceSubrange((bytes.count * 7 / 10)..., with: Data(count: bytes.count * 3 / 10))
        case .empty: bytes = Data()
        case .tooShort: expected = 10
        }
        try bytes.write(to: file)

        let failure = await stepFailure {
            try await check.verify(file, what: "video", expected: expected)
            return StepResult(outputs: [:])
        }
        #expect(failure?.kind == .transient)
        #expect(failure?.message.hasPrefix("the video clip.mp4 ") == true, "\(String(describing: failure))")
    }

    @Test func aTruncatedThumbnailFailsTheCheck() async throws {
        try await fixture.ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=320x180", "-frames:v", "1", "thumb.png"])
        let file = fixture.configDirectory.appendingPathComponent("thumb.png")
        try await check.verifyImage(file, what: "thumbnail")
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 2).write(to: file)
        let failure = await stepFailure {
            try await check.verifyImage(file, what: "thumbnail")
            return StepResult(outputs: [:])
        }
        #expect(failure?.kind == .transient)
    }
}
