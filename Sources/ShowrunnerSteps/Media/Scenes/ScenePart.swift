import Foundation

/// One scene as it is rendered: what fills it and where it sits in the narration (seconds).
struct ScenePart: Sendable, Equatable {
    enum Source: Sendable, Equatable {
        /// In ffmpeg's syntax.
        case color(String)
        case still(URL)
        case clip(URL)
    }

    var source: Source
    var start: Double
    var end: Double
}
