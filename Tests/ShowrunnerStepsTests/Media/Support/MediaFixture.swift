import Foundation
import ShowrunnerCore

/// A temporary config folder and artifacts folder for the media steps, and contexts with a chosen voice and
/// provider settings. Removed on deinit.
final class MediaFixture: Sendable {
    let root: URL
    let configDirectory: URL
    let artifactsDirectory: URL
    let topics = InMemoryTopicStore()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("media-\(UUID().uuidString)")
        configDirectory = root.appendingPathComponent("config")
        artifactsDirectory = root.appendingPathComponent("state/runs/run-1/step")
        for folder in [configDirectory, artifactsDirectory] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func context(
        _ inputs: [String: ConfigValue], voice: Voice = Voice(), settings: DaemonSettings = DaemonSettings(),
        artifacts: URL? = nil, redact: @escaping @Sendable (String) -> String = { $0 },
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) -> StepContext {
        let account = Account(
            id: "cooking", channel: Channel(type: "cooking"), schedule: nil, voice: voice, pipeline: .named("shorts"))
        let run = RunRecord(
            id: "run-1", accountID: account.id, pipeline: "shorts", trigger: .schedule,
            scheduledAt: StepFixture.scheduledAt, createdAt: StepFixture.scheduledAt)
        return StepContext(
            inputs: inputs, account: account, run: run, stepID: "step", attempt: 1,
            artifactsDirectory: artifacts ?? artifactsDirectory, configDirectory: configDirectory, settings: settings,
            now: { StepFixture.scheduledAt }, topics: topics, redact: redact, progress: progress)
    }

    /// Writes `bytes` below the config folder; returns its URL.
    @discardableResult
    func write(_ bytes: [UInt8], to path: String) throws -> URL {
        let url = configDirectory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }

    /// Runs ffmpeg with `arguments` (after `-v error -y`) in the config folder, for making test inputs.
    func ffmpeg(_ arguments: [String]) throws {
        try MediaProbe.run("ffmpeg", ["-v", "error", "-nostdin", "-y"] + arguments, in: configDirectory)
    }
}
