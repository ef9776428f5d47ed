/// How much of the machine a run may use at once.
public struct ExecutionLimits: Sendable {
    /// Steps of one run running in parallel.
    public var maxParallelSteps: Int
    /// Per-kind bounds shared by every run (video: one per core).
    public var kindLimiter: KindLimiter

    public init(maxParallelSteps: Int = 4, kindLimiter: KindLimiter = .standard) {
        self.maxParallelSteps = maxParallelSteps
        self.kindLimiter = kindLimiter
    }
}
