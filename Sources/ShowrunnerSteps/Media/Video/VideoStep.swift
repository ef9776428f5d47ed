import Foundation
import ShowrunnerCore

/// `video`: renders `audio` as an MP4 (H.264/AAC) of `format` `short` (1080×1920, the default), `landscape`
/// (1920×1080) or `square` (1080×1080). `background` is a colour, an image (a slow zoom) or a looped video, or
/// `{ library: FOLDER }`: the narration is cut into scenes at sentence boundaries (`SentenceBounds`,
/// `ScenePlanner`) and each gets a clip or still from the folder (`SceneCasting`), joined by crossfades
/// (`transition`). `ass` (the word captions) or else `subtitles` (SRT, or a ready `.ass`) are burned in; `logo` is watermarked; `intro` and `outro`
/// clips go around it. `music` (a file or folder) is ducked under the voice; the mix is normalised to −14 LUFS
/// (`Loudness`). Live progress is `encoding 42%`. Outputs `video`, `duration_s`, `scenes`, `media`/`music`
/// (what was used, so the account's next videos pick others) and `still` (the first library still, for a
/// thumbnail). `{ stock: pexels|pixabay }` searches footage per scene (`castStock`); its `credits` and
/// `attribution` (for the description) are outputs too. More scenes than `sceneGroup` render in groups joined
/// without re-encoding (`SegmentedComposition`), which bounds ffmpeg's memory. Each attempt renders in its own `AttemptWorkspace`;
/// the MP4 is checked (`MediaCheck`) before it is renamed into the step's folder.
public struct VideoStep: Step {
    /// How many of the account's recent videos a library item or a music track should not repeat from.
    static let recentVideos = 5

    let tool: MediaTool
    let threads: Int
    /// Divides the frame (tests render small; 1 in production).
    let shrink: Int
    /// Searches and downloads stock footage.
    let http: HTTPClient
    /// Waits out a stock provider's `Retry-After`.
    let pause: @Sendable (Duration) async throws -> Void
    /// Scenes one ffmpeg renders at most; more are rendered in groups and joined (`SegmentedComposition`).
    let sceneGroup: Int
    /// Groups rendered at once (each its own ffmpeg of `threads` threads).
    let parallel: Int

    /// `grace`: how long ffmpeg has between SIGTERM and SIGKILL when the step is cancelled; `threads`: encoder
    /// and filter threads of one ffmpeg (default every core); `parallel`: scene groups rendered at once (default 1).
    public init(
        grace: Duration = .seconds(5), threads: Int? = nil, parallel: Int = 1, http: HTTPClient = HTTPClient()
    ) {
        self.init(grace: grace, threads: threads, shrink: 1, http: http, parallel: parallel)
    }

    init(
        grace: Duration = .seconds(5), threads: Int? = nil, shrink: Int, http: HTTPClient = HTTPClient(),
        pause: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        sceneGroup: Int = SegmentedComposition.defaultGroupSize, parallel: Int = 1
    ) {
        self.sceneGroup = max(1, sceneGroup)
        self.parallel = max(1, parallel)
        tool = MediaTool(grace: grace)
        self.threads = max(1, threads ?? Self.defaultThreads)
        self.shrink = max(1, shrink)
        self.http = http
        self.pause = pause
    }

    public func run(_ context: StepContext) async throws -> StepResult {
        let audio = try context.existingFile("audio", what: "audio file")
        let format = try Self.format(context)
        let settings = try VideoSettings.parse(context)
        let subtitlesFile =
            try context.trimmedString("subtitles") != nil
            ? try context.existingFile("subtitles", what: "subtitles file") : nil
        let voice = try await AudioFile.duration(of: audio, tool: tool)
        let frame = Frame(width: format.width / shrink / 2 * 2, height: format.height / shrink / 2 * 2)
        let bookends = try await bookendLengths(settings)
        let music = try await chooseMusic(context, settings: settings)
        let total = bookends.intro + voice + bookends.outro
        let captions =
            try context.trimmedString("ass") != nil ? try context.existingFile("ass", what: "captions file") : nil
        let workspace = try AttemptWorkspace.open(context)
        let (video, cast) = try await workspace.produce("video.mp4") { folder in
            let mix = MixRecipe(
                voice: audio, music: music, musicVolume: settings.musicVolume, lead: bookends.intro,
                duration: total, output: "mix.wav")
            // The sound (mix, loudness passes, AAC: one core) is made while the scenes are cast and the groups
            // render, and joined with them when both are done.
            async let sound = sound(mix, in: folder)
            let cast = try await castScenes(context, settings: settings, duration: voice, frame: frame)
            let subtitles =
                try captions.map { file throws(StepFailure) in try Self.copyASS(file, in: folder) }
                ?? subtitlesFile.map { file throws(StepFailure) in
                    try Self.writeASS(from: file, format: format, in: folder)
                }
            let recipe = CompositionRecipe(
                frame: frame, scenes: cast.parts, transition: settings.transition, intro: settings.intro,
                outro: settings.outro, logo: settings.logo, subtitles: subtitles,
                audio: folder.appendingPathComponent(CompositionRecipe.sound), duration: total, threads: threads,
                output: "video.mp4", introLength: bookends.intro, outroLength: bookends.outro)
            let groups = groups(of: recipe)
            defer { Self.removeSegments(groups, in: folder) }
            if let groups { try await renderGroups(groups, in: folder, progress: context.progress) }
            try await sound
            try await finish(recipe, groups: groups, in: folder, progress: context.progress)
            Self.removeSound(in: folder)
            try await MediaCheck(tool: tool).verify(
                folder.appendingPathComponent(recipe.output), what: "video", expected: total)
            return cast
        }
        return StepResult(
            outputs: outputs(video: video, duration: total, cast: cast, music: music), artifacts: [video.path])
    }

    private func outputs(video: URL, duration: Double, cast: CastScenes, music: URL?) -> [String: ConfigValue] {
        var outputs: [String: ConfigValue] = [
            "video": .string(video.path), "duration_s": .double((duration * 1000).rounded() / 1000),
            "scenes": .list(cast.parts.map(Self.describe)),
        ]
        if !cast.media.isEmpty { outputs["media"] = .list(cast.media.map { .string($0.path) }) }
        if let music { outputs["music"] = .string(music.path) }
        if let still = cast.media.first(where: { $0.kind == .still }) { outputs["still"] = .string(still.path) }
        if !cast.credits.isEmpty {
            outputs["credits"] = .list(cast.credits.map(Self.credit))
            outputs["attribution"] = .string(Self.attribution(cast.credits))
        }
        return outputs
    }

    /// One stock clip's credit: `{provider, id, author, url, licence}`.
    private static func credit(_ clip: StockClip) -> ConfigValue {
        .map([
            "provider": .string(clip.provider.name), "id": .string(clip.id), "author": .string(clip.author),
            "url": .string(clip.page), "licence": .string(clip.provider.licence),
        ])
    }

    /// The lines appended to the video's description: `Footage:` then one credit per clip, each once.
    static func attribution(_ clips: [StockClip]) -> String {
        var seen: Set<String> = []
        let lines = clips.filter { seen.insert($0.provider.rawValue + $0.id).inserted }.map(\.attribution)
        return (["Footage:"] + lines).joined(separator: "\n")
    }

    private static func describe(_ part: ScenePart) -> ConfigValue {
        let source: String
        switch part.source {
        case .color(let color): source = color
        case .still(let url), .clip(let url): source = url.path
        }
        let round = { (value: Double) in ConfigValue.double((value * 1000).rounded() / 1000) }
        return .map(["start": round(part.start), "end": round(part.end), "source": .string(source)])
    }

    static func format(_ context: StepContext) throws(StepFailure) -> VideoFormat {
        let text = try context.trimmedString("format")?.lowercased() ?? VideoFormat.short.rawValue
        guard let format = VideoFormat(rawValue: text) else {
            throw StepFailure(.permanent, "input 'format' must be short, landscape or square, found '\(text)'.")
        }
        return format
    }

    /// Every core: one video alone uses the machine (x264 frame threads beside the filters); two at once (the
    /// `video` kind's limit is one per core) share it.
    static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
