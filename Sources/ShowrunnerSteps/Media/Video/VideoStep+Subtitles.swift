import Foundation
import ShowrunnerCore

extension VideoStep {
    /// `subtitles.ass` in `folder`: a ready `.ass` file (word captions) copied as it is, or the SRT re-fitted to
    /// the format's caption lines. Returns the file's name.
    static func writeASS(from file: URL, format: VideoFormat, in folder: URL) throws(StepFailure) -> String {
        let name = "subtitles.ass"
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw StepFailure(.permanent, "cannot read the subtitles \(file.path): \(error.localizedDescription)")
        }
        if file.pathExtension.lowercased() == "ass" {
            try OutputFolder.write(text, to: folder.appendingPathComponent(name))
            return name
        }
        let cues: [SubtitleCue]
        do {
            cues = try SRTFormat.parse(text)
        } catch {
            throw StepFailure(.permanent, "the subtitles \(file.path) are not valid SRT: \(error).")
        }
        let fitted = SubtitleTimeline.refit(cues, to: format.captions.limits)
        try OutputFolder.write(ASSDocument.render(fitted, format: format), to: folder.appendingPathComponent(name))
        return name
    }

    /// The `subtitles` step's word captions (`ass`, burned instead of the SRT) copied into `folder`.
    static func copyASS(_ ass: URL, in folder: URL) throws(StepFailure) -> String {
        let name = "captions.ass"
        do {
            try FileManager.default.copyItem(at: ass, to: folder.appendingPathComponent(name))
        } catch {
            throw StepFailure(.permanent, "cannot read the captions \(ass.path): \(error.localizedDescription)")
        }
        return name
    }
}
