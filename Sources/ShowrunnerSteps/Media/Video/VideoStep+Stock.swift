import Foundation
import ShowrunnerCore

extension VideoStep {
    /// Scenes cut at the sentence bounds, each filled with a stock clip found by its keywords (`SceneKeywords`):
    /// one this video has not used, preferably not in the account's recent videos, downloaded into the state
    /// folder's `cache/stock/` (reused by id). A search with no result, or whose downloads are all broken, leaves
    /// the scene to the `library` fallback, else the colour.
    func castStock(
        _ context: StepContext, stock: StockSettings, duration: Double, frame: Frame
    ) async throws -> CastScenes {
        let spans = SentenceBounds.spans(
            text: try context.string("text"), duration: duration, reported: context.inputs["sentences"])
        let scenes = ScenePlanner().plan(spans, duration: duration)
        let scripted = SceneKeywords.scripted(context.inputs["script_scenes"])
        let recent = try await context.stores.recentMedia.recentMedia(
            accountID: context.account.id, output: "media", runs: Self.recentVideos)
        let client = StockClient(settings: stock, http: http, tool: tool, pause: pause)
        let cache = Self.stockCache(context)
        var found: [String: [StockClip]] = [:]
        var chosen: [StockClip?] = []
        var files: [URL?] = []
        for scene in scenes {
            let query = SceneKeywords.query(for: scene.text, scripted: scripted)
            if found[query] == nil {
                found[query] =
                    query.isEmpty
                    ? []
                    : try await redacted(context) {
                        try await client.search(query, frame: frame)
                    }
            }
            let used = Set(chosen.compactMap { $0?.id })
            let fresh = (found[query] ?? []).filter { !used.contains($0.id) }
            let ordered =
                fresh.filter { !recent.contains($0.cacheFile(in: cache).path) }
                + fresh.filter { recent.contains($0.cacheFile(in: cache).path) }
            let pick = try await firstDownload(ordered, client: client, cache: cache, context: context)
            chosen.append(pick?.clip)
            files.append(pick?.file)
        }
        return try await stockParts(scenes, chosen: chosen, files: files, stock: stock, context: context)
    }

    /// The first of `clips` (at most three tried) that downloads whole and plays; broken ones are reported.
    private func firstDownload(
        _ clips: [StockClip], client: StockClient, cache: URL, context: StepContext
    ) async throws -> (clip: StockClip, file: URL)? {
        for clip in clips.prefix(3) {
            do {
                return (clip, try await client.fetch(clip, cache: cache))
            } catch let failure as StepFailure where failure.kind == .transient {
                context.progress(context.redact(failure.message) + " Trying another clip.")
            }
        }
        return nil
    }

    /// Scenes without a clip take a library item (never one twice) or the colour.
    private func stockParts(
        _ scenes: [Scene], chosen: [StockClip?], files: [URL?], stock: StockSettings, context: StepContext
    ) async throws -> CastScenes {
        let empty = scenes.indices.filter { files[$0] == nil }
        var fallback: [Int: LibraryItem] = [:]
        if let folder = stock.library, !empty.isEmpty {
            let library = try MediaLibrary.scan(folder, input: "background.library")
            let items = SceneCasting(recent: [], randomIndex: context.randomIndex).cast(
                empty.map { scenes[$0] }, from: library)
            for (index, item) in zip(empty, items) {
                try await MediaInspector(tool: tool).require("video", in: item.url, what: "library file")
                fallback[index] = item
            }
        }
        var parts: [ScenePart] = []
        var media: [LibraryItem] = []
        for (index, scene) in scenes.enumerated() {
            let source: ScenePart.Source
            if let file = files[index] {
                source = .clip(file)
                media.append(LibraryItem(url: file, kind: .clip, tags: []))
            } else if let item = fallback[index] {
                source = item.kind == .clip ? .clip(item.url) : .still(item.url)
                media.append(item)
            } else {
                source = .color(stock.color)
            }
            parts.append(ScenePart(source: source, start: scene.start, end: scene.end))
        }
        return CastScenes(parts: parts, media: media, credits: chosen.compactMap { $0 })
    }

    /// `STATE/cache/stock`: the artifacts folder is `STATE/runs/<run>/<step>`.
    static func stockCache(_ context: StepContext) -> URL {
        context.artifactsDirectory.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("cache/stock")
    }

    /// A failure with every resolved secret replaced by `***`.
    private func redacted<T>(_ context: StepContext, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch var failure as StepFailure {
            failure.message = context.redact(failure.message)
            throw failure
        }
    }
}
