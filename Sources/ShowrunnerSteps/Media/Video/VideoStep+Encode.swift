import Foundation
import ShowrunnerCore

extension VideoStep {
    /// Mixes the sound (`mix`) and runs ffmpeg for `recipe`: in one pass for a few scenes (after the mix, which it
    /// muxes), else segment by segment (`SegmentedComposition`), which bounds the memory one ffmpeg needs, with
    /// the mix made beside the segments and up to `parallel` segments rendered at once; live progress is
    /// `encoding N%` of the whole video either way.
    func render(
        _ recipe: CompositionRecipe, sound: MixRecipe, in folder: URL,
        progress: @escaping @Sendable (String) -> Void
    ) async throws {
        progress("encoding 0%")
        var recipe = recipe
        guard SegmentedComposition.needed(recipe, groupSize: sceneGroup) else {
            recipe.audio = try await mix(sound, in: folder)
            let tracker = ProgressReporter(duration: recipe.duration, report: progress)
            _ = try await tool.run("ffmpeg", recipe.arguments, in: folder) { line in tracker.update(line) }
            return
        }
        let plan = SegmentedComposition(whole: recipe, groupSize: sceneGroup)
        defer {
            for name in plan.segments.map(\.output) + [Self.segmentList] {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        let audio = try await renderSegments(plan, sound: sound, in: folder, progress: progress)
        do {
            try plan.list.write(to: folder.appendingPathComponent(Self.segmentList), atomically: true, encoding: .utf8)
        } catch {
            throw StepFailure(
                .permanent, "cannot write \(folder.path)/\(Self.segmentList): \(error.localizedDescription)")
        }
        var joined = plan
        joined.whole.audio = audio
        _ = try await tool.run("ffmpeg", joined.joinArguments(list: Self.segmentList), in: folder)
    }

    /// The mix (normalised and encoded) and the segments as child tasks, at most `parallel` ffmpegs of segments at
    /// a time; the first failure cancels the others (their ffmpegs are ended). Returns the encoded sound.
    private func renderSegments(
        _ plan: SegmentedComposition, sound: MixRecipe, in folder: URL,
        progress: @escaping @Sendable (String) -> Void
    ) async throws -> URL {
        let segments = plan.segments
        let tracker = SegmentProgress(duration: plan.whole.duration, segments: segments.count, report: progress)
        return try await withThrowingTaskGroup(of: URL?.self) { group in
            group.addTask {
                let wav = try await mix(sound, in: folder)
                _ = try await tool.run("ffmpeg", SegmentedComposition.soundArguments(wav), in: folder)
                return folder.appendingPathComponent(SegmentedComposition.sound)
            }
            var audio: URL?
            var running = 0
            for (index, segment) in segments.enumerated() {
                while running >= parallel, let done = try await group.next() {
                    if let done { audio = done } else { running -= 1 }
                }
                running += 1
                group.addTask {
                    _ = try await tool.run("ffmpeg", segment.arguments, in: folder) { line in
                        tracker.update(index, line)
                    }
                    return nil
                }
            }
            while let done = try await group.next() { if let done { audio = done } }
            guard let audio else { throw StepFailure(.permanent, "the sound of the video was not made.") }
            return audio
        }
    }

    static let segmentList = "segments.txt"
}
