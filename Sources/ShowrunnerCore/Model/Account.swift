/// One channel's configuration: one file in `accounts.d/`.
public struct Account: Sendable, Hashable {
    /// How an account names its pipeline.
    public enum PipelineReference: Sendable, Hashable {
        case named(String)
        case inline(Pipeline)
    }

    public static let idPattern = "^[a-z0-9][a-z0-9_-]{0,63}$"

    public var id: String
    public var name: String
    public var enabled: Bool
    public var channel: Channel
    /// Nil only for a disabled account without a schedule.
    public var schedule: Schedule?
    public var voice: Voice
    public var pipeline: PipelineReference
    public var vars: [String: ConfigValue]
    public var stepOverrides: [String: StepOverrides]
    /// `notify:`: this account's own alert receivers (besides showrunner.yaml's).
    public var notify: [AlertTarget] = []
    /// `runs_on:`: labels a cluster node must all have to run this account (empty: any node).
    public var runsOn: [String] = []

    public init(
        id: String, name: String? = nil, enabled: Bool = true, channel: Channel, schedule: Schedule?,
        voice: Voice = Voice(), pipeline: PipelineReference, vars: [String: ConfigValue] = [:],
        stepOverrides: [String: StepOverrides] = [:]
    ) {
        self.id = id
        self.name = name ?? id
        self.enabled = enabled
        self.channel = channel
        self.schedule = schedule
        self.voice = voice
        self.pipeline = pipeline
        self.vars = vars
        self.stepOverrides = stepOverrides
    }

    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64 else { return false }
        let lowerOrDigit: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        return lowerOrDigit(first) && id.unicodeScalars.allSatisfy { lowerOrDigit($0) || $0 == "_" || $0 == "-" }
    }
}
