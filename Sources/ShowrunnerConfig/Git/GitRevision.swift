import Foundation

/// The config revision recorded on every run: the git commit of the config folder's work tree (read from
/// `.git`, no git binary) and `-dirty` when a config file differs from the index.
public enum GitRevision {
    /// `1a2b3c4d5e6f` or `1a2b3c4d5e6f-dirty`; nil when the folder is not inside a git work tree.
    public static func read(_ directory: URL) -> String? {
        guard let repository = GitRepository.locate(from: directory), let commit = repository.headCommit() else {
            return nil
        }
        let short = String(commit.prefix(12))
        return isDirty(repository, configDirectory: directory) ? short + "-dirty" : short
    }

    /// A tracked config file whose size or mtime differs from its index entry, a tracked one that is gone, or
    /// an untracked config file.
    static func isDirty(_ repository: GitRepository, configDirectory: URL) -> Bool {
        guard let index = GitIndex.read(repository.gitDirectory.appendingPathComponent("index")) else { return true }
        let prefix = repository.relativePath(of: configDirectory)
        let tracked = index.entries.filter { prefix.isEmpty || $0.path.hasPrefix(prefix + "/") }
        var seen: Set<String> = []
        for entry in tracked {
            let relative = prefix.isEmpty ? entry.path : String(entry.path.dropFirst(prefix.count + 1))
            guard ConfigPathFilter.isConfig(relative) else { continue }
            seen.insert(relative)
            let url = repository.workTree.appendingPathComponent(entry.path)
            guard let signature = FileTable.signature(url) else { return true }
            if signature.size != entry.size || Int64(signature.modified) != entry.modifiedSeconds { return true }
        }
        let present = FileTable.scan(configDirectory).keys
        return present.contains { !seen.contains($0) }
    }
}

/// Which paths count for the dirty flag: the config files themselves.
enum ConfigPathFilter {
    static func isConfig(_ relative: String) -> Bool { ConfigPath.kind(of: relative) != .other }
}
