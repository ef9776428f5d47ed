import Logging
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct BuiltInStepsTests {
    @Test func theRegistryHoldsTheImplementedKindsUnderTheirCoreNames() {
        let steps = BuiltInSteps.standardSteps(logger: Logger(label: "test"))
        #expect(
            Set(steps.keys) == [
                "topic.list", "script.template", "command", "http", "upload.local", "tts", "subtitles", "thumbnail",
                "video",
            ])
        #expect(steps.keys.allSatisfy { StepKind.builtIn[$0] != nil })
    }
}
