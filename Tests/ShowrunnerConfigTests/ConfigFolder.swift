import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport

@testable import ShowrunnerConfig

/// A config folder on disk for registry and watcher tests.
struct ConfigFolder {
    var url: URL
    /// Removes the folder when the last copy of this value is gone; nil for a folder the test made itself.
    private var owner: TemporaryFolder?

    init() throws {
        let owner = try TemporaryFolder(prefix: "registry")
        self.owner = owner
        url = owner.url
        for folder in ["accounts.d", "pipelines"] {
            try FileManager.default.createDirectory(
                at: url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try write("pipelines/p.yaml", "name: p\nsteps:\n  - { id: a, uses: command, with: { run: [\"true\"] } }\n")
    }

    func write(_ path: String, _ text: String) throws {
        try text.write(to: url.appendingPathComponent(path), atomically: false, encoding: .utf8)
    }

    /// An editor's save: write a temporary file, then rename it over the old one.
    func save(_ path: String, _ text: String) throws {
        let temporary = url.appendingPathComponent(path + ".tmp")
        try text.write(to: temporary, atomically: false, encoding: .utf8)
        _ = rename(temporary.path, url.appendingPathComponent(path).path)
    }

    func delete(_ path: String) throws { try FileManager.default.removeItem(at: url.appendingPathComponent(path)) }

    static func account(cron: String = "0 9 * * *", id: String? = nil) -> String {
        (id.map { "id: \($0)\n" } ?? "") + "channel: { type: t }\nschedule: { cron: \"\(cron)\" }\npipeline: p\n"
    }

    func registry() -> ConfigRegistry {
        let loader = ConfigLoader(directory: url.path)
        return ConfigRegistry(loader: loader, secrets: loader.secretChecker(strict: false))
    }
}

extension ConfigFolder {
    /// An existing folder (no files written).
    init(existing url: URL) { self.url = url }
}

extension ConfigRegistry {
    /// The cron text of account `id`'s good version; nil when it has none.
    func cron(_ id: String) -> String? {
        goodVersions.first { $0.account.id == id }?.account.schedule?.cron.source
    }
}
