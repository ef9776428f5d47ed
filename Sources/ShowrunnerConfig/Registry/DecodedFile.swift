import Foundation
import ShowrunnerCore

/// A changed config file, decoded outside the registry's lock (on every core when many files change); nil
/// documents mean the file is gone.
enum DecodedFile: Sendable {
    case account(ConfigDocument<Account>?)
    case pipeline(ConfigDocument<Pipeline>?)
    case settings(ConfigDocument<DaemonSettings>?)
    case other

    /// `knownID`: the id the account file had, kept when the new text is not YAML at all. An account file without
    /// a problem drops its source marks (`marks` reads them again if a later check finds one): they were the
    /// largest part of a daemon's memory, and only a diagnostic needs them.
    init(
        path: String, contents: FileTable.Contents?, knownID: String?,
        marks: @escaping ConfigDocument<Account>.MarkReader
    ) {
        switch ConfigPath.kind(of: path) {
        case .account:
            self = .account(
                contents.map { contents in
                    // Decoded without marks first: nearly every file has no problem, and then they are dropped.
                    let document = ConfigReader.account(contents, path: path, knownID: knownID, marks: false)
                    guard document.diagnostics.isEmpty else {
                        return ConfigReader.account(contents, path: path, knownID: knownID)
                    }
                    return document.droppingMarks(marks)
                })
        case .pipeline: self = .pipeline(contents.map { ConfigReader.pipeline($0, path: path) })
        case .settings: self = .settings(contents.map { ConfigReader.settings($0, path: path) })
        case .other: self = .other
        }
    }

    /// Reads an account file's source marks again: the file as it is now (when it changed since it was checked, the
    /// reload its change causes replaces the diagnostic).
    static func marks(directoryPath: String) -> ConfigDocument<Account>.MarkReader {
        { path in
            guard let contents = ConfigReader.read(directoryPath: directoryPath, path) else {
                return SourceMap(file: path)
            }
            return ConfigReader.account(contents, path: path, knownID: nil).sourceMap
        }
    }
}
