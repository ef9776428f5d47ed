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
        read(path) { ConfigDecoder.account(text: $0, path: $1) }
    }

    public func loadPipeline(_ path: String) -> ConfigDocument<Pipeline> {
        read(path, decode: ConfigDecoder.pipeline)
    }

    /// `showrunner.yaml` (or `.yml`), nil when there is none.
    public func loadSettings() -> ConfigDocument<DaemonSettings>? {
        guard
            let name = ConfigFiles.settingsNames.first(where: { FileManager.default.fileExists(atPath: url($0).path) })
        else { return nil }
        return read(name, decode: ConfigDecoder.settings)
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

    private func read<Value>(_ path: String, decode: (String, String) -> ConfigDocument<Value>) -> ConfigDocument<Value>
    {
        do {
            let data = try Data(contentsOf: url(path))
            guard let text = String(data: data, encoding: .utf8) else {
                return unreadable(path, "the file is not UTF-8 text; save it as UTF-8.")
            }
            return decode(text, path)
        } catch {
            return unreadable(path, "cannot read the file (\(error.localizedDescription)).")
        }
    }

    private func unreadable<Value>(_ path: String, _ message: String) -> ConfigDocument<Value> {
        let stem = ConfigFiles.stem(of: path)
        return ConfigDocument(
            path: path, name: stem, value: nil, sourceMap: SourceMap(file: path),
            diagnostics: [Diagnostic(.error, file: path, message)])
    }
}
