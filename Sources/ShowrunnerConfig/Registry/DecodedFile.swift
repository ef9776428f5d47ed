import Foundation
import ShowrunnerCore

/// A changed config file, decoded outside the registry's lock (on every core when many files change); nil
/// documents mean the file is gone.
enum DecodedFile: Sendable {
    case account(ConfigDocument<Account>?)
    case pipeline(ConfigDocument<Pipeline>?)
    case settings(ConfigDocument<DaemonSettings>?)
    case other

    /// `knownID`: the id the account file had, kept when the new text is not YAML at all. An account file is kept
    /// compact (`ConfigReader.compactAccount`: no source marks unless it has a problem).
    init(
        path: String, contents: FileTable.Contents?, knownID: String?,
        marks: @escaping ConfigDocument<Account>.MarkReader
    ) {
        switch ConfigPath.kind(of: path) {
        case .account:
            self = .account(
                contents.map { ConfigReader.compactAccount($0, path: path, knownID: knownID, marks: marks) })
        case .pipeline: self = .pipeline(contents.map { ConfigReader.pipeline($0, path: path) })
        case .settings: self = .settings(contents.map { ConfigReader.settings($0, path: path) })
        case .other: self = .other
        }
    }
}
