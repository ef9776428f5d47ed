/// What a successful step attempt produced: named outputs (JSON values) and the files it wrote.
public struct StepResult: Sendable, Equatable {
    public var outputs: [String: ConfigValue]
    /// Paths of files the step created (inside its artifacts folder, or wherever it published them).
    public var artifacts: [String]

    public init(outputs: [String: ConfigValue], artifacts: [String] = []) {
        self.outputs = outputs
        self.artifacts = artifacts
    }
}
