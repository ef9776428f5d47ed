import Foundation
import ShowrunnerCore
import Testing

/// History by count per account, sparing the runs of unfinished uploads.
struct CountRetentionTests {
    /// cooking: r1…r5 finished at 1…5 s, r6 running; travel: t1, t2; an unfinished upload of r1 touched at 3 s.
    func seeded(_ kind: StoreKind) async throws -> (any ShowrunnerStorage, any RunCountRetention) {
        let store = try await kind.open()
        for index in 1...5 {
            try await insert(makeRun("r\(index)", createdAt: instant(Int64(index))), into: store)
            try await store.updateRun(
                id: "r\(index)", status: .succeeded, reason: nil, owner: nil, at: instant(Int64(index)))
        }
        for index in 1...2 {
            try await insert(makeRun("t\(index)", account: "travel", createdAt: instant(Int64(index))), into: store)
            try await store.updateRun(id: "t\(index)", status: .failed, reason: "x", owner: nil, at: instant(9))
        }
        try await insert(makeRun("r6", createdAt: instant(6)), into: store)
        try await store.updateRun(
            id: "r6", status: .running, reason: nil, owner: RunOwner(host: "h", pid: 1, heartbeatAt: instant(6)),
            at: instant(6))
        _ = try await store.createUploadSession(
            UploadSession(
                id: "u1", accountID: "cooking", runID: "r1", stepID: "upload", filePath: "/state/runs/r1/v.mp4",
                fileSize: 100, checksum: "100:fnv1a64:abc", createdAt: instant(0)))
        try await store.recordUploadedBytes(50, uploadID: "u1", at: instant(3))
        return (store, try #require(store as? any RunCountRetention))
    }

    func remaining(_ store: any ShowrunnerStorage) async throws -> [String] {
        try await store.runs(matching: RunQuery(limit: 100)).map(\.id).sorted()
    }

    @Test(arguments: StoreKind.all) func eachAccountKeepsItsNewestAndTheUnfinishedUpload(_ kind: StoreKind) async throws
    {
        let (store, retention) = try await seeded(kind)
        #expect(try await retention.runsWithUnfinishedUploads(since: instant(3)) == ["r1"])
        #expect(try await retention.runsWithUnfinishedUploads(since: instant(4)) == [])
        #expect(try await retention.deleteFinishedRuns(keepingNewest: 2, uploadsSince: instant(0)) == 2)
        #expect(try await remaining(store) == ["r1", "r4", "r5", "r6", "t1", "t2"])
        // Once the upload is older than the protection, its run goes too.
        #expect(try await retention.deleteFinishedRuns(keepingNewest: 2, uploadsSince: instant(4)) == 1)
        #expect(try await remaining(store) == ["r4", "r5", "r6", "t1", "t2"])
    }

    @Test(arguments: StoreKind.all) func aFinishedUploadNoLongerProtectsItsRun(_ kind: StoreKind) async throws {
        let (store, retention) = try await seeded(kind)
        _ = try await store.recordVideoID("vid", uploadID: "u1", at: instant(4))
        #expect(try await retention.runsWithUnfinishedUploads(since: instant(0)) == [])
        #expect(try await retention.deleteFinishedRuns(keepingNewest: 2, uploadsSince: instant(0)) == 3)
    }

    @Test(arguments: StoreKind.all) func ageRetentionSparesAnUploadTouchedSinceTheCutoff(_ kind: StoreKind) async throws
    {
        let (store, _) = try await seeded(kind)
        #expect(try await store.deleteFinishedRuns(before: instant(3)) == 1)  // r2; r1 is uploading
        #expect(try await remaining(store) == ["r1", "r3", "r4", "r5", "r6", "t1", "t2"])
    }

    @Test(arguments: StoreKind.all) func accountsOfRunsNameOnlyRunsInHistory(_ kind: StoreKind) async throws {
        let (_, retention) = try await seeded(kind)
        #expect(try await retention.accounts(ofRuns: ["r4", "t1", "gone"]) == ["r4": "cooking", "t1": "travel"])
        #expect(try await retention.accounts(ofRuns: []) == [:])
    }
}
