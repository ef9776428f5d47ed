import Foundation

/// The scenes of one video as they will be rendered, and the library items among them.
struct CastScenes: Sendable, Equatable {
    var parts: [ScenePart]
    var media: [LibraryItem]
}
