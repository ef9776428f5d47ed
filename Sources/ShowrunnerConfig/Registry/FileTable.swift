import Foundation

/// What the registry last read of each config file: a cheap stat signature (to skip unchanged files on a
/// rescan) and a content hash (so an unchanged file is a no-op even when it was rewritten).
struct FileTable: Sendable {
    struct Signature: Sendable, Equatable {
        var inode: UInt64
        var size: Int64
        var modified: TimeInterval
    }

    struct Contents: Sendable {
        /// At most `ConfigText.maxBytes + 1` bytes: a larger file is an error, never read whole.
        var data: Data
        /// Why the file could not be read (then `data` is empty).
        var unreadable: String? = nil
        var hash: String
        var signature: Signature?

        var entry: Entry { Entry(signature: signature, hash: hash) }
    }

    /// What is recorded of one file: its signature and content hash, not its bytes.
    struct Entry: Sendable {
        var signature: Signature?
        var hash: String
    }

    private var entries: [String: Entry] = [:]

    /// Records a file (nil = the file is gone).
    mutating func record(_ path: String, _ entry: Entry?) { entries[path] = entry }

    /// What is recorded of `path`; nil when nothing is.
    func entry(_ path: String) -> Entry? { entries[path] }

    /// Whether `contents` differ from what `recorded` says of the file (a file gone or new is a change).
    static func differs(_ recorded: Entry?, _ contents: Contents?) -> Bool {
        guard let contents else { return recorded != nil }
        return recorded?.hash != contents.hash
    }

    var allPaths: Set<String> { Set(entries.keys) }

    /// Paths that appeared, disappeared or whose signature changed since they were recorded.
    func changes(comparedTo listed: [String: Signature]) -> Set<String> {
        var changed = Set(entries.keys).subtracting(listed.keys)
        for (path, signature) in listed where entries[path]?.signature != signature { changed.insert(path) }
        return changed
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Every config file of the folder with its signature (symlinks followed). Paths are joined as text: a
    /// `URL` per file was half the cost of a rescan of 10,000 files.
    static func scan(_ directory: URL) -> [String: Signature] {
        var listed: [String: Signature] = [:]
        let base = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        let paths = paths(in: directory)
        listed.reserveCapacity(paths.count)
        for path in paths { listed[path] = signature(atPath: base + path) }
        return listed
    }

    /// Every config file of the folder, relative to it: the first load reads them all (each read takes the file's
    /// signature with it), so it lists them without a `stat` each.
    static func paths(in directory: URL) -> [String] {
        var paths: [String] = []
        for folder in [ConfigFiles.accountsFolder, ConfigFiles.pipelinesFolder] {
            let names = ConfigFiles.list(directory.appendingPathComponent(folder)) ?? []
            paths.reserveCapacity(paths.count + names.count)
            for name in names { paths.append("\(folder)/\(name)") }
        }
        let base = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        return paths + ConfigFiles.settingsNames.filter { signature(atPath: base + $0) != nil }
    }

    /// The file's signature (symlinks followed); a symlink to nothing has the link's own, so it is seen as a change.
    static func signature(_ url: URL) -> Signature? { signature(atPath: url.path) }

    static func signature(atPath path: String) -> Signature? {
        var info = stat()
        guard stat(path, &info) == 0 || lstat(path, &info) == 0 else { return nil }
        return signature(of: info)
    }

    static func signature(of info: stat) -> Signature {
        let modified = TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9
        return Signature(inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: modified)
    }
}
