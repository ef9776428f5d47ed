/// One decoded config file: its value (nil when it has errors), where each key was written, and its problems.
///
/// Immutable, so it is one shared reference: the daemon's registry keeps each account's document in its file table,
/// its validation report and the snapshots it validates, and an account (over 600 bytes inline) held in place in
/// each of those dictionaries cost 3 × 10,000 copies plus the dictionaries' spare buckets.
public struct ConfigDocument<Value: Sendable>: Sendable {
    private final class Storage: Sendable {
        let path: String
        let name: String
        let value: Value?
        let sourceMap: SourceMap
        let diagnostics: [Diagnostic]
        let contentHash: String
        let refersTo: String?

        init(
            path: String, name: String, value: Value?, sourceMap: SourceMap, diagnostics: [Diagnostic],
            contentHash: String, refersTo: String?
        ) {
            self.path = path
            self.name = name
            self.value = value
            self.sourceMap = sourceMap
            self.diagnostics = diagnostics
            self.contentHash = contentHash
            self.refersTo = refersTo
        }
    }

    private let storage: Storage

    /// Relative to the config folder (`accounts.d/cooking.yaml`).
    public var path: String { storage.path }
    /// The id or name the file declares (or its stem), known even when the rest of the file is broken.
    public var name: String { storage.name }
    public var value: Value? { storage.value }
    public var sourceMap: SourceMap { storage.sourceMap }
    public var diagnostics: [Diagnostic] { storage.diagnostics }
    /// A hash of the file's bytes, so an unchanged file can be recognised on reload.
    public var contentHash: String { storage.contentHash }
    /// The named document this one uses (an account's `pipeline: shorts`), known even when the rest of the file
    /// is broken, so an unknown name is reported with the other errors.
    public var refersTo: String? { storage.refersTo }

    public init(
        path: String, name: String, value: Value?, sourceMap: SourceMap, diagnostics: [Diagnostic],
        contentHash: String = "", refersTo: String? = nil
    ) {
        storage = Storage(
            path: path, name: name, value: value, sourceMap: sourceMap, diagnostics: diagnostics,
            contentHash: contentHash, refersTo: refersTo)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
