import Foundation
import ShowrunnerCore

extension VideoStep {
    /// Runs ffmpeg for `recipe`, whose sound is finished (`sound`): in one pass for a few scenes, else segment by
    /// segment (`SegmentedComposition`), which bounds the memory one ffmpeg needs, with up to `parallel` segments
    /// rendered at once, joined with the sound without re-encoding; live progress is `encoding N%` of the whole
    /// video either way.
    func render(
        _ recipe: CompositionRecipe, in folder: URL, progress: @escaping @Sendable (String) -> Void
    )
        async throws
    {
        progress("encoding 0%")
        guard SegmentedComposition.needed(recipe, groupSize: sceneGroup) else {
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
        try await renderSegments(plan, in: folder, progress: progress)
        do {
            try plan.list.write(to: folder.appendingPathComponent(Self.segmentList), atomically: true, encoding: .utf8)
        } catch {
            throw StepFailure(
                .permanent, "cannot write \(folder.path)/\(Self.segmentList): \(error.localizedDescription)")
        }
        _ = try await tool.run("ffmpeg", plan.joinArguments(list: Self.segmentList), in: folder)
    }

    /// The segments as child tasks, at most `parallel` ffmpegs at a time; the first failure cancels the others
    /// (their ffmpegs are ended).
    private func renderSegments(
        _ plan: SegmentedComposition, in folder: URL, progress: @escaping @Sendable (String) -> Void
    ) async throws {
        let segments = plan.segments
        let tracker = SegmentProgress(duration: plan.whole.duration, segments: segments.count, report: progress)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            for (index, segment) in segments.enumerated() {
                if running >= parallel {
                    try await group.next()
                    running -= 1
                }
                running += 1
                group.addTask {
                    _ = try await tool.run("ffmpeg", segment.arguments, in: folder) { line in
                        tracker.update(index, line)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    static let segmentList = "segments.txt"
}
