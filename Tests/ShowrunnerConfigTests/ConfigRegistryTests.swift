import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// A config folder on disk for registry and watcher tests.
struct ConfigFolder {
    var url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString)")
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

struct ConfigRegistryTests {
    static func cron(_ registry: ConfigRegistry, _ id: String) -> String? {
        registry.goodVersions.first { $0.account.id == id }?.account.schedule?.cron.source
    }

    @Test func appliesChangesAndReportsUnchangedFilesAsNoOps() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        try folder.write("accounts.d/b.yaml", ConfigFolder.account(cron: "0 10 * * *"))
        let registry = folder.registry()
        #expect(registry.rescan().applied == ["a", "b"])

        try folder.save("accounts.d/a.yaml", ConfigFolder.account(cron: "0 8 * * *"))
        let report = registry.apply(["accounts.d/a.yaml"])
        #expect(report.applied == ["a"])
        #expect(Self.cron(registry, "a") == "0 8 * * *")

        try folder.save("accounts.d/b.yaml", ConfigFolder.account(cron: "0 10 * * *"))  // same content, new inode
        #expect(registry.apply(["accounts.d/b.yaml"]) == ReloadReport())
        #expect(registry.rescan(force: true).unchanged == ["a", "b"])
    }

    @Test func anInvalidEditKeepsTheLastGoodVersionAndExposesTheDiagnostic() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let registry = folder.registry()
        registry.rescan()
        try folder.save("accounts.d/a.yaml", "channel: { type: t }\nschedule: { cron: \"0 25 * * *\" }\npipeline: p\n")
        let report = registry.apply(["accounts.d/a.yaml"])
        #expect(report.applied.isEmpty)
        #expect(
            report.errors.map(\.rendered) == [
                "accounts.d/a.yaml:2:22: error: schedule.cron: hour value 25 is out of range 0–23."
            ])
        #expect(Self.cron(registry, "a") == "0 9 * * *")
        #expect(registry.diagnostics.contains { $0.message.contains("hour value 25") })
        #expect(registry.reports["accounts.d/a.yaml"]?.isValid == false)

        try folder.save("accounts.d/a.yaml", ConfigFolder.account(cron: "0 7 * * *"))
        #expect(registry.apply(["accounts.d/a.yaml"]).applied == ["a"])
        #expect(registry.diagnostics.isEmpty)
    }

    @Test func aFileThatIsNoLongerYAMLKeepsTheLastGoodVersionOfTheIDItDeclared() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/file-name.yaml", ConfigFolder.account(id: "declared"))
        let registry = folder.registry()
        registry.rescan()
        try folder.save("accounts.d/file-name.yaml", "id: declared\nchannel: { type: t\n")  // saved half-way
        let report = registry.apply(["accounts.d/file-name.yaml"])
        #expect(report.removed.isEmpty && report.applied.isEmpty)
        #expect(!report.errors.isEmpty)
        #expect(Self.cron(registry, "declared") == "0 9 * * *")
        #expect(registry.reports["accounts.d/file-name.yaml"]?.id == "declared")
    }

    @Test func aDeletedFileUnschedulesItsAccount() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let registry = folder.registry()
        registry.rescan()
        try folder.delete("accounts.d/a.yaml")
        #expect(registry.apply(["accounts.d/a.yaml"]).removed == ["a"])
        #expect(registry.goodVersions.isEmpty)
    }

    @Test func aDuplicatedIDPutsBothFilesInErrorAndKeepsTheLastGoodVersion() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let registry = folder.registry()
        registry.rescan()
        try folder.write("accounts.d/copy.yaml", ConfigFolder.account(cron: "0 1 * * *", id: "a"))
        let report = registry.apply(["accounts.d/copy.yaml"])
        #expect(Set(report.errors.map(\.file)) == ["accounts.d/a.yaml", "accounts.d/copy.yaml"])
        #expect(Self.cron(registry, "a") == "0 9 * * *")

        try folder.delete("accounts.d/copy.yaml")
        let healed = registry.apply(["accounts.d/copy.yaml"])
        #expect(healed.errors.isEmpty)
        #expect(Self.cron(registry, "a") == "0 9 * * *")
        #expect(registry.diagnostics.isEmpty)
    }

    @Test func aPipelineChangeRevalidatesTheAccountsThatUseIt() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let registry = folder.registry()
        registry.rescan()
        try folder.save(
            "pipelines/p.yaml", "name: p\nsteps:\n  - { id: a, uses: command, with: { run: [\"false\"] } }\n")
        #expect(registry.apply(["pipelines/p.yaml"]).applied == ["a"])
        #expect(registry.goodVersions.first?.plan.steps.first?.with["run"] == .list([.string("false")]))

        try folder.save("pipelines/p.yaml", "name: p\nsteps:\n  - { id: a, uses: nonsense }\n")
        let broken = registry.apply(["pipelines/p.yaml"])
        #expect(broken.errors.contains { $0.file == "pipelines/p.yaml" })
        #expect(registry.goodVersions.first?.plan.steps.first?.with["run"] == .list([.string("false")]))
    }
}
