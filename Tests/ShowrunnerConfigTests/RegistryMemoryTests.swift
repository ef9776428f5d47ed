import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// The registry keeps little per account (issue 17): a clean account file drops its source marks, which are read
/// again when a later check finds a problem, and accounts keep their pipeline unmerged.
struct RegistryMemoryTests {
    static let overriding = """
        channel: { type: t }
        schedule: { cron: "0 9 * * *" }
        pipeline: p
        steps:
          a:
            timeout: 5m

        """

    @Test func aCleanAccountBrokenByAPipelineEditIsReportedAtItsOwnLineAndColumn() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", Self.overriding)
        let registry = folder.registry()
        #expect(registry.rescan().applied == ["a"])
        #expect(registry.reportsByPath["accounts.d/a.yaml"]?.document.keptSourceMap == nil)  // dropped: clean

        try folder.save(
            "pipelines/p.yaml", "name: p\nsteps:\n  - { id: b, uses: command, with: { run: [\"true\"] } }\n")
        let report = registry.apply(["pipelines/p.yaml"])
        #expect(
            report.errors.map(\.rendered) == [
                "accounts.d/a.yaml:5:3: error: steps.a: pipeline 'p' has no step 'a'; did you mean 'b'? Steps: b."
            ])
        #expect(registry.diagnostics == report.errors)
        #expect(registry.cron("a") == "0 9 * * *")  // the last good version stays scheduled
    }

    @Test func aVarsProblemFromAPipelineEditNamesTheAccountsPipelineKey() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let registry = folder.registry()
        registry.rescan()
        try folder.save(
            "pipelines/p.yaml", "name: p\nsteps:\n  - { id: a, uses: command, with: { run: [\"{{ vars.x }}\"] } }\n")
        let errors = registry.apply(["pipelines/p.yaml"]).errors.map(\.rendered)
        #expect(
            errors == [
                "accounts.d/a.yaml:3:11: error: pipeline: step 'a' of pipeline 'p' uses {{ vars.x }}, but this account "
                    + "defines no vars.x."
            ])
        // Fixed (clean again, so its marks are dropped again), then broken the same way once more.
        try folder.save("accounts.d/a.yaml", ConfigFolder.account() + "vars: { x: \"true\" }\n")
        #expect(registry.apply(["accounts.d/a.yaml"]).applied == ["a"])
        #expect(registry.diagnostics.isEmpty)
        try folder.save(
            "pipelines/p.yaml", "name: p\nsteps:\n  - { id: a, uses: command, with: { run: [\"{{ vars.y }}\"] } }\n")
        #expect(
            registry.apply(["pipelines/p.yaml"]).errors.map(\.rendered) == [
                "accounts.d/a.yaml:4:1: error: vars: step 'a' of pipeline 'p' uses {{ vars.y }}, but this account "
                    + "defines no vars.y."
            ])
    }

    @Test func aFileWithProblemsKeepsItsMarks() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account(cron: "0 25 * * *"))
        let registry = folder.registry()
        let errors = registry.rescan().errors.map(\.rendered)
        #expect(errors == ["accounts.d/a.yaml:2:22: error: schedule.cron: hour value 25 is out of range 0–23."])
        #expect(registry.reportsByPath["accounts.d/a.yaml"]?.document.keptSourceMap != nil)
    }

    @Test func anOverrideIsMergedWhereItIsUsedAndFollowsPipelineEdits() throws {
        let folder = try ConfigFolder()
        try folder.write(
            "pipelines/p.yaml", "name: p\nsteps:\n  - { id: a, uses: command, with: { run: [\"one\"] } }\n")
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        try folder.write("accounts.d/b.yaml", Self.overriding)
        let registry = folder.registry()
        #expect(registry.rescan().applied == ["a", "b"])
        let plain = try #require(registry.goodVersion("a"))
        let overriding = try #require(registry.goodVersion("b"))
        #expect(plain.mergedPipeline.steps[0].timeout == nil)
        #expect(overriding.mergedPipeline.steps[0].timeout == .seconds(300))

        try folder.save("pipelines/p.yaml", "name: p\nsteps:\n  - { id: a, uses: command, with: { run: [\"two\"] } }\n")
        #expect(registry.apply(["pipelines/p.yaml"]).applied == ["a", "b"])
        let edited = try #require(registry.goodVersion("b")).mergedPipeline.steps[0]
        #expect(edited.with["run"] == .list([.string("two")]) && edited.timeout == .seconds(300))
    }
}
