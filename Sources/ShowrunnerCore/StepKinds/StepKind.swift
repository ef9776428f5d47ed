/// What a built-in step kind (`uses:`) takes and produces, declared in Core so validation can check templates
/// before any step runs.
public struct StepKind: Sendable, Hashable {
    /// One input of a kind.
    public struct Input: Sendable, Hashable {
        public let name: String
        public let required: Bool
        /// When the input is not given in `with:`, it is taken from this output of the nearest ancestor step
        /// that declares it (`video.audio` ← the `tts` step's `audio`).
        public let wiredFrom: String?

        public init(_ name: String, required: Bool = false, from wiredFrom: String? = nil) {
            self.name = name
            self.required = required
            self.wiredFrom = wiredFrom
        }
    }

    public let name: String
    public let inputs: [Input]
    public let outputs: [String]
    /// `command` prints any JSON object: every output name is accepted.
    public let acceptsAnyOutput: Bool
    /// Sends something out of the machine or changes the world (`--dry-run` describes it instead).
    public let hasSideEffects: Bool
    /// At least one of these inputs must be given (`topic.list`: `items` or `file`).
    public let requiresOneOf: [String]

    init(
        _ name: String, inputs: [Input], outputs: [String], acceptsAnyOutput: Bool = false,
        hasSideEffects: Bool = false, requiresOneOf: [String] = []
    ) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
        self.acceptsAnyOutput = acceptsAnyOutput
        self.hasSideEffects = hasSideEffects
        self.requiresOneOf = requiresOneOf
    }

    public func input(_ name: String) -> Input? { inputs.first { $0.name == name } }

    public func declares(output: String) -> Bool { acceptsAnyOutput || outputs.contains(output) }
}
