import Foundation

/// Everything one step attempt may use: its rendered inputs, the account, the run, and the seams for time,
/// randomness, state and progress.
public struct StepContext: Sendable {
    /// `with:` after templates were rendered and secrets resolved.
    public let inputs: [String: ConfigValue]
    public let account: Account
    public let run: RunRecord
    public let stepID: String
    public let attempt: Int
    /// `STATE/runs/<run-id>/<step-id>/`, created before the step runs.
    public let artifactsDirectory: URL
    /// Relative paths in inputs are relative to this folder.
    public let configDirectory: URL
    public let settings: DaemonSettings
    public let dryRun: Bool
    public let now: @Sendable () -> Date
    /// A random integer in `0..<upperBound`.
    public let randomIndex: @Sendable (_ upperBound: Int) -> Int
    public let stores: StepStores
    /// Replaces every resolved secret value in `text` with `***`.
    public let redact: @Sendable (String) -> String
    /// A short line of live progress (`encoding 42%`).
    public let progress: @Sendable (String) -> Void

    public init(
        inputs: [String: ConfigValue], account: Account, run: RunRecord, stepID: String, attempt: Int,
        artifactsDirectory: URL, configDirectory: URL, settings: DaemonSettings = DaemonSettings(),
        dryRun: Bool = false, now: @escaping @Sendable () -> Date = { Date() },
        randomIndex: @escaping @Sendable (Int) -> Int = { Int.random(in: 0..<max($0, 1)) },
        stores: StepStores,
        redact: @escaping @Sendable (String) -> String = { $0 },
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.inputs = inputs
        self.account = account
        self.run = run
        self.stepID = stepID
        self.attempt = attempt
        self.artifactsDirectory = artifactsDirectory
        self.configDirectory = configDirectory
        self.settings = settings
        self.dryRun = dryRun
        self.now = now
        self.randomIndex = randomIndex
        self.stores = stores
        self.redact = redact
        self.progress = progress
    }

    /// A path input resolved against the config folder (absolute paths stay as they are).
    public func path(_ text: String) -> URL {
        text.hasPrefix("/") ? URL(fileURLWithPath: text) : configDirectory.appendingPathComponent(text)
    }
}
