import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerSteps

struct ThumbnailStepTests {
    let fixture: StepFixture
    let step = ThumbnailStep()
    init() throws { fixture = try StepFixture() }

    private func draw(_ inputs: [String: ConfigValue]) async throws -> MediaProbe.Report {
        let result = try await step.run(fixture.context(inputs))
        guard case .string(let path)? = result.outputs["image"] else {
            throw ProgramFailed(program: "thumbnail", arguments: [])
        }
        #expect(path.hasSuffix("/thumbnail.png") && result.artifacts == [path])
        return try await MediaProbe.probe(URL(fileURLWithPath: path))
    }

    @Test func aColourThumbnailIsA1280By720PNG() async throws {
        let probed = try await draw([
            "title": .string("Ten-minute garlic pasta: the 100% foolproof way"), "background": .string("#1d3557"),
        ])
        #expect(probed.video?.codec_name == "png")
        #expect(probed.video?.width == 1280 && probed.video?.height == 720)
        let lines = try FileManager.default.contentsOfDirectory(atPath: fixture.artifactsDirectory.path)
            .filter { $0.hasPrefix("title-") }
        #expect(lines.count >= 2)
    }

    @Test func anImageIsScaledAndCroppedToFill() async throws {
        try await fixture.ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=600x900", "-frames:v", "1", "tall.jpg"])
        let probed = try await draw([
            "title": .string("Pasta"), "background": .string("tall.jpg"), "text_color": .string("yellow"),
        ])
        #expect(probed.video?.width == 1280 && probed.video?.height == 720)
    }

    @Test func badInputsAreClearPermanentFailures() async {
        func failure(_ inputs: [String: ConfigValue]) async -> StepFailure? {
            await Result(asyncCatching: { try await step.run(fixture.context(inputs)) }).failure
        }
        #expect(
            await failure(["title": .string("Pasta"), "background": .string("gone.png")])
                == StepFailure(
                    .permanent,
                    "input 'background': the background file \(fixture.configDirectory.path)/gone.png does not exist."))
        #expect(
            await failure(["title": .string(" ")])
                == StepFailure(.permanent, "input 'title' is empty; the step step needs it."))
        #expect(
            await failure(["title": .string("Pasta"), "text_color": .string("glow")])
                == StepFailure(.permanent, "input 'text_color': 'glow' is not a colour (#rrggbb or a name like white).")
        )
    }
}
