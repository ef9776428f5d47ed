import Foundation
import ShowrunnerCore
import ShowrunnerStore
import Testing

@testable import ShowrunnerEngine

/// A run taken over from another node: a completed step whose files are not on this machine runs again, one whose
/// files are here (or that made none) does not.
struct TakeoverArtifactsTests {
    /// A run left by a dead node: topic succeeded with `topicFile` as its artifact, script succeeded with none,
    /// upload was in flight.
    static func interruptedRun(_ harness: Harness, topicFile: String) async throws {
        let dead = RunOwner(host: ProcessInfo.processInfo.hostName, pid: 999_999, heartbeatAt: Harness.start)
        let run = RunRecord(id: "r1", accountID: "cooking", pipeline: "p", trigger: .manual, createdAt: Harness.start)
        #expect(try await harness.store.insertRun(run))
        try await harness.store.updateRun(id: "r1", status: .running, reason: nil, owner: dead, at: Harness.start)
        for (step, artifacts) in [("topic", [topicFile]), ("script", [])] {
            try await harness.store.insertAttempt(
                AttemptRecord(runID: "r1", stepID: step, attempt: 1, startedAt: Harness.start))
            try await harness.store.finishAttempt(
                runID: "r1", stepID: step, attempt: 1, status: .succeeded, failure: nil,
                result: StepResult(outputs: ["title": .string("Kept")], artifacts: artifacts), at: Harness.start)
        }
        try await harness.store.insertAttempt(
            AttemptRecord(runID: "r1", stepID: "upload", attempt: 1, startedAt: Harness.start))
    }

    @Test(arguments: [true, false])
    func aCompletedStepRunsAgainOnlyWhenItsFilesAreMissing(_ filePresent: Bool) async throws {
        let topic = ScriptedStep(outputs: ["title": .string("New")])
        let script = ScriptedStep(outputs: ["title": .string("S")])
        let upload = ScriptedStep(outputs: ["path": .string("/out/x.mp4")])
        let harness = try Harness(steps: ["topic.list": topic, "script.template": script, "upload.local": upload])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("topic-\(UUID().uuidString).txt")
        if filePresent { try Data("t".utf8).write(to: file) }
        defer { try? FileManager.default.removeItem(at: file) }
        try await Self.interruptedRun(harness, topicFile: file.path)

        let outcome = try await harness.launcher().resume(
            runID: "r1", account: Harness.account, mergedPipeline: RunLauncherTests.mergedPipeline)
        #expect(outcome == .succeeded)
        #expect(topic.callCount == (filePresent ? 0 : 1))
        #expect(script.callCount == 0)
        #expect(upload.callCount == 1)
    }
}
