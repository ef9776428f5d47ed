/// One channel's configuration: one file in `accounts.d/`.
public struct Account: Sendable, Hashable {
    /// How an account names its pipeline.
    public enum PipelineReference: Sendable, Hashable {
        case named(String)
        case inline(Pipeline)
    }

    public static let idPattern = "^[a-z0-9][a-z0-9_-]{0,63}$"

    /// The stored fields, behind one copy-on-write reference: an account is kept by the registry (its last good
    /// version) and by the scheduler (desired and booked), and 600 bytes in place in each of those dictionaries
    /// were most of the daemon's memory at 10,000 accounts. Copies share the fields until one is changed. Its maps
    /// are compact (`CompactMap`): `vars` and `stepOverrides` build a dictionary when they are read.
    struct Fields: Sendable, Hashable {
        var id: String
        var name: String
        var enabled: Bool
        var channel: Channel
        var schedule: Schedule?
        var voice: Voice
        var pipeline: PipelineReference
        var vars: CompactMap<ConfigValue>
        var stepOverrides: CompactMap<StepOverrides>
        var notify: [AlertTarget] = []
        var runsOn: [String] = []
    }

    private var storage: CopyOnWrite<Fields>

    private var fields: Fields {
        get { storage.value }
        _modify { yield &storage.value }
    }

    public var id: String {
        get { fields.id }
        set { fields.id = newValue }
    }
    public var name: String {
        get { fields.name }
        set { fields.name = newValue }
    }
    public var enabled: Bool {
        get { fields.enabled }
        set { fields.enabled = newValue }
    }
    public var channel: Channel {
        get { fields.channel }
        set { fields.channel = newValue }
    }
    /// Nil only for a disabled account without a schedule.
    public var schedule: Schedule? {
        get { fields.schedule }
        set { fields.schedule = newValue }
    }
    public var voice: Voice {
        get { fields.voice }
        set { fields.voice = newValue }
    }
    public var pipeline: PipelineReference {
        get { fields.pipeline }
        set { fields.pipeline = newValue }
    }
    public var vars: [String: ConfigValue] {
        get { fields.vars.dictionary }
        set { fields.vars = CompactMap(newValue) }
    }
    public var stepOverrides: [String: StepOverrides] {
        get { fields.stepOverrides.dictionary }
        set { fields.stepOverrides = CompactMap(newValue) }
    }
    /// `notify:`: this account's own alert receivers (besides showrunner.yaml's).
    public var notify: [AlertTarget] {
        get { fields.notify }
        set { fields.notify = newValue }
    }
    /// `runs_on:`: labels a cluster node must all have to run this account (empty: any node).
    public var runsOn: [String] {
        get { fields.runsOn }
        set { fields.runsOn = newValue }
    }

    public init(
        id: String, name: String? = nil, enabled: Bool = true, channel: Channel, schedule: Schedule?,
        voice: Voice = Voice(), pipeline: PipelineReference, vars: [String: ConfigValue] = [:],
        stepOverrides: [String: StepOverrides] = [:]
    ) {
        storage = CopyOnWrite(
            Fields(
                id: id, name: name ?? id, enabled: enabled, channel: channel, schedule: schedule, voice: voice,
                pipeline: pipeline, vars: CompactMap(vars), stepOverrides: CompactMap(stepOverrides)))
    }

    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64 else { return false }
        let lowerOrDigit: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        return lowerOrDigit(first) && id.unicodeScalars.allSatisfy { lowerOrDigit($0) || $0 == "_" || $0 == "-" }
    }
}
