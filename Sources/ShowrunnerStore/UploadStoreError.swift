/// An upload-record operation that cannot be carried out.
public enum UploadStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case uploadNotFound(String)
    /// A session or progress for an upload whose video already exists.
    case alreadyUploaded(uploadID: String, videoID: String)

    public var description: String {
        switch self {
        case .uploadNotFound(let id):
            "No upload with id '\(id)'."
        case .alreadyUploaded(let id, let videoID):
            "Upload '\(id)' is already done as video '\(videoID)'; it cannot get a new session."
        }
    }
}
