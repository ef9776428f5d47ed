import Foundation
import ShowrunnerCore

/// `video`: renders `audio` over `background` (a colour, an image with a slow zoom, or a looped video; default
/// `#14213d`) with `subtitles` (an SRT) or the word captions `ass` burned in, as an MP4 of the audio's duration: `format: short`
/// (1080×1920, the default) or `landscape` (1920×1080). Live progress is `encoding 42%`. Outputs `video` (the
/// MP4's path) and `duration_s`. Each attempt renders in its own `AttemptWorkspace`; the MP4 is checked
/// (`MediaCheck`) and only then renamed into the step's folder.
public struct VideoStep: Step {
    static let defaultBackground = "#14213d"

    let tool: MediaTool
    let threads: Int

    /// `grace`: how long ffmpeg has between SIGTERM and SIGKILL when the step is cancelled; `threads`: encoder
    /// and filter threads (default half the cores, at least one).
    public init(grace: Duration = .seconds(5), threads: Int? = nil) {
        tool = MediaTool(grace: grace)
        self.threads = max(1, threads ?? VideoRecipe.defaultThreads)
    }

    public func run(_ context: StepContext) async throws -> StepResult {
        let audio = try context.existingFile("audio", what: "audio file")
        let format = try Self.format(context)
        let background = try MediaBackground.parse(
            try context.trimmedString("background") ?? Self.defaultBackground, input: "background",
            resolve: context.path)
        let srt =
            try context.trimmedString("subtitles") != nil
            ? try context.existingFile("subtitles", what: "subtitles file") : nil
        let ass = try context.trimmedString("ass") != nil ? try context.existingFile("ass", what: "captions file") : nil
        let workspace = try AttemptWorkspace.open(context)
        let duration = try await AudioFile.duration(of: audio, tool: tool)
        let (video, _) = try await workspace.produce("video.mp4") { folder in
            let subtitles =
                try ass.map { ass throws(StepFailure) in try Self.copyASS(ass, in: folder) }
                ?? srt.map { srt throws(StepFailure) in try Self.writeASS(from: srt, format: format, in: folder) }
            let recipe = VideoRecipe(
                format: format, background: background, audio: audio, subtitles: subtitles, duration: duration,
                threads: threads, output: "video.mp4")
            try await encode(recipe, in: folder, progress: context.progress)
            try await MediaCheck(tool: tool).verify(
                folder.appendingPathComponent(recipe.output), what: "video", expected: duration)
        }
        let seconds = (duration * 1000).rounded() / 1000
        return StepResult(
            outputs: ["video": .string(video.path), "duration_s": .double(seconds)], artifacts: [video.path])
    }

    private func encode(
        _ recipe: VideoRecipe, in folder: URL, progress: @escaping @Sendable (String) -> Void
    ) async throws {
        let tracker = ProgressReporter(duration: recipe.duration, report: progress)
        progress("encoding 0%")
        _ = try await tool.run("ffmpeg", recipe.arguments, in: folder) { line in tracker.update(line) }
    }

    static func format(_ context: StepContext) throws(StepFailure) -> VideoFormat {
        let text = try context.trimmedString("format")?.lowercased() ?? VideoFormat.short.rawValue
        guard let format = VideoFormat(rawValue: text) else {
            throw StepFailure(.permanent, "input 'format' must be short or landscape, found '\(text)'.")
        }
        return format
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

    /// The SRT re-fitted to the format's caption lines, as `subtitles.ass` in `folder`; returns the file's name.
    static func writeASS(from srt: URL, format: VideoFormat, in folder: URL) throws(StepFailure) -> String {
        let text: String
        do {
            text = try String(contentsOf: srt, encoding: .utf8)
        } catch {
            throw StepFailure(.permanent, "cannot read the subtitles \(srt.path): \(error.localizedDescription)")
        }
        let cues: [SubtitleCue]
        do {
            cues = try SRTFormat.parse(text)
        } catch {
            throw StepFailure(.permanent, "the subtitles \(srt.path) are not valid SRT: \(error).")
        }
        let name = "subtitles.ass"
        let fitted = SubtitleTimeline.refit(cues, to: format.captions.limits)
        try OutputFolder.write(ASSDocument.render(fitted, format: format), to: folder.appendingPathComponent(name))
        return name
    }
}
