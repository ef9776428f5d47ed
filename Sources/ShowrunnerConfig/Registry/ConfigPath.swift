/// What a path inside the config folder is.
enum ConfigPath {
    enum Kind { case account, pipeline, settings, other }

    /// Called for every file of a reload and every diagnostic: one pass over the path, no substrings allocated.
    static func kind(of path: String) -> Kind {
        if ConfigFiles.settingsNames.contains(path) { return .settings }
        guard let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")) else { return .other }
        let name = path.utf8[path.utf8.index(after: slash)...]
        guard !name.contains(UInt8(ascii: "/")), ConfigFiles.isConfigFile(String(Substring(name))) else {
            return .other
        }
        let folder = path.utf8[..<slash]
        if folder.elementsEqual(ConfigFiles.accountsFolder.utf8) { return .account }
        if folder.elementsEqual(ConfigFiles.pipelinesFolder.utf8) { return .pipeline }
        return .other
    }
}
