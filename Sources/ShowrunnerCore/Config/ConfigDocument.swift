/// One decoded config file: its value (nil when it has errors), where each key was written, and its problems.
public struct ConfigDocument<Value: Sendable>: Sendable {
    /// Relative to the config folder (`accounts.d/cooking.yaml`).
    public let path: String
    /// The id or name the file declares (or its stem), known even when the rest of the file is broken.
    public let name: String
    public let value: Value?
    public let sourceMap: SourceMap
    public let diagnostics: [Diagnostic]
    /// A hash of the file's bytes, so an unchanged file can be recognised on reload.
    public let contentHash: String
    /// The named document this one uses (an account's `pipeline: shorts`), known even when the rest of the file
    /// is broken, so an unknown name is reported with the other errors.
    public let refersTo: String?

    public init(
        path: String, name: String, value: Value?, sourceMap: SourceMap, diagnostics: [Diagnostic],
        contentHash: String = "", refersTo: String? = nil
    ) {
        self.refersTo = refersTo
        self.path = path
        self.name = name
        self.value = value
        self.sourceMap = sourceMap
        self.diagnostics = diagnostics
        self.contentHash = contentHash
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
