import Foundation

extension StepFixture {
    /// Runs ffmpeg with `arguments` (after `-v error -y`) in the config folder, for making test inputs.
    func ffmpeg(_ arguments: [String]) async throws {
        try await MediaProbe.run("ffmpeg", ["-v", "error", "-nostdin", "-y"] + arguments, in: configDirectory)
    }
}
