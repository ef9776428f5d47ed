import Foundation
import ShowrunnerCore

extension YouTubeUploadStep {
    /// The checksums that identify an upload (`<size>:fnv1a64:<hex>` of the video, with the account) and the
    /// thumbnail that was set; each file is read once, in 1 MiB chunks.
    struct Fingerprints: Sendable {
        var video: String
        var thumbnail: String?
        var captions: String?

        init(_ plan: YouTubeUploadPlan) throws(StepFailure) {
            video = try Self.checksum(plan.video, input: "video")
            thumbnail = try plan.thumbnail.map { url throws(StepFailure) in try Self.checksum(url, input: "thumbnail") }
            captions = try plan.captions.map { url throws(StepFailure) in try Self.checksum(url, input: "srt") }
        }

        static func checksum(_ url: URL, input: String) throws(StepFailure) -> String {
            do {
                let fingerprint = try FileFingerprint(of: url)
                return "\(fingerprint.size):fnv1a64:\(fingerprint.fnv1a64)"
            } catch {
                throw StepFailure(
                    .permanent, "input '\(input)': cannot read \(url.path): \(error.localizedDescription)")
            }
        }
    }
}
