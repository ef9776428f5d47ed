import Foundation
import ShowrunnerCore

/// `subtitles`: cuts `text` into cues of at most two lines of 42 characters, timed across `duration_s` (the real
/// length of the speech), and writes them as `subtitles.srt` in the step's folder. Output `srt` (its path).
public struct SubtitlesStep: Step {
    public init() {}

    public func run(_ context: StepContext) async throws -> StepResult {
        let text = try context.requiredString("text")
        let duration = try context.seconds("duration_s")
        let cues = SubtitleTimeline.cues(for: text, duration: duration)
        guard !cues.isEmpty else {
            throw StepFailure(.permanent, "input 'text' has no words to show as subtitles.")
        }
        try OutputFolder.prepare(context.artifactsDirectory)
        let file = context.artifactsDirectory.appendingPathComponent("subtitles.srt")
        try OutputFolder.write(SRTFormat.render(cues), to: file)
        return StepResult(outputs: ["srt": .string(file.path)], artifacts: [file.path])
    }
}
