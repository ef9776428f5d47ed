import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

struct ConfigRegistryTests {
    @Test func appliesChangesAndReportsUnchangedFilesAsNoOps() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        try folder.write("accounts.d/b.yaml", ConfigFolder.account(cron: "0 10 * * *"))
        let registry = folder.registry()
        #expect(registry.rescan().applied == ["a", "b"])

        try folder.save("accounts.d/a.yaml", ConfigFolder.account(cron: "0 8 * * *"))
        let report = registry.apply(["accounts.d/a.yaml"])
        #expect(report.applied == ["a"])
        #expect(registry.cron("a") == "0 8 * * *")

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
        #expect(registry.cron("a") == "0 9 * * *")
        #expect(registry.diagnostics.contains { $0.message.contains("hour value 25") })
        #expect(registry.reportsByPath["accounts.d/a.yaml"]?.isValid == false)

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
        #expect(registry.cron("declared") == "0 9 * * *")
        #expect(registry.reportsByPath["accounts.d/file-name.yaml"]?.id == "declared")
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
        #expect(registry.cron("a") == "0 9 * * *")

        try folder.delete("accounts.d/copy.yaml")
        let healed = registry.apply(["accounts.d/copy.yaml"])
        #expect(healed.errors.isEmpty)
        #expect(registry.cron("a") == "0 9 * * *")
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
        #expect(registry.goodVersions.first?.mergedPipeline.steps.first?.with["run"] == .list([.string("false")]))

        try folder.save("pipelines/p.yaml", "name: p\nsteps:\n  - { id: a, uses: nonsense }\n")
        let broken = registry.apply(["pipelines/p.yaml"])
        #expect(broken.errors.contains { $0.file == "pipelines/p.yaml" })
        #expect(registry.goodVersions.first?.mergedPipeline.steps.first?.with["run"] == .list([.string("false")]))
    }
}
