import Foundation
import ShowrunnerCore

/// A temporary config folder and artifacts folder, and `StepContext`s pointing at them. Removed on deinit.
final class StepFixture: Sendable {
    let root: URL
    let configDirectory: URL
    let artifactsDirectory: URL
    let topics = InMemoryTopicStore()
    /// The stores a context gets: `topics`, and empty upload and quota stores.
    var stores: StepStores { StepStores(topics: topics, uploads: InMemoryUploadStore(), quota: InMemoryQuotaLedger()) }
    static let account = Account(
        id: "cooking", channel: Channel(type: "cooking"), schedule: nil, pipeline: .named("shorts"))
    /// 2026-03-08T09:00:00Z.
    static let scheduledAt = Date(timeIntervalSince1970: 1_772_960_400)

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("steps-\(UUID().uuidString)")
        configDirectory = root.appendingPathComponent("config")
        artifactsDirectory = root.appendingPathComponent("state/runs/run-1/step")
        for folder in [configDirectory, artifactsDirectory] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// `voice` and `settings` for the media steps; `artifacts` replaces the step's artifacts folder.
    func context(
        _ inputs: [String: ConfigValue], runID: String = "run-1", attempt: Int = 1, dryRun: Bool = false,
        voice: Voice = Voice(),
        settings: DaemonSettings = DaemonSettings(), artifacts: URL? = nil,
        randomIndex: @escaping @Sendable (Int) -> Int = { _ in 0 },
        redact: @escaping @Sendable (String) -> String = { $0 },
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) -> StepContext {
        var account = Self.account
        account.voice = voice
        let run = RunRecord(
            id: runID, accountID: account.id, pipeline: "shorts", trigger: .schedule, scheduledAt: Self.scheduledAt,
            createdAt: Self.scheduledAt)
        return StepContext(
            inputs: inputs, account: account, run: run, stepID: "step", attempt: attempt,
            artifactsDirectory: artifacts ?? artifactsDirectory, configDirectory: configDirectory, settings: settings,
            dryRun: dryRun, now: { Self.scheduledAt }, randomIndex: randomIndex, stores: stores, redact: redact,
            progress: progress)
    }

    /// Writes `text` to a file below the config folder, creating folders; returns its URL.
    @discardableResult
    func write(_ text: String, to path: String) throws -> URL { try write(Array(text.utf8), to: path) }

    /// Writes `bytes` to a file below the config folder, creating folders; returns its URL.
    @discardableResult
    func write(_ bytes: [UInt8], to path: String) throws -> URL {
        let url = configDirectory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }
}

extension ConfigValue {
    static func strings(_ items: String...) -> ConfigValue { .list(items.map { .string($0) }) }
}

/// The `StepFailure` a step threw, or nil when it succeeded or threw something else.
func stepFailure(_ body: () async throws -> StepResult) async -> StepFailure? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error as? StepFailure
    }
}
