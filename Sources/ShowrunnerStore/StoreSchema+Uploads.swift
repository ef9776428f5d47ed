import GRDB

extension StoreSchema {
    /// What was done to an uploaded video after it existed (`thumbnails.set`, `playlistItems.insert`), so that a
    /// retry of a step whose upload finished does not insert a playlist item twice (migration v2).
    static func createUploadFollowUps(_ db: Database) throws {
        try db.create(table: "upload_follow_ups", options: [.strict, .withoutRowID]) { t in
            t.column("upload_id", .text).notNull().references("upload_sessions", onDelete: .cascade)
            t.column("action", .text).notNull().check { ["thumbnail", "playlist"].contains($0) }
            // The thumbnail's checksum or the playlist id.
            t.column("target", .text).notNull()
            // The playlist item id.
            t.column("result", .text)
            t.column("done_at", .integer).notNull()
            t.primaryKey(["upload_id", "action", "target"])
        }
    }

    /// Migration caption_follow_ups: a follow-up may also be `captions` (`captions.insert`, target the SRT's checksum, result the
    /// caption track's id). SQLite cannot change a CHECK, so the table is rebuilt with its rows.
    static func allowCaptionFollowUps(_ db: Database) throws {
        try db.create(table: "upload_follow_ups_v3", options: [.strict, .withoutRowID]) { t in
            t.column("upload_id", .text).notNull().references("upload_sessions", onDelete: .cascade)
            t.column("action", .text).notNull().check { ["thumbnail", "playlist", "captions"].contains($0) }
            t.column("target", .text).notNull()
            t.column("result", .text)
            t.column("done_at", .integer).notNull()
            t.primaryKey(["upload_id", "action", "target"])
        }
        try db.execute(
            sql:
                "INSERT INTO upload_follow_ups_v3 SELECT upload_id, action, target, result, done_at FROM upload_follow_ups"
        )
        try db.drop(table: "upload_follow_ups")
        try db.rename(table: "upload_follow_ups_v3", to: "upload_follow_ups")
    }
}
