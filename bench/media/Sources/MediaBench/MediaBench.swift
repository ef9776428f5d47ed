import Foundation
import ShowrunnerCore
import ShowrunnerSteps
import ShowrunnerStore

/// `MediaBench render SCRIPT OUT [short|landscape|square] [BACKGROUND]`: runs the `tts` (espeak-ng), `subtitles`
/// and `video` steps in this process, as the engine would, into OUT/voice, OUT/subtitles and OUT/video; prints one
/// JSON line with the outputs (the scenes and music track chosen too) and each step's wall time. BACKGROUND
/// `library:DIR` renders scenes from DIR; the environment's `MUSIC` (a file or folder) adds a music bed, `VOICE=piper`
/// speaks with Piper (the project's venv and its en_US-joe-medium model) instead of espeak-ng, and `CAPTIONS=words`
/// burns word-by-word captions (`style: words`, timed from the voice's sentences) instead of SRT lines.
/// `MediaBench thumbnail TITLE OUT [BACKGROUND]`: the `thumbnail` step into OUT/thumbnail.
@main
struct MediaBench {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "render" where arguments.count >= 3:
            try await render(
                script: arguments[1], out: URL(fileURLWithPath: arguments[2]),
                format: arguments.count > 3 ? arguments[3] : "short",
                background: arguments.count > 4 ? arguments[4] : nil)
        case "thumbnail" where arguments.count >= 3:
            let out = URL(fileURLWithPath: arguments[2])
            var inputs: [String: ConfigValue] = ["title": .string(arguments[1])]
            if arguments.count > 3 { inputs["background"] = .string(arguments[3]) }
            let result = try await ThumbnailStep().run(context(inputs, out: out, step: "thumbnail"))
            if case .string(let path)? = result.outputs["image"] { print(path) }
        default:
            let usage =
                "usage: MediaBench render SCRIPT OUT [short|landscape] [BACKGROUND]\n"
                + "       MediaBench thumbnail TITLE OUT [BACKGROUND]\n"
            FileHandle.standardError.write(Data(usage.utf8))
            exit(2)
        }
    }

    static func render(script: String, out: URL, format: String, background: String?) async throws {
        let text = try String(contentsOfFile: script, encoding: .utf8)
        var timings: [String: Double] = [:]
        let voice = try await timed("tts", &timings) {
            try await TTSStep().run(context(["text": .string(text)], out: out, step: "voice"))
        }
        var captionInputs: [String: ConfigValue] = [
            "text": .string(text), "duration_s": voice.outputs["duration_s"]!, "format": .string(format),
        ]
        if words {
            captionInputs["style"] = .string("words")
            captionInputs["sentences"] = voice.outputs["sentences"] ?? .null
        }
        let subtitles = try await timed("subtitles", &timings) {
            try await SubtitlesStep().run(context(captionInputs, out: out, step: "subtitles"))
        }
        var inputs: [String: ConfigValue] = [
            "audio": voice.outputs["audio"]!, "subtitles": subtitles.outputs["srt"]!, "format": .string(format),
        ]
        if let ass = subtitles.outputs["ass"] { inputs["ass"] = ass }
        if let background {
            inputs["background"] =
                background.hasPrefix("library:")
                ? .map(["library": .string(String(background.dropFirst(8)))]) : .string(background)
        }
        if let music = ProcessInfo.processInfo.environment["MUSIC"], !music.isEmpty { inputs["music"] = .string(music) }
        inputs["text"] = .string(text)
        let video = try await timed("video", &timings) {
            try await VideoStep().run(context(inputs, out: out, step: "video"))
        }
        let report: [String: ConfigValue] = [
            "audio": voice.outputs["audio"]!, "srt": subtitles.outputs["srt"]!, "video": video.outputs["video"]!,
            "duration_s": voice.outputs["duration_s"]!, "scenes": video.outputs["scenes"] ?? .list([]),
            "music": video.outputs["music"] ?? .null,
            "seconds": .map(timings.mapValues { .double(($0 * 1000).rounded() / 1000) }),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    static func timed<T>(
        _ name: String, _ timings: inout [String: Double], _ body: () async throws -> T
    ) async rethrows -> T {
        let start = ContinuousClock.now
        let value = try await body()
        let elapsed = ContinuousClock.now - start
        timings[name] = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return value
    }

    /// A throwaway store: the bench keeps no history.
    static let store = try! SQLiteStore.inMemory()

    /// Ties between equally fresh library items and music tracks go to the first, so every run renders the same
    /// composition and runs compare.
    static let environment = ProcessInfo.processInfo.environment
    static let words = environment["CAPTIONS"] == "words"
    static let voice = environment["VOICE"] == "piper" ? Voice(provider: .piper, voice: "en_US-joe-medium") : Voice()

    static func context(_ inputs: [String: ConfigValue], out: URL, step: String) -> StepContext {
        let account = Account(
            id: "bench", channel: Channel(type: "cooking"), schedule: nil, voice: voice, pipeline: .named("shorts"))
        let now = Date()
        let run = RunRecord(id: "bench", accountID: account.id, pipeline: "shorts", trigger: .manual, createdAt: now)
        return StepContext(
            inputs: inputs, account: account, run: run, stepID: step, attempt: 1,
            artifactsDirectory: out.appendingPathComponent(step), configDirectory: URL(fileURLWithPath: "."),
            randomIndex: { _ in 0 }, stores: StepStores(store))
    }
}
