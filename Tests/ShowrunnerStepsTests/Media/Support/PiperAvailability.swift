import Foundation
import ShowrunnerCore

@testable import ShowrunnerSteps

/// Whether the project's venv has Piper and its default voice (`scripts/install-deps.sh`); the Piper tests are
/// skipped without it unless `SHOWRUNNER_REQUIRE_PIPER=1` (CI) makes them run and fail.
enum PiperAvailability {
    static var runtime: PiperRuntime? {
        try? PiperRuntime.resolve(Voice(provider: .piper), configDirectory: URL(fileURLWithPath: "/nonexistent"))
    }

    static var shouldRun: Bool {
        runtime != nil || ProcessInfo.processInfo.environment["SHOWRUNNER_REQUIRE_PIPER"] == "1"
    }
}
