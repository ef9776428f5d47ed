import Foundation
import ShowrunnerCore

extension VideoStep {
    /// One scene of the single background, or the library's scenes: planned at the sentence bounds, cast from the
    /// folder, and each chosen file checked with ffprobe (a corrupt clip fails here, by name).
    func castScenes(
        _ context: StepContext, settings: VideoSettings, duration: Double, frame: Frame
    ) async throws -> CastScenes {
        switch settings.backdrop {
        case .stock(let stock):
            return try await castStock(context, stock: stock, duration: duration, frame: frame)
        case .single(let background):
            return CastScenes(parts: [ScenePart(source: Self.source(background), start: 0, end: duration)], media: [])
        case .library(let folder):
            let library = try MediaLibrary.scan(folder, input: "background")
            let spans = SentenceBounds.spans(
                text: try context.string("text"), duration: duration, reported: context.inputs["sentences"])
            let scenes = ScenePlanner(limit: library.count).plan(spans, duration: duration)
            let recent = try await context.stores.recentMedia.recentMedia(
                accountID: context.account.id, output: "media", runs: Self.recentVideos)
            let items = SceneCasting(recent: recent, randomIndex: context.randomIndex).cast(scenes, from: library)
            let inspector = MediaInspector(tool: tool)
            for item in Set(items.map(\.url)).sorted(by: { $0.path < $1.path }) {
                try await inspector.require("video", in: item, what: "library file")
            }
            let parts = zip(scenes, items).map { scene, item in
                ScenePart(
                    source: item.kind == .clip ? .clip(item.url) : .still(item.url), start: scene.start,
                    end: scene.end)
            }
            return CastScenes(parts: parts, media: items)
        }
    }

    static func source(_ background: MediaBackground) -> ScenePart.Source {
        switch background {
        case .color(let color): .color(color)
        case .image(let url): .still(url)
        case .video(let url): .clip(url)
        }
    }

    /// Seconds of the intro and outro clips (0 without them).
    func bookendLengths(_ settings: VideoSettings) async throws -> (intro: Double, outro: Double) {
        let inspector = MediaInspector(tool: tool)
        var lengths = (intro: 0.0, outro: 0.0)
        if let intro = settings.intro { lengths.intro = try await inspector.duration(of: intro, what: "intro clip") }
        if let outro = settings.outro { lengths.outro = try await inspector.duration(of: outro, what: "outro clip") }
        if let logo = settings.logo { try await inspector.require("video", in: logo, what: "logo image") }
        return lengths
    }

    /// The music track, checked to be audio; nil without `music`.
    func chooseMusic(_ context: StepContext, settings: VideoSettings) async throws -> URL? {
        guard let music = settings.music else { return nil }
        let tracks = try MusicLibrary.tracks(at: music)
        let recent =
            tracks.count > 1
            ? try await context.stores.recentMedia.recentMedia(
                accountID: context.account.id, output: "music", runs: Self.recentVideos)
            : []
        let track = MusicLibrary.pick(tracks, recent: recent, randomIndex: context.randomIndex)
        try await MediaInspector(tool: tool).require("audio", in: track, what: "music file")
        return track
    }
}
