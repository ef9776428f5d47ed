import Foundation

/// A picture in a media library: a still image or a video clip, and the words it can be matched by (its file
/// name and its sidecar's tags).
struct LibraryItem: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case still, clip }

    var url: URL
    var kind: Kind
    var tags: Set<String>

    var path: String { url.path }
}
