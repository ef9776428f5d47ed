import Foundation
import GRDB
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// Upload records (SPEC §10.3): one per account and checksum, created before any byte is sent, and a video id that
/// once recorded is never replaced.
struct UploadSessionTests {
    func makeSession(
        _ id: String = "u1", account: String = "cooking", checksum: String = "100:fnv1a64:abc", runID: String? = "r1"
    ) -> UploadSession {
        UploadSession(
            id: id, accountID: account, runID: runID, stepID: "upload", filePath: "/tmp/v.mp4", fileSize: 100,
            checksum: checksum, createdAt: instant(0))
    }

    @Test(arguments: StoreKind.all) func aCreatedSessionIsFoundByAccountAndChecksum(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        try await insert(makeRun("r1"), into: store)
        let created = try await store.createUploadSession(makeSession())
        #expect(created == makeSession())
        #expect(try await store.uploadSession(accountID: "cooking", checksum: "100:fnv1a64:abc") == created)
        #expect(try await store.uploadSession(accountID: "travel", checksum: "100:fnv1a64:abc") == nil)
        #expect(try await store.uploadSession(accountID: "cooking", checksum: "100:fnv1a64:abd") == nil)
    }

    @Test(arguments: StoreKind.all) func creatingTheSameUploadAgainReturnsTheFirstRecord(_ kind: StoreKind) async throws
    {
        let store = try await kind.open()
        let first = try await store.createUploadSession(makeSession("u1", runID: nil))
        try await store.recordSessionURI("https://up/1", uploadID: "u1", at: instant(1))
        let second = try await store.createUploadSession(makeSession("u2", runID: nil))
        #expect(second.id == first.id)
        #expect(second.sessionURI == "https://up/1")
        let other = try await store.createUploadSession(makeSession("u3", account: "travel", runID: nil))
        #expect(other.id == "u3")
    }

    @Test(arguments: StoreKind.all) func anUnknownRunIsRecordedAsNoRun(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        let created = try await store.createUploadSession(makeSession(runID: "gone"))
        #expect(created.runID == nil)
    }

    @Test(arguments: StoreKind.all) func progressAndANewSessionAreRecorded(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        _ = try await store.createUploadSession(makeSession(runID: nil))
        try await store.recordSessionURI("https://up/1", uploadID: "u1", at: instant(1))
        try await store.recordUploadedBytes(60, uploadID: "u1", at: instant(2))
        var stored = try #require(try await store.uploadSession(accountID: "cooking", checksum: "100:fnv1a64:abc"))
        #expect(stored.sessionURI == "https://up/1")
        #expect(stored.uploadedBytes == 60)
        #expect(stored.updatedAt == instant(2))
        try await store.recordSessionURI("https://up/2", uploadID: "u1", at: instant(3))
        stored = try #require(try await store.uploadSession(accountID: "cooking", checksum: "100:fnv1a64:abc"))
        #expect(stored.sessionURI == "https://up/2")
        #expect(stored.uploadedBytes == 0)
    }

    @Test(arguments: StoreKind.all) func theFirstVideoIDIsKeptForever(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        _ = try await store.createUploadSession(makeSession(runID: nil))
        try await store.recordSessionURI("https://up/1", uploadID: "u1", at: instant(1))
        #expect(try await store.recordVideoID("VID1", uploadID: "u1", at: instant(2)) == "VID1")
        #expect(try await store.recordVideoID("VID2", uploadID: "u1", at: instant(3)) == "VID1")
        let stored = try #require(try await store.uploadSession(accountID: "cooking", checksum: "100:fnv1a64:abc"))
        #expect(stored.videoID == "VID1")
        #expect(stored.isComplete)
        #expect(stored.uploadedBytes == 100)
        await #expect(throws: UploadStoreError.alreadyUploaded(uploadID: "u1", videoID: "VID1")) {
            try await store.recordSessionURI("https://up/2", uploadID: "u1", at: instant(4))
        }
        await #expect(throws: UploadStoreError.alreadyUploaded(uploadID: "u1", videoID: "VID1")) {
            try await store.recordUploadedBytes(5, uploadID: "u1", at: instant(4))
        }
        await #expect(throws: UploadStoreError.uploadNotFound("nope")) {
            try await store.recordVideoID("VID1", uploadID: "nope", at: instant(4))
        }
    }

    @Test(arguments: StoreKind.all) func followUpsAreRecordedOnce(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        _ = try await store.createUploadSession(makeSession(runID: nil))
        let playlist = UploadFollowUp(
            uploadID: "u1", action: .playlist, target: "PL1", result: "ITEM1", doneAt: instant(1))
        try await store.recordFollowUp(playlist)
        try await store.recordFollowUp(
            UploadFollowUp(uploadID: "u1", action: .playlist, target: "PL1", result: "ITEM2", doneAt: instant(2)))
        let thumbnail = UploadFollowUp(uploadID: "u1", action: .thumbnail, target: "9:fnv1a64:x", doneAt: instant(3))
        try await store.recordFollowUp(thumbnail)
        #expect(try await store.followUps(uploadID: "u1") == [playlist, thumbnail])
        #expect(try await store.followUps(uploadID: "u2") == [])
    }

    @Test(arguments: [
        "INSERT INTO upload_follow_ups (upload_id, action, target, done_at) VALUES ('missing', 'playlist', 'p', 0)",
        "INSERT INTO upload_follow_ups (upload_id, action, target, done_at) VALUES ('u1', 'caption', 'p', 0)",
        "INSERT INTO upload_follow_ups (upload_id, action, target, done_at) VALUES ('u1', 'playlist', NULL, 0)",
        """
        INSERT INTO upload_sessions (id, account_id, step_id, file_path, file_size, checksum, created_at, updated_at)
          VALUES ('u2', 'cooking', 's', 'v.mp4', 100, '100:fnv1a64:abc', 0, 0)
        """,
        "INSERT INTO quota_usage (project, day, units) VALUES ('p', '2026-3-8', 1)",
        "INSERT INTO quota_usage (project, day, units) VALUES ('p', '2026-03-08', -1)",
    ])
    func theSchemaRefuses(_ sql: String) async throws {
        let store = try SQLiteStore.inMemory()
        _ = try await store.createUploadSession(makeSession(runID: nil))
        #expect(await violatesConstraint(store) { db in try db.execute(sql: sql) })
    }

    @Test func deletingTheUploadDeletesItsFollowUps() async throws {
        let store = try SQLiteStore.inMemory()
        _ = try await store.createUploadSession(makeSession(runID: nil))
        try await store.recordFollowUp(
            UploadFollowUp(uploadID: "u1", action: .playlist, target: "PL", doneAt: instant(1)))
        try await store.writer.write { db in try db.execute(sql: "DELETE FROM upload_sessions") }
        #expect(try await store.followUps(uploadID: "u1") == [])
    }
}
