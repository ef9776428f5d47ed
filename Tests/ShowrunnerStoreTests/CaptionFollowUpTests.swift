import Foundation
import GRDB
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// Migration caption_follow_ups: a `captions` follow-up (the SRT's caption track) is recorded once like the others, and a
/// database made by v2 keeps its follow-ups when it is migrated.
struct CaptionFollowUpTests {
    static let session = UploadSession(
        id: "u1", accountID: "cooking", runID: nil, stepID: "upload", filePath: "/tmp/v.mp4", fileSize: 100,
        checksum: "100:fnv1a64:abc", createdAt: instant(0))

    @Test(arguments: StoreKind.all) func aCaptionsFollowUpIsRecordedOnce(_ kind: StoreKind) async throws {
        let store = try await kind.open()
        _ = try await store.createUploadSession(Self.session)
        let captions = UploadFollowUp(
            uploadID: "u1", action: .captions, target: "40:fnv1a64:srt", result: "CAP1", doneAt: instant(1))
        try await store.recordFollowUp(captions)
        try await store.recordFollowUp(
            UploadFollowUp(
                uploadID: "u1", action: .captions, target: "40:fnv1a64:srt", result: "CAP2", doneAt: instant(2)))
        #expect(try await store.followUps(uploadID: "u1") == [captions])
    }

    @Test func aVersion2DatabaseKeepsItsFollowUpsThroughTheMigration() async throws {
        let queue = try DatabaseQueue()
        try StoreSchema.migrator.migrate(queue, upTo: "v2")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO upload_sessions (id, account_id, step_id, file_path, file_size, checksum, created_at, \
                    updated_at) VALUES ('u1', 'cooking', 's', 'v.mp4', 100, '100:fnv1a64:abc', 0, 0);
                    INSERT INTO upload_follow_ups (upload_id, action, target, result, done_at)
                      VALUES ('u1', 'playlist', 'PL1', 'ITEM1', 5);
                    """)
        }
        let store = try SQLiteStore(writer: queue)
        #expect(
            try await store.followUps(uploadID: "u1") == [
                UploadFollowUp(
                    uploadID: "u1", action: .playlist, target: "PL1", result: "ITEM1",
                    doneAt: Date(millisecondsSince1970: 5))
            ])
        let captions = UploadFollowUp(uploadID: "u1", action: .captions, target: "c", doneAt: instant(6))
        try await store.recordFollowUp(captions)
        #expect(try await store.followUps(uploadID: "u1").map(\.action) == [.playlist, .captions])
        #expect(
            await violatesConstraint(store) { db in
                try db.execute(
                    sql:
                        "INSERT INTO upload_follow_ups (upload_id, action, target, done_at) VALUES ('nope', 'captions', 'c', 6)"
                )
            })
    }
}
