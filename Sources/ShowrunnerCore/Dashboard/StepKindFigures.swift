/// The finished attempts of one step kind in `StatsReport`; the percentiles are of the succeeded ones.
public struct StepKindFigures: Sendable, Equatable, Encodable {
    /// The `uses:` kind; the step id when its pipeline is no longer configured.
    public var kind: String
    public var attempts: Int
    public var failed: Int
    public var p50Milliseconds: Double?
    public var p95Milliseconds: Double?

    public init(kind: String, attempts: Int, failed: Int, p50Milliseconds: Double?, p95Milliseconds: Double?) {
        self.kind = kind
        self.attempts = attempts
        self.failed = failed
        self.p50Milliseconds = p50Milliseconds
        self.p95Milliseconds = p95Milliseconds
    }

    enum CodingKeys: String, CodingKey {
        case kind, attempts, failed
        case p50Milliseconds = "p50_ms"
        case p95Milliseconds = "p95_ms"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(failed, forKey: .failed)
        try container.encode(p50Milliseconds, forKey: .p50Milliseconds)
        try container.encode(p95Milliseconds, forKey: .p95Milliseconds)
    }
}
