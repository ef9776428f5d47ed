import Foundation
import ShowrunnerCore

/// What happens to a video once it exists: `thumbnails.set` with the thumbnail image, `playlistItems.insert`
/// into the configured playlist and `captions.insert` of the SRT (`YouTubeCaptionUpload`). Each is recorded when done, so a retry does neither twice and never uploads the
/// video again.
struct YouTubeFollowUps: Sendable {
    /// One thing still to do.
    enum Pending: Sendable, Equatable {
        case thumbnail(URL, checksum: String)
        case playlist(String)
        case captions(URL, checksum: String)

        var call: YouTubeCall {
            switch self {
            case .thumbnail: .thumbnail
            case .playlist: .playlistItem
            case .captions: .caption
            }
        }

        var action: UploadFollowUp.Action {
            switch self {
            case .thumbnail: .thumbnail
            case .playlist: .playlist
            case .captions: .captions
            }
        }
    }

    let api: YouTubeAPI
    let endpoints: YouTubeEndpoints
    let uploads: any UploadSessionStore
    let quota: YouTubeQuota
    let now: @Sendable () -> Date

    /// What `plan` asks for that `done` does not hold (a thumbnail or SRT with other bytes is sent again).
    static func pending(
        _ plan: YouTubeUploadPlan, _ fingerprints: YouTubeUploadStep.Fingerprints, done: [UploadFollowUp]
    ) -> [Pending] {
        var pending: [Pending] = []
        if let thumbnail = plan.thumbnail, let checksum = fingerprints.thumbnail,
            !done.contains(where: { $0.action == .thumbnail && $0.target == checksum })
        {
            pending.append(.thumbnail(thumbnail, checksum: checksum))
        }
        if let playlist = plan.playlistID, !done.contains(where: { $0.action == .playlist && $0.target == playlist }) {
            pending.append(.playlist(playlist))
        }
        if let captions = plan.captions, let checksum = fingerprints.captions,
            !done.contains(where: { $0.action == .captions && $0.target == checksum })
        {
            pending.append(.captions(captions, checksum: checksum))
        }
        return pending
    }

    func perform(
        _ pending: [Pending], videoID: String, uploadID: String, plan: YouTubeUploadPlan
    ) async throws {
        for item in pending {
            try await quota.spend(item.call)
            let (target, result): (String, String?)
            switch item {
            case .thumbnail(let url, let checksum):
                try await setThumbnail(url, videoID: videoID)
                (target, result) = (checksum, nil)
            case .playlist(let playlistID):
                (target, result) = (playlistID, try await insertPlaylistItem(playlistID, videoID: videoID))
            case .captions(let url, let checksum):
                let upload = YouTubeCaptionUpload(api: api, endpoints: endpoints, now: now)
                (target, result) = (
                    checksum,
                    try await upload.insert(
                        url, videoID: videoID, language: plan.captionLanguage, name: plan.captionName)
                )
            }
            let followUp = UploadFollowUp(
                uploadID: uploadID, action: item.action, target: target,
                result: result, doneAt: now())
            try await uploads.recordFollowUp(followUp)
        }
    }

    private func setThumbnail(_ url: URL, videoID: String) async throws {
        let image: Data
        do { image = try Data(contentsOf: url) } catch {
            throw StepFailure(.permanent, "cannot read the thumbnail \(url.path): \(error.localizedDescription)")
        }
        let target = endpoints.thumbnailURL(videoID: videoID)
        let type = YouTubeUploadPlan.thumbnailContentType(url) ?? "application/octet-stream"
        let response = try await api.send(
            HTTPRequest(method: "POST", url: target, headers: ["Content-Type": type], body: image))
        guard
            var reply = YouTubeErrorReply.classify(
                response, call: .thumbnail, request: "POST \(target.absoluteString)",
                now: now())
        else { return }
        if response.status == 403, reply.quotaReason == nil {
            reply.failure.kind = .permanent
            reply.failure.message +=
                " The channel may not be allowed custom thumbnails yet (verify it at "
                + "https://www.youtube.com/verify)."
        }
        throw reply
    }

    /// The new playlist item's id.
    private func insertPlaylistItem(_ playlistID: String, videoID: String) async throws -> String? {
        let body: [String: Any] = [
            "snippet": ["playlistId": playlistID, "resourceId": ["kind": "youtube#video", "videoId": videoID]]
        ]
        let request = HTTPRequest(
            method: "POST", url: endpoints.playlistItemsURL, headers: ["Content-Type": "application/json"],
            body: try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
        let response = try await api.send(request)
        let summary = "POST \(endpoints.playlistItemsURL.absoluteString)"
        if let reply = YouTubeErrorReply.classify(response, call: .playlistItem, request: summary, now: now()) {
            throw reply
        }
        return ((try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any])?["id"] as? String
    }
}
