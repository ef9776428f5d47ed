import Logging
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct BuiltInStepsTests {
    @Test func theRegistryHoldsTheImplementedKindsUnderTheirCoreNames() {
        let registry = BuiltInSteps.registry(logger: Logger(label: "test"))
        #expect(
            Set(registry.keys) == [
                "topic.list", "script.template", "command", "http", "upload.local", "tts", "subtitles", "thumbnail",
                "video",
            ])
        #expect(registry.keys.allSatisfy { StepKind.builtIn[$0] != nil })
    }
}
