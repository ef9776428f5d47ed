import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerStore
import Testing

@testable import ShowrunnerEngine

/// Retention by count on disk: each account keeps its newest run folders, an unfinished upload keeps its own, and
/// the bytes and inodes `showrunner disk` reports drop by exactly what was deleted.
struct RetentionCountTests {
    static let videoBytes = 256 * 1024

    /// Accounts a and b, four finished runs each (a1 oldest), each folder with one 256 KiB video; a1's video has an
    /// unfinished upload, b4's is published to out/b as a hard link.
    func seeded() async throws -> (Harness, URL) {
        let harness = try Harness(steps: [:])
        let state = harness.folder.appendingPathComponent("state")
        let now = Harness.start
        for account in ["a", "b"] {
            for index in 1...4 {
                let id = "\(account)\(index)"
                let created = now.addingTimeInterval(Double(index - 5) * 3600)
                _ = try await harness.store.insertRun(
                    RunRecord(id: id, accountID: account, pipeline: "p", trigger: .manual, createdAt: created))
                try await harness.store.updateRun(id: id, status: .succeeded, reason: nil, owner: nil, at: created)
                let folder = state.appendingPathComponent("runs/\(id)/render")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(repeating: UInt8(index), count: Self.videoBytes).write(
                    to: folder.appendingPathComponent("video.mp4"))
                try FileManager.default.setAttributes(
                    [.modificationDate: created], ofItemAtPath: folder.deletingLastPathComponent().path)
            }
        }
        _ = try await harness.store.createUploadSession(
            UploadSession(
                id: "u1", accountID: "a", runID: "a1", stepID: "upload",
                filePath: state.appendingPathComponent("runs/a1/render/video.mp4").path,
                fileSize: Self.videoBytes, checksum: "c", createdAt: now.addingTimeInterval(-3600)))
        let out = harness.folder.appendingPathComponent("out/b")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        #expect(
            link(
                state.appendingPathComponent("runs/b4/render/video.mp4").path,
                out.appendingPathComponent("b4.mp4").path) == 0)
        return (harness, state)
    }

    func usage(_ harness: Harness, _ state: URL) async throws -> DiskUsageReport {
        let store = harness.store
        return try await DiskUsageScanner(
            stateDirectory: state, outputFolder: harness.folder.appendingPathComponent("out"),
            accounts: { try await store.accounts(ofRuns: $0) }
        ).scan()
    }

    @Test func eachAccountKeepsItsNewestFoldersAndTheUploadingOne() async throws {
        let (harness, state) = try await seeded()
        let before = try await usage(harness, state)
        let a = try #require(before.accounts.first { $0.accountID == "a" })
        let b = try #require(before.accounts.first { $0.accountID == "b" })
        #expect(a.runFolders == 4)
        #expect(a.runInodes == 12)  // 4 × (run folder, render folder, video)
        #expect(a.runBytes >= Int64(4 * Self.videoBytes))
        // The hard-linked video is counted once, in b's run folder; out/b adds only its folder.
        #expect(b.publishedInodes == 1)
        #expect(b.publishedBytes < Int64(Self.videoBytes))

        let sweeper = RetentionSweeper(
            store: harness.store, stateDirectory: state,
            limits: .init(runs: .seconds(90 * 86_400), artifacts: .seconds(14 * 86_400), maxRuns: 3, maxArtifacts: 2),
            now: { Harness.start }, logger: Logger(label: "test"))
        let result = await sweeper.sweep()
        #expect(result.folders == 3)  // a2, b1, b2 (a1 is uploading)
        #expect(result.runs == 1)  // b1 (a1 is uploading)
        let left = try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("runs").path)
        #expect(left.sorted() == ["a1", "a3", "a4", "b3", "b4"])
        #expect(try await harness.store.run(id: "a1") != nil)
        #expect(try await harness.store.run(id: "b1") == nil)

        let after = try await usage(harness, state)
        #expect(after.totalInodes == before.totalInodes - 9)
        #expect(after.totalBytes <= before.totalBytes - Int64(3 * Self.videoBytes))
        #expect(after.accounts.first { $0.accountID == "a" }?.runFolders == 3)
        #expect(after.accounts.first { $0.accountID == "b" }?.runFolders == 2)
    }

    @Test func deletingTheRunFolderLeavesThePublishedVideoWhole() async throws {
        let (harness, state) = try await seeded()
        let sweeper = RetentionSweeper(
            store: harness.store, stateDirectory: state,
            limits: .init(runs: .seconds(90 * 86_400), artifacts: .seconds(60), maxArtifacts: 10),
            now: { Harness.start }, logger: Logger(label: "test"))
        await sweeper.sweep()
        let left = try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("runs").path)
        #expect(left == ["a1"])
        let published = harness.folder.appendingPathComponent("out/b/b4.mp4")
        #expect(try Data(contentsOf: published) == Data(repeating: 4, count: Self.videoBytes))
        let after = try await usage(harness, state)
        #expect(after.accounts.first { $0.accountID == "b" }?.publishedBytes ?? 0 >= Int64(Self.videoBytes))
    }
}
