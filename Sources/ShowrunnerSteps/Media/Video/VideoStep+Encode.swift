import Foundation
import ShowrunnerCore

extension VideoStep {
    /// The groups `recipe` renders in (`SegmentedComposition`, which bounds the memory one ffmpeg needs), nil when
    /// it has too few scenes and renders in one pass.
    func groups(of recipe: CompositionRecipe) -> SegmentedComposition? {
        SegmentedComposition.needed(recipe, groupSize: sceneGroup)
            ? SegmentedComposition(whole: recipe, groupSize: sceneGroup) : nil
    }

    /// The video file once the sound is finished (`recipe.audio`): the rendered groups joined with it without
    /// re-encoding, or, without groups, the whole video in one pass.
    func finish(
        _ recipe: CompositionRecipe, groups plan: SegmentedComposition?, in folder: URL,
        progress: @escaping @Sendable (String) -> Void
    ) async throws {
        guard let plan else {
            progress("encoding 0%")
            let tracker = ProgressReporter(duration: recipe.duration, report: progress)
            _ = try await tool.run("ffmpeg", recipe.arguments, in: folder) { line in tracker.update(line) }
            return
        }
        do {
            try plan.list.write(to: folder.appendingPathComponent(Self.segmentList), atomically: true, encoding: .utf8)
        } catch {
            throw StepFailure.file("write", "\(folder.path)/\(Self.segmentList)", error)
        }
        _ = try await tool.run("ffmpeg", plan.joinArguments(list: Self.segmentList), in: folder)
    }

    /// Removes the segment files and their list (the joined video holds them).
    static func removeSegments(_ plan: SegmentedComposition?, in folder: URL) {
        for name in (plan?.segments.map(\.output) ?? []) + [segmentList] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Renders the groups' video (no sound, so the sound may still be in the making) as child tasks, at most
    /// `parallel` ffmpegs at a time; the first failure cancels the others (their ffmpegs are ended). Live progress
    /// is `encoding N%` of the whole video.
    func renderGroups(
        _ plan: SegmentedComposition, in folder: URL, progress: @escaping @Sendable (String) -> Void
    ) async throws {
        progress("encoding 0%")
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
