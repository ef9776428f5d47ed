import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerStore
import Testing

@testable import ShowrunnerEngine

struct RetentionSweeperTests {
    @Test func deletesOldFinishedRunsAndOldArtifactsButNothingRunning() async throws {
        let harness = try Harness(steps: [:])
        let now = Harness.start
        let old = now.addingTimeInterval(-100 * 86_400)
        for (id, status, finished) in [
            ("old", RunStatus.succeeded, old), ("new", .failed, now), ("busy", .running, old),
        ] {
            _ = try await harness.store.insertRun(
                RunRecord(id: id, accountID: "a", pipeline: "p", trigger: .manual, createdAt: old))
            let owner = status == .running ? RunOwner(host: "h", pid: 1, heartbeatAt: finished) : nil
            try await harness.store.updateRun(id: id, status: status, reason: nil, owner: owner, at: finished)
        }
        let state = harness.folder.appendingPathComponent("state")
        for folder in ["old", "busy", "new"] {
            let url = state.appendingPathComponent("runs/\(folder)/step")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let date = folder == "new" ? now : old
            try FileManager.default.setAttributes(
                [.modificationDate: date], ofItemAtPath: url.deletingLastPathComponent().path)
        }
        let sweeper = RetentionSweeper(
            store: harness.store, stateDirectory: state, runRetention: .seconds(90 * 86_400),
            artifactRetention: .seconds(14 * 86_400), now: { now }, logger: Logger(label: "test"))
        let result = await sweeper.sweep()
        #expect(result.runs == 1)
        #expect(result.folders == 1)
        #expect(try await harness.store.run(id: "old") == nil)
        #expect(try await harness.store.run(id: "busy") != nil)
        let left = try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("runs").path)
            .sorted()
        #expect(left == ["busy", "new"])
    }
}
