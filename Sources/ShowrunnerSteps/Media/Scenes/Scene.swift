/// A stretch of the video with one picture: from `start` to `end` seconds of the narration, saying `text`.
struct Scene: Sendable, Equatable {
    var start: Double
    var end: Double
    var text: String

    var length: Double { end - start }

    /// This scene followed by `next`, as one.
    func merged(with next: Scene) -> Scene {
        Scene(start: start, end: next.end, text: [text, next.text].filter { !$0.isEmpty }.joined(separator: " "))
    }
}
