import Foundation

/// The scenes of one video as they will be rendered, the library items (and cached stock clips) among them, and
/// the stock clips' credits.
struct CastScenes: Sendable, Equatable {
    var parts: [ScenePart]
    var media: [LibraryItem]
    var credits: [StockClip] = []
}
