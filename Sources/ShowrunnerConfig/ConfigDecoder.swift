import Foundation
import ShowrunnerCore

/// Decodes config file text into documents; pure, so tests and the watcher can feed text directly.
public enum ConfigDecoder {
    /// `path` is relative to the config folder (`accounts.d/cooking.yaml`); the stem is the default id.
    /// `knownID` is the id to assume when the file is not YAML at all (the watcher passes the id the file had, so
    /// a half-saved file keeps its account's last good version even when its `id:` differs from its name).
    public static func account(text: String, path: String, knownID: String? = nil) -> ConfigDocument<Account> {
        account(text: text, path: path, knownID: knownID, composer: .events)
    }

    /// `composer` picks the YAML reader (the differential test compares the two); `marks: false` records no
    /// source marks (see `NodeReader.recordsMarks`).
    static func account(
        text: String, path: String, knownID: String? = nil, composer: YAMLFile.Composer, hash: String? = nil,
        marks: Bool = true
    ) -> ConfigDocument<Account> {
        var reader = NodeReader(file: path, recordsMarks: marks)
        let stem = ConfigFiles.stem(of: path)
        let root = YAMLFile.compose(text, file: path, reader: &reader, composer: composer)
        let account = root.flatMap { AccountDecoder.decode($0, stem: stem, reader: &reader) }
        let name = root == nil ? knownID ?? stem : AccountDecoder.declaredID(root, stem: stem)
        return ConfigDocument(
            path: path, name: name, value: account, sourceMap: reader.sourceMap, diagnostics: reader.diagnostics,
            contentHash: hash ?? ContentHash.of(text), refersTo: AccountDecoder.pipelineName(root))
    }

    public static func pipeline(text: String, path: String) -> ConfigDocument<Pipeline> {
        pipeline(text: text, path: path, composer: .events)
    }

    static func pipeline(
        text: String, path: String, composer: YAMLFile.Composer, hash: String? = nil
    ) -> ConfigDocument<Pipeline> {
        var reader = NodeReader(file: path)
        let stem = ConfigFiles.stem(of: path)
        let root = YAMLFile.compose(text, file: path, reader: &reader, composer: composer)
        let pipeline = root.flatMap { PipelineDecoder.decode($0, defaultName: stem, at: "", reader: &reader) }
        var name = stem
        if case .mapping(let mapping)? = root, let node = mapping["name"], case .scalar(let scalar) = node {
            name = scalar.string
        }
        return ConfigDocument(
            path: path, name: name, value: reader.hasErrors ? nil : pipeline, sourceMap: reader.sourceMap,
            diagnostics: reader.diagnostics, contentHash: hash ?? ContentHash.of(text))
    }

    /// A file's bytes: too large or not UTF-8 is an error document (with the line and column of the first bad
    /// byte) that keeps `knownID` (or the stem) as its name.
    /// `hash` is the bytes' `ContentHash` when the reader has it already (each file is hashed once).
    public static func account(
        data: Data, path: String, knownID: String? = nil, hash: String? = nil, marks: Bool = true
    ) -> ConfigDocument<Account> {
        let hash = hash ?? ContentHash.of(data)
        return decoding(data, path: path, name: knownID ?? ConfigFiles.stem(of: path), hash: hash) {
            account(text: $0, path: path, knownID: knownID, composer: .events, hash: hash, marks: marks)
        }
    }

    /// A clean account file's document, read straight from libyaml's events without source marks; nil when the
    /// file needs the node tree's reader (`AccountEventDecoder`).
    public static func cleanAccount(data: Data, path: String, hash: String) -> ConfigDocument<Account>? {
        guard case .text(let text) = ConfigText.decode(data, file: path) else { return nil }
        return AccountEventDecoder.document(text, path: path, hash: hash)
    }

    public static func pipeline(data: Data, path: String, hash: String? = nil) -> ConfigDocument<Pipeline> {
        let hash = hash ?? ContentHash.of(data)
        return decoding(data, path: path, name: ConfigFiles.stem(of: path), hash: hash) {
            pipeline(text: $0, path: path, composer: .events, hash: hash)
        }
    }

    public static func settings(data: Data, path: String, hash: String? = nil) -> ConfigDocument<DaemonSettings> {
        let hash = hash ?? ContentHash.of(data)
        return decoding(data, path: path, name: "showrunner", hash: hash) {
            settings(text: $0, path: path, composer: .events, hash: hash)
        }
    }

    /// An error document for a file that cannot be read at all (permission, not a regular file).
    static func unreadable<Value>(path: String, name: String, _ message: String) -> ConfigDocument<Value> {
        ConfigDocument(
            path: path, name: name, value: nil, sourceMap: SourceMap(file: path),
            diagnostics: [Diagnostic(.error, file: path, location: SourceLocation(line: 1, column: 1), message)],
            contentHash: ContentHash.of(message))
    }

    private static func decoding<Value>(
        _ data: Data, path: String, name: String, hash: String, decode: (String) -> ConfigDocument<Value>
    ) -> ConfigDocument<Value> {
        switch ConfigText.decode(data, file: path) {
        case .text(let text): return decode(text)
        case .problem(let problem):
            return ConfigDocument(
                path: path, name: name, value: nil, sourceMap: SourceMap(file: path), diagnostics: [problem],
                contentHash: hash)
        }
    }

    public static func settings(text: String, path: String) -> ConfigDocument<DaemonSettings> {
        settings(text: text, path: path, composer: .events)
    }

    static func settings(
        text: String, path: String, composer: YAMLFile.Composer, hash: String? = nil
    ) -> ConfigDocument<DaemonSettings> {
        var reader = NodeReader(file: path)
        let root = YAMLFile.compose(text, file: path, reader: &reader, composer: composer)
        let settings = root.flatMap { SettingsDecoder.decode($0, reader: &reader) }
        return ConfigDocument(
            path: path, name: "showrunner", value: settings, sourceMap: reader.sourceMap,
            diagnostics: reader.diagnostics, contentHash: hash ?? ContentHash.of(text))
    }
}

/// FNV-1a over a file's bytes: enough to tell an unchanged file from a changed one.
enum ContentHash {
    static func of(_ text: String) -> String { of(bytes: text.utf8) }

    static func of(_ data: Data) -> String { of(bytes: data) }

    private static func of(bytes: some Sequence<UInt8>) -> String {
        var hash = FNV1a64()
        hash.update(bytes)
        return hash.hex
    }
}
