import Foundation

/// `/api/config/status`: the revision, the last reload, the files with their diagnostics, and the accounts on a
/// last good version.
public struct ConfigStatus: Sendable, Equatable, Encodable {
    /// The config folder's git commit with `-dirty` when it has uncommitted config changes; nil outside git.
    public var revision: String?
    public var commit: String?
    public var dirty: Bool
    public var lastReload: ReloadView?
    public var filesTotal: Int
    /// Files with problems first, then by path; at most `ConfigStatusBuilder.fileLimit`.
    public var files: [ConfigFileStatus]
    public var lastGood: [LastGoodAccount]

    enum CodingKeys: String, CodingKey {
        case revision, commit, dirty, files
        case lastReload = "last_reload"
        case filesTotal = "files_total"
        case lastGood = "last_good"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(revision, forKey: .revision)
        try container.encode(commit, forKey: .commit)
        try container.encode(dirty, forKey: .dirty)
        try container.encode(lastReload, forKey: .lastReload)
        try container.encode(filesTotal, forKey: .filesTotal)
        try container.encode(files, forKey: .files)
        try container.encode(lastGood, forKey: .lastGood)
    }
}
