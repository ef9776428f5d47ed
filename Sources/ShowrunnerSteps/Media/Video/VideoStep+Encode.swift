import Foundation
import ShowrunnerCore

extension VideoStep {
    /// Runs ffmpeg for `recipe`: in one pass for a few scenes, else segment by segment (`SegmentedComposition`),
    /// which bounds the memory one ffmpeg needs; live progress is `encoding N%` of the whole video either way.
    func encode(
        _ recipe: CompositionRecipe, in folder: URL, progress: @escaping @Sendable (String) -> Void
    ) async throws {
        progress("encoding 0%")
        guard SegmentedComposition.needed(recipe, groupSize: sceneGroup) else {
            let tracker = ProgressReporter(duration: recipe.duration, report: progress)
            _ = try await tool.run("ffmpeg", recipe.arguments, in: folder) { line in tracker.update(line) }
            return
        }
        let plan = SegmentedComposition(whole: recipe, groupSize: sceneGroup)
        let segments = plan.segments
        defer {
            for name in segments.map(\.output) + [Self.segmentList] {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        var done = 0.0
        for segment in segments {
            let tracker = ProgressReporter(duration: recipe.duration, offset: done, report: progress)
            _ = try await tool.run("ffmpeg", segment.arguments, in: folder) { line in tracker.update(line) }
            done += segment.seconds
        }
        do {
            try plan.list.write(to: folder.appendingPathComponent(Self.segmentList), atomically: true, encoding: .utf8)
        } catch {
            throw StepFailure(
                .permanent, "cannot write \(folder.path)/\(Self.segmentList): \(error.localizedDescription)")
        }
        _ = try await tool.run("ffmpeg", plan.joinArguments(list: Self.segmentList), in: folder)
    }

    static let segmentList = "segments.txt"
}
