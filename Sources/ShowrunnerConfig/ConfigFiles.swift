import Foundation

/// Which files of a config folder are config: `*.yaml`/`*.yml`, not hidden, not editor leftovers.
public enum ConfigFiles {
    public static let accountsFolder = "accounts.d"
    public static let pipelinesFolder = "pipelines"
    public static let settingsNames = ["showrunner.yaml", "showrunner.yml"]

    public static func isConfigFile(_ name: String) -> Bool {
        guard !name.hasPrefix("."), name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return false }
        return !["~", ".swp", ".tmp", ".bak"].contains { name.hasSuffix($0) }
    }

    /// The file name without folder and extension: the default id or pipeline name.
    public static func stem(of path: String) -> String {
        let name =
            path.last == "/"
            ? path.split(separator: "/").last ?? Substring(path)
            : path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? Substring(path)
        guard let dot = name.lastIndex(of: ".") else { return String(name) }
        return String(name[..<dot])
    }

    /// Config files directly in `folder`, sorted by name; nil when the folder is missing. Every entry with a config
    /// name is listed, a directory or a symlink to nothing too: reading it is an error, never a silent skip.
    public static func list(_ folder: URL) -> [String]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        return names.filter(isConfigFile).sorted()
    }
}
