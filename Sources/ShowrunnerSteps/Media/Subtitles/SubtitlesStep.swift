import Foundation
import ShowrunnerCore

/// `subtitles`: cuts `text` into cues of at most two lines of 42 characters, timed across `duration_s` (the real
/// length of the speech), and writes them as `subtitles.srt` in the step's folder (output `srt`). `style: words`
/// also writes `captions.ass` (output `ass`, which the `video` step burns instead of the SRT): one to three words
/// on screen, the spoken one highlighted, timed inside each sentence's bounds from the `tts` step's `sentences`
/// (exact with Piper; estimated from the text otherwise), in the frame of `format` (default short).
public struct SubtitlesStep: Step {
    enum Style: String, CaseIterable { case lines, words }

    public init() {}

    public func run(_ context: StepContext) async throws -> StepResult {
        let text = try context.requiredString("text")
        let duration = try context.seconds("duration_s")
        let style = try Self.style(context)
        let cues = SubtitleTimeline.cues(for: text, duration: duration)
        guard !cues.isEmpty else {
            throw StepFailure(.permanent, "input 'text' has no words to show as subtitles.")
        }
        try OutputFolder.prepare(context.artifactsDirectory)
        let file = context.artifactsDirectory.appendingPathComponent("subtitles.srt")
        try OutputFolder.publish(SRTFormat.render(cues), to: file)
        var outputs: [String: ConfigValue] = ["srt": .string(file.path)]
        var artifacts = [file.path]
        if style == .words {
            let ass = try Self.writeWords(context, text: text, duration: duration)
            outputs["ass"] = .string(ass.path)
            artifacts.append(ass.path)
        }
        return StepResult(outputs: outputs, artifacts: artifacts)
    }

    static func style(_ context: StepContext) throws(StepFailure) -> Style {
        let text = try context.trimmedString("style")?.lowercased() ?? Style.lines.rawValue
        guard let style = Style(rawValue: text) else {
            throw StepFailure(.permanent, "input 'style' must be lines or words, found '\(text)'.")
        }
        return style
    }

    /// The word captions as `captions.ass` in the step's folder.
    private static func writeWords(_ context: StepContext, text: String, duration: Double) throws(StepFailure) -> URL {
        let format = try VideoStep.format(context)
        let look = try WordCaptionStyle.from(context, format: format)
        let sentences = try sentences(context) ?? WordTimeline.estimatedSentences(in: text, duration: duration)
        let events = WordTimeline.events(for: sentences, wordsPerLine: look.wordsPerLine)
        guard !events.isEmpty else {
            throw StepFailure(.permanent, "input 'text' has no words to show as captions.")
        }
        let file = context.artifactsDirectory.appendingPathComponent("captions.ass")
        try OutputFolder.publish(WordCaptionsDocument.render(events, style: look, format: format), to: file)
        return file
    }

    /// The `sentences` input (the `tts` step's exact bounds), nil when absent.
    private static func sentences(_ context: StepContext) throws(StepFailure) -> [SpokenSentence]? {
        guard let value = context.inputs["sentences"], value != .null else { return nil }
        guard let sentences = SpokenSentence.list(value) else {
            throw StepFailure(.permanent, "input 'sentences' must be a list of {text, start_s, end_s}.")
        }
        return sentences
    }
}
