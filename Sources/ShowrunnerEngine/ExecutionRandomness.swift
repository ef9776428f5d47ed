/// The executor's randomness: retry-delay jitter and the pick of a random index (topics, run ids).
public struct ExecutionRandomness: Sendable {
    /// A retry-delay jitter factor in 0.8...1.2.
    public var jitter: @Sendable () -> Double
    /// A random integer in `0..<upperBound`.
    public var randomIndex: @Sendable (_ upperBound: Int) -> Int

    public init(
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0.8...1.2) },
        randomIndex: @escaping @Sendable (Int) -> Int = { Int.random(in: 0..<max($0, 1)) }
    ) {
        self.jitter = jitter
        self.randomIndex = randomIndex
    }
}
