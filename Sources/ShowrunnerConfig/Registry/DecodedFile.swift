import Foundation
import ShowrunnerCore

/// A changed config file, decoded outside the registry's lock (on every core when many files change).
enum DecodedFile: Sendable {
    case account(ConfigDocument<Account>?)
    case pipeline(ConfigDocument<Pipeline>?)
    case settings(ConfigDocument<DaemonSettings>?)
    case other

    /// `knownID`: the id the account file had, kept when the new text is not YAML at all.
    init(path: String, contents: FileTable.Contents?, knownID: String?) {
        if let message = contents?.unreadable {
            let name = knownID ?? ConfigFiles.stem(of: path)
            switch ConfigPath.kind(of: path) {
            case .account: self = .account(ConfigDecoder.unreadable(path: path, name: name, message))
            case .pipeline: self = .pipeline(ConfigDecoder.unreadable(path: path, name: name, message))
            case .settings: self = .settings(ConfigDecoder.unreadable(path: path, name: "showrunner", message))
            case .other: self = .other
            }
            return
        }
        switch ConfigPath.kind(of: path) {
        case .account:
            self = .account(contents.map { ConfigDecoder.account(data: $0.data, path: path, knownID: knownID) })
        case .pipeline: self = .pipeline(contents.map { ConfigDecoder.pipeline(data: $0.data, path: path) })
        case .settings: self = .settings(contents.map { ConfigDecoder.settings(data: $0.data, path: path) })
        case .other: self = .other
        }
    }
}
