import Foundation

/// Something done to an uploaded video after it exists (`thumbnails.set`, `playlistItems.insert`), recorded so that a
/// retry does not do it twice.
public struct UploadFollowUp: Sendable, Equatable {
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case thumbnail
        case playlist
        case captions
    }

    /// The `UploadSession` it belongs to.
    public var uploadID: String
    public var action: Action
    /// What it was done with: the thumbnail's checksum, the playlist id.
    public var target: String
    /// What the server answered, when it matters (the playlist item id).
    public var result: String?
    public var doneAt: Date

    public init(uploadID: String, action: Action, target: String, result: String? = nil, doneAt: Date) {
        self.uploadID = uploadID
        self.action = action
        self.target = target
        self.result = result
        self.doneAt = doneAt
    }
}
