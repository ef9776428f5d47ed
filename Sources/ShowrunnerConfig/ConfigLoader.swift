import Foundation
import ShowrunnerCore

/// Reads a config folder (`accounts.d/`, `pipelines/`, `showrunner.yaml`) into a snapshot.
public struct ConfigLoader: Sendable {
    public let directory: URL
    /// `directory` as a path, to join file names as text.
    let directoryPath: String

    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
        directoryPath = self.directory.path
    }

    public func load() -> ConfigSnapshot {
        var folderProblems: [Diagnostic] = []
        let accountNames = ConfigFiles.list(url(ConfigFiles.accountsFolder))
        if accountNames == nil {
            folderProblems.append(
                Diagnostic(
                    .error, file: ConfigFiles.accountsFolder + "/",
                    "the folder \(ConfigFiles.accountsFolder)/ does not exist in \(directory.path); "
                        + "run 'showrunner init' to create an example config."))
        }
        let accounts = (accountNames ?? []).concurrentMap { loadAccount(ConfigFiles.accountsFolder + "/" + $0) }
        let pipelines = (ConfigFiles.list(url(ConfigFiles.pipelinesFolder)) ?? []).map {
            loadPipeline(ConfigFiles.pipelinesFolder + "/" + $0)
        }
        return ConfigSnapshot(
            accounts: accounts, pipelines: pipelines, settings: loadSettings(), folderDiagnostics: folderProblems)
    }

    /// The account file at `path` (relative to the folder), read and kept as the daemon keeps it.
    public func loadAccount(_ path: String) -> ConfigDocument<Account> {
        let marks = ConfigReader.markReader(directoryPath: directoryPath)
        return ConfigReader.read(directoryPath: directoryPath, path).map {
            ConfigReader.compactAccount($0, path: path, knownID: nil, marks: marks)
        } ?? ConfigReader.vanished(path: path)
    }

    public func loadPipeline(_ path: String) -> ConfigDocument<Pipeline> {
        ConfigReader.read(directoryPath: directoryPath, path).map { ConfigReader.pipeline($0, path: path) }
            ?? ConfigReader.vanished(path: path)
    }

    /// `showrunner.yaml` (or `.yml`), nil when there is none (a symlink to nothing is there, and an error).
    public func loadSettings() -> ConfigDocument<DaemonSettings>? {
        guard
            let name = ConfigFiles.settingsNames.first(where: { FileTable.signature(url($0)) != nil })
        else { return nil }
        return ConfigReader.read(directoryPath: directoryPath, name).map { ConfigReader.settings($0, path: name) }
    }

    /// A checker that resolves `${env:…}` against this process and `${file:…}` against this folder.
    public func secretChecker(
        strict: Bool, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> SecretChecker
    {
        let base = directory
        return SecretChecker(
            environmentHas: { environment[$0] != nil },
            fileExists: { path in
                let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
                return FileManager.default.isReadableFile(atPath: url.path)
            },
            strict: strict)
    }

    func url(_ relative: String) -> URL { directory.appendingPathComponent(relative) }
}
