/// One decoded config file: its value (nil when it has errors), where each key was written, and its problems.
///
/// Immutable, so it is one shared reference: the daemon's registry keeps each account's document in its file table,
/// its validation report and the snapshots it validates, and an account (over 600 bytes inline) held in place in
/// each of those dictionaries cost 3 × 10,000 copies plus the dictionaries' spare buckets.
public struct ConfigDocument<Value: Sendable>: Sendable {
    /// Reads a file's source marks again (the daemon's registry: it re-reads and decodes the file).
    public typealias MarkReader = @Sendable (_ path: String) -> SourceMap

    private final class Storage: Sendable {
        let path: String
        let name: String
        let value: Value?
        /// Nil when the document dropped them; then `markReader` reads them again.
        let sourceMap: SourceMap?
        let markReader: MarkReader?
        let diagnostics: [Diagnostic]
        let contentHash: String
        let refersTo: String?

        init(
            path: String, name: String, value: Value?, sourceMap: SourceMap?, markReader: MarkReader?,
            diagnostics: [Diagnostic], contentHash: String, refersTo: String?
        ) {
            self.path = path
            self.name = name
            self.value = value
            self.sourceMap = sourceMap
            self.markReader = markReader
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
    /// Where each key was written. A document that dropped its marks reads them again on every call (one read and
    /// parse of the file): ask only to place a diagnostic, or use `placing(_:)`.
    public var sourceMap: SourceMap {
        storage.sourceMap ?? storage.markReader?(path) ?? SourceMap(file: path)
    }
    /// The marks the document keeps; nil when it dropped them.
    public var keptSourceMap: SourceMap? { storage.sourceMap }
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
            path: path, name: name, value: value, sourceMap: sourceMap, markReader: nil, diagnostics: diagnostics,
            contentHash: contentHash, refersTo: refersTo)
    }

    private init(_ storage: Storage) { self.storage = storage }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// This document without its source marks, which `reader` reads again when a diagnostic needs them. The daemon
    /// keeps thousands of account documents for its whole life, and most never have anything to report: their
    /// marks were the largest part of its memory.
    public func droppingMarks(_ reader: @escaping MarkReader) -> ConfigDocument {
        ConfigDocument(
            Storage(
                path: path, name: name, value: value, sourceMap: nil, markReader: reader, diagnostics: diagnostics,
                contentHash: contentHash, refersTo: refersTo))
    }

    /// `found` (problems in this file) with a line and column for each that names a key path but has none: a
    /// check of a document that dropped its marks places nothing, and its marks are read again only when it did
    /// find something.
    public func placing(_ found: [Diagnostic]) -> [Diagnostic] {
        guard storage.sourceMap == nil, found.contains(where: isUnplaced) else { return found }
        let map = sourceMap
        return found.map { isUnplaced($0) ? map.placing($0) : $0 }
    }

    private func isUnplaced(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.file == path && diagnostic.line == nil && diagnostic.keyPath != nil
    }
}
