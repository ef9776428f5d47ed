import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct UploadLocalStepTests {
    let fixture: StepFixture
    let step = UploadLocalStep()
    init() throws { fixture = try StepFixture() }

    private var outFolder: URL { fixture.configDirectory.appendingPathComponent("out/cooking") }

    private func inputs(video: String = "render/video.mp4") -> [String: ConfigValue] {
        [
            "video": .string(video), "thumbnail": .string("render/thumb.PNG"),
            "title": .string("Pasta Night: Ünïcode!"),
            "description": .string("Quick pasta."), "tags": .strings("food", "pasta"),
        ]
    }

    private func publishedNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: outFolder.path).sorted()
    }

    @Test func copiesTheVideoAndThumbnailAndWritesASidecar() async throws {
        try fixture.write("video bytes", to: "render/video.mp4")
        try fixture.write("png bytes", to: "render/thumb.PNG")
        let result = try await step.run(fixture.context(inputs()))

        let video = outFolder.appendingPathComponent("2026-03-08-pasta-night-ünïcode.mp4")
        #expect(result.outputs == ["path": .string(video.path)])
        #expect(try String(contentsOf: video, encoding: .utf8) == "video bytes")
        #expect(
            try publishedNames() == [
                "2026-03-08-pasta-night-ünïcode.json", "2026-03-08-pasta-night-ünïcode.mp4",
                "2026-03-08-pasta-night-ünïcode.png",
            ])
        #expect(result.artifacts.count == 3)

        let sidecar = try #require(
            ConfigValue.decodeJSON(
                String(contentsOf: video.deletingPathExtension().appendingPathExtension("json"), encoding: .utf8)))
        var expected = FNV1a64()
        expected.update("video bytes".utf8)
        #expect(
            sidecar == [
                "title": .string("Pasta Night: Ünïcode!"), "description": .string("Quick pasta."),
                "tags": .strings("food", "pasta"), "account_id": .string("cooking"), "run_id": .string("run-1"),
                "scheduled_at": .string("2026-03-08T09:00:00+00:00"),
                "video": .map([
                    "file": .string(video.lastPathComponent), "source": .string("video.mp4"), "bytes": .int(11),
                    "fnv1a64": .string(expected.hex),
                ]),
                "thumbnail": .map([
                    "file": .string("2026-03-08-pasta-night-ünïcode.png"), "source": .string("thumb.PNG"),
                ]),
            ])
    }

    @Test func publishingTheSameVideoAgainChangesNothing() async throws {
        try fixture.write("video bytes", to: "render/video.mp4")
        try fixture.write("png bytes", to: "render/thumb.PNG")
        let first = try await step.run(fixture.context(inputs()))
        let second = try await step.run(fixture.context(inputs(), runID: "run-2"))
        #expect(second.outputs == first.outputs)
        #expect(try publishedNames().count == 3)
        let sidecar = try String(
            contentsOf: outFolder.appendingPathComponent("2026-03-08-pasta-night-ünïcode.json"), encoding: .utf8)
        #expect(sidecar.contains(#""run_id" : "run-1""#))
    }

    @Test func otherBytesUnderATakenNameGetTheRunIDSuffix() async throws {
        try fixture.write("video bytes", to: "render/video.mp4")
        try fixture.write("png bytes", to: "render/thumb.PNG")
        _ = try await step.run(fixture.context(inputs()))
        try fixture.write("other video bytes", to: "render/video.mp4")
        let second = try await step.run(fixture.context(inputs(), runID: "run-2"))
        let suffixed = outFolder.appendingPathComponent("2026-03-08-pasta-night-ünïcode-run-2.mp4")
        #expect(second.outputs["path"] == .string(suffixed.path))
        #expect(try String(contentsOf: suffixed, encoding: .utf8) == "other video bytes")
        #expect(try publishedNames().count == 6)
        #expect(try publishedNames().allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func aMissingVideoFailsPermanently() async throws {
        let failure = await stepFailure { try await step.run(fixture.context(inputs(video: "render/none.mp4"))) }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.hasSuffix("render/none.mp4 does not exist.") == true)
    }

    @Test func anUnwritableFolderFailsPermanentlyWithTheOSError() async throws {
        try fixture.write("video bytes", to: "render/video.mp4")
        try fixture.write("png bytes", to: "render/thumb.PNG")
        try fixture.write("a file", to: "blocked")
        var inputs = inputs()
        inputs["dir"] = .string("blocked/out")
        let failure = await stepFailure { try await step.run(fixture.context(inputs)) }
        #expect(failure?.kind == .permanent)
        #expect(failure?.message.contains("blocked/out") == true)
        #expect(failure?.message.contains("Not a directory") == true, "\(String(describing: failure))")
    }

    @Test func aDryRunSaysWhereTheVideoWouldGoAndWritesNothing() async throws {
        try fixture.write("video bytes", to: "render/video.mp4")
        try fixture.write("png bytes", to: "render/thumb.PNG")
        let result = try await step.dryRun(fixture.context(inputs(), dryRun: true))
        let target = outFolder.appendingPathComponent("2026-03-08-pasta-night-ünïcode.mp4").path
        #expect(
            result.outputs["description"]
                == .string("would publish \(fixture.configDirectory.path)/render/video.mp4 at \(target)"))
        #expect(!FileManager.default.fileExists(atPath: outFolder.path))
    }

    @Test(arguments: [
        ("Pasta Night: Ünïcode!", "pasta-night-ünïcode"), ("  --Hello,   World--  ", "hello-world"),
        ("오늘의 요리", "오늘의-요리"), ("!!!", "video"),
        (String(repeating: "ab ", count: 100), String(repeating: "ab-", count: 40).dropLast(1) + ""),
    ])
    func slugs(_ title: String, _ slug: String) {
        #expect(Slug.make(title) == slug)
    }
}
