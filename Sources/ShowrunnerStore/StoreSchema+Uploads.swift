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
}
