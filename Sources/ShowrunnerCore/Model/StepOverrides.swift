/// An account's changes to one pipeline step, keyed by step id in the account's `steps:`.
/// Never a step's `uses`: which steps an account runs is its pipeline's (`validate`'s YouTube check relies on it).
public struct StepOverrides: Sendable, Hashable {
    /// `with:`, compact as the account keeps it (`CompactMap`).
    private var storedWith: CompactMap<ConfigValue>
    public var with: [String: ConfigValue] {
        get { storedWith.dictionary }
        set { storedWith = CompactMap(newValue) }
    }
    public var retry: RetryOverrides?
    public var timeout: Duration?
    public var optional: Bool?

    public init(
        with: [String: ConfigValue] = [:], retry: RetryOverrides? = nil, timeout: Duration? = nil,
        optional: Bool? = nil
    ) {
        storedWith = CompactMap(with)
        self.retry = retry
        self.timeout = timeout
        self.optional = optional
    }
}
