import Foundation
import GRDB
import ShowrunnerCore

/// A row of `upload_follow_ups`: something done to an uploaded video (a thumbnail set, a playlist item inserted).
struct UploadFollowUpRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "upload_follow_ups"

    var uploadID: String
    var action: String
    var target: String
    var result: String?
    var doneAt: Int64

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case action, target, result
        case uploadID = "upload_id"
        case doneAt = "done_at"
    }
    typealias Columns = CodingKeys

    init(_ followUp: UploadFollowUp) {
        uploadID = followUp.uploadID
        action = followUp.action.rawValue
        target = followUp.target
        result = followUp.result
        doneAt = followUp.doneAt.millisecondsSince1970
    }

    func record() throws -> UploadFollowUp {
        guard let action = UploadFollowUp.Action(rawValue: action) else {
            throw StoreError.unreadableValue(
                table: Self.databaseTableName, column: "action", reason: "unknown action '\(action)'")
        }
        return UploadFollowUp(
            uploadID: uploadID, action: action, target: target, result: result,
            doneAt: Date(millisecondsSince1970: doneAt))
    }
}
