/// What a successful step attempt produced: named outputs (JSON values) and the files it wrote.
public struct StepResult: Sendable, Equatable {
    public var outputs: [String: ConfigValue]
    /// Paths of files the step created (inside its artifacts folder, or wherever it published them).
    public var artifacts: [String]
    /// Set when the step found nothing to do: the run ends here as `skipped`.
    public var skipsRun: RunSkip?

    public init(outputs: [String: ConfigValue], artifacts: [String] = [], skipsRun: RunSkip? = nil) {
        self.outputs = outputs
        self.artifacts = artifacts
        self.skipsRun = skipsRun
    }
}
