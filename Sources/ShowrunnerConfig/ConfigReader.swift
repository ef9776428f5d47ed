import Foundation
import ShowrunnerCore

/// The one reader of config files: `validate`, `trigger`/`retry` (through `ConfigLoader`) and the daemon's registry
/// read and decode a file here, so the same broken file gives the same diagnostics everywhere. A file that exists
/// but cannot be read (a directory, a symlink to nothing, a FIFO, no permission, not UTF-8) is an error document;
/// only a file that is really gone reads as nil (SPEC §4).
enum ConfigReader {
    /// The bytes of `path` (relative to `directory`), or why they cannot be read; nil when the file is gone.
    static func read(_ directory: URL, _ path: String) -> FileTable.Contents? {
        read(directoryPath: directory.path, path)
    }

    /// `read` with the folder as a path: the file's path is joined as text (no `URL` per file).
    static func read(directoryPath: String, _ path: String) -> FileTable.Contents? {
        let full = directoryPath.hasSuffix("/") ? directoryPath + path : directoryPath + "/" + path
        do throws(BoundedFile.ReadError) {
            let (data, info) = try BoundedFile.read(atPath: full, limit: ConfigText.maxBytes + 1)
            return FileTable.Contents(data: data, hash: ContentHash.of(data), signature: FileTable.signature(of: info))
        } catch {
            guard let reason = error.reason else { return nil }
            let message = "cannot read the file: \(reason)."
            return FileTable.Contents(
                data: Data(), unreadable: message, hash: ContentHash.of(message),
                signature: FileTable.signature(atPath: full))
        }
    }

    /// An account file's document; `knownID` is the id to keep when the file is not YAML (or not readable) at all.
    /// `marks: false` records no source marks.
    static func account(
        _ contents: FileTable.Contents, path: String, knownID: String?, marks: Bool = true
    ) -> ConfigDocument<Account> {
        document(contents, path: path, name: knownID ?? ConfigFiles.stem(of: path)) {
            ConfigDecoder.account(data: $0, path: path, knownID: knownID, hash: contents.hash, marks: marks)
        }
    }

    /// An account file as the daemon and `validate` keep it: read straight from libyaml's events first, without
    /// source marks (`AccountEventDecoder`: nearly every file is clean); a file that reader leaves is decoded through
    /// the node tree, again with marks when it has a problem. A clean one keeps no marks, and `marks` reads them again
    /// if a later check finds something (they were the largest part of a daemon's memory).
    static func compactAccount(
        _ contents: FileTable.Contents, path: String, knownID: String?,
        marks: @escaping ConfigDocument<Account>.MarkReader
    ) -> ConfigDocument<Account> {
        if contents.unreadable == nil,
            let clean = ConfigDecoder.cleanAccount(data: contents.data, path: path, hash: contents.hash)
        {
            return clean.droppingMarks(marks)
        }
        let document = account(contents, path: path, knownID: knownID, marks: false)
        guard document.diagnostics.isEmpty else { return account(contents, path: path, knownID: knownID) }
        return document.droppingMarks(marks)
    }

    /// Reads an account file's source marks again: the file as it is now (when it changed since it was checked, the
    /// reload its change causes replaces the diagnostic).
    static func markReader(directoryPath: String) -> ConfigDocument<Account>.MarkReader {
        { path in
            guard let contents = read(directoryPath: directoryPath, path) else { return SourceMap(file: path) }
            return account(contents, path: path, knownID: nil).sourceMap
        }
    }

    static func pipeline(_ contents: FileTable.Contents, path: String) -> ConfigDocument<Pipeline> {
        document(contents, path: path, name: ConfigFiles.stem(of: path)) {
            ConfigDecoder.pipeline(data: $0, path: path, hash: contents.hash)
        }
    }

    static func settings(_ contents: FileTable.Contents, path: String) -> ConfigDocument<DaemonSettings> {
        document(contents, path: path, name: "showrunner") {
            ConfigDecoder.settings(data: $0, path: path, hash: contents.hash)
        }
    }

    /// The error document of a listed file that disappeared before it could be read (`validate` lists, then reads).
    static func vanished<Value>(path: String) -> ConfigDocument<Value> {
        ConfigDecoder.unreadable(
            path: path, name: ConfigFiles.stem(of: path), "cannot read the file: it does not exist any more.")
    }

    private static func document<Value>(
        _ contents: FileTable.Contents, path: String, name: String, decode: (Data) -> ConfigDocument<Value>
    ) -> ConfigDocument<Value> {
        guard let message = contents.unreadable else { return decode(contents.data) }
        return ConfigDecoder.unreadable(path: path, name: name, message)
    }
}
