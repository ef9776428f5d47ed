import Foundation
import ShowrunnerCore

/// Reads a config folder (`accounts.d/`, `pipelines/`, `showrunner.yaml`) into a snapshot.
public struct ConfigLoader: Sendable {
    public let directory: URL

    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
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

    public func loadAccount(_ path: String) -> ConfigDocument<Account> {
        read(path) { ConfigDecoder.account(data: $0, path: $1) }
    }

    public func loadPipeline(_ path: String) -> ConfigDocument<Pipeline> {
        read(path) { ConfigDecoder.pipeline(data: $0, path: $1) }
    }

    /// `showrunner.yaml` (or `.yml`), nil when there is none.
    public func loadSettings() -> ConfigDocument<DaemonSettings>? {
        guard
            let name = ConfigFiles.settingsNames.first(where: { FileManager.default.fileExists(atPath: url($0).path) })
        else { return nil }
        return read(name) { ConfigDecoder.settings(data: $0, path: $1) }
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

    /// Reads at most `ConfigText.maxBytes + 1` bytes, so a huge file is refused without being read whole.
    private func read<Value>(_ path: String, decode: (Data, String) -> ConfigDocument<Value>) -> ConfigDocument<Value> {
        do throws(ConfigText.ReadError) {
            return decode(try ConfigText.read(url(path)), path)
        } catch {
            switch error {
            case .missing: return unreadable(path, "cannot read the file: it does not exist any more.")
            case .unreadable(let reason): return unreadable(path, "cannot read the file: \(reason).")
            }
        }
    }

    private func unreadable<Value>(_ path: String, _ message: String) -> ConfigDocument<Value> {
        ConfigDecoder.unreadable(path: path, name: ConfigFiles.stem(of: path), message)
    }
}
