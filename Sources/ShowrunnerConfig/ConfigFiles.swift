import Foundation

/// Which files of a config folder are config: `*.yaml`/`*.yml`, not hidden, not editor leftovers.
public enum ConfigFiles {
    public static let accountsFolder = "accounts.d"
    public static let pipelinesFolder = "pipelines"
    public static let settingsNames = ["showrunner.yaml", "showrunner.yml"]

    /// A file name the config folder reads: `*.yaml` or `*.yml`, not hidden, not an editor's backup. Compared as
    /// bytes (a file name is bytes; every file of a 10,000-account folder is asked).
    public static func isConfigFile(_ name: String) -> Bool {
        let bytes = name.utf8
        let ends = { (suffix: String) in bytes.reversed().starts(with: suffix.utf8.reversed()) }
        guard bytes.first != UInt8(ascii: "."), ends(".yaml") || ends(".yml") else { return false }
        return !["~", ".swp", ".tmp", ".bak"].contains(where: ends)
    }

    /// The file name without folder and extension: the default id or pipeline name.
    public static func stem(of path: String) -> String {
        let utf8 = Substring(path).utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") {
            end = utf8.index(before: end)
        }
        let folder = utf8[..<end].lastIndex(of: UInt8(ascii: "/"))
        let name = utf8[(folder.map { utf8.index(after: $0) } ?? utf8.startIndex)..<end]
        return String(Substring(name[..<(name.lastIndex(of: UInt8(ascii: ".")) ?? name.endIndex)]))
    }

    /// Config files directly in `folder`, sorted by name; nil when the folder is missing. Every entry with a config
    /// name is listed, a directory or a symlink to nothing too: reading it is an error, never a silent skip.
    public static func list(_ folder: URL) -> [String]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        return names.filter(isConfigFile).sorted()
    }
}
