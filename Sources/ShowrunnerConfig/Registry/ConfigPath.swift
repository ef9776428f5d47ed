/// What a path inside the config folder is.
enum ConfigPath {
    enum Kind { case account, pipeline, settings, other }

    static func kind(of path: String) -> Kind {
        if ConfigFiles.settingsNames.contains(path) { return .settings }
        let parts = path.split(separator: "/")
        guard parts.count == 2, ConfigFiles.isConfigFile(String(parts[1])) else { return .other }
        switch parts[0] {
        case Substring(ConfigFiles.accountsFolder): return .account
        case Substring(ConfigFiles.pipelinesFolder): return .pipeline
        default: return .other
        }
    }
}
