/// Cuts the narration into scenes at sentence boundaries: a cut sits in the middle of the pause between two
/// sentences; scenes shorter than `minimum` seconds are merged with their shorter neighbour, scenes longer than
/// `maximum` are split into equal parts, and while there are more scenes than `limit` (the pictures available) the
/// shortest neighbouring pair is merged. The scenes cover 0 to `duration` without gaps.
struct ScenePlanner: Sendable {
    var minimum = 2.5
    var maximum = 7.0
    var limit = Int.max

    func plan(_ sentences: [SentenceSpan], duration: Double) -> [Scene] {
        guard duration > 0 else { return [] }
        var scenes = Self.contiguous(sentences, duration: duration)
        scenes = mergeShort(scenes)
        scenes = scenes.flatMap(split)
        return mergeToLimit(scenes)
    }

    /// One scene per sentence, cut halfway through each pause; the first starts at 0 and the last ends at
    /// `duration`. No sentences: one scene of the whole duration.
    static func contiguous(_ sentences: [SentenceSpan], duration: Double) -> [Scene] {
        let inside = sentences.filter { $0.start < duration }
        guard !inside.isEmpty else { return [Scene(start: 0, end: duration, text: "")] }
        var cuts = [0.0]
        for (previous, next) in zip(inside, inside.dropFirst()) {
            cuts.append(min(max((min(previous.end, next.start) + next.start) / 2, cuts.last!), duration))
        }
        cuts.append(duration)
        return inside.indices.map { Scene(start: cuts[$0], end: cuts[$0 + 1], text: inside[$0].text) }
            .filter { $0.length > 0 }
    }

    private func mergeShort(_ input: [Scene]) -> [Scene] {
        var scenes = input
        while scenes.count > 1,
            let index = scenes.indices.filter({ scenes[$0].length < minimum })
                .min(by: { scenes[$0].length < scenes[$1].length })
        {
            let left = index > 0 ? scenes[index - 1].length : .infinity
            let right = index < scenes.count - 1 ? scenes[index + 1].length : .infinity
            let first = left <= right ? index - 1 : index
            scenes.replaceSubrange(first...first + 1, with: [scenes[first].merged(with: scenes[first + 1])])
        }
        return scenes
    }

    private func split(_ scene: Scene) -> [Scene] {
        let parts = Int((scene.length / maximum).rounded(.up))
        guard parts > 1 else { return [scene] }
        let step = scene.length / Double(parts)
        return (0..<parts).map { part in
            Scene(
                start: scene.start + step * Double(part),
                end: part == parts - 1 ? scene.end : scene.start + step * Double(part + 1), text: scene.text)
        }
    }

    private func mergeToLimit(_ input: [Scene]) -> [Scene] {
        var scenes = input
        while scenes.count > max(limit, 1) {
            let first = scenes.indices.dropLast().min {
                (scenes[$0].length + scenes[$0 + 1].length) < (scenes[$1].length + scenes[$1 + 1].length)
            }!
            scenes.replaceSubrange(first...first + 1, with: [scenes[first].merged(with: scenes[first + 1])])
        }
        return scenes
    }
}
