/// The YouTube API calls the upload step makes; each has a configurable quota cost.
enum YouTubeCall: String, Sendable, Hashable, CaseIterable {
    /// `videos.insert`: starting a resumable session.
    case insert = "videos.insert"
    /// The `PUT`s of a session's bytes and status queries: part of the insert, no quota of their own.
    case upload = "upload"
    case thumbnail = "thumbnails.set"
    case playlistItem = "playlistItems.insert"
    /// `captions.insert`: the SRT as a caption track.
    case caption = "captions.insert"
}
