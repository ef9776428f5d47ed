/// An account's YouTube publishing settings (`channel.youtube`).
public struct YouTubeSettings: Sendable, Hashable {
    public enum Privacy: String, Sendable, Hashable, CaseIterable { case `private`, unlisted, `public` }

    /// A secret reference to the OAuth credentials JSON (`${file:secrets/x.json}`).
    public var credentials: String?
    public var privacy: Privacy
    public var categoryID: String?
    public var playlistID: String?
    public var madeForKids: Bool
    public var syntheticMedia: Bool
    /// The Google Cloud project whose quota this account spends (accounts may share one); default `default`.
    public var project: String

    public init(
        credentials: String? = nil, privacy: Privacy = .private, categoryID: String? = nil, playlistID: String? = nil,
        madeForKids: Bool = false, syntheticMedia: Bool = true, project: String = "default"
    ) {
        self.credentials = credentials
        self.privacy = privacy
        self.categoryID = categoryID
        self.playlistID = playlistID
        self.madeForKids = madeForKids
        self.syntheticMedia = syntheticMedia
        self.project = project
    }
}
