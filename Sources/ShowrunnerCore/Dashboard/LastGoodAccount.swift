/// An account whose file is invalid now, so the version that was last valid keeps running.
public struct LastGoodAccount: Sendable, Equatable, Encodable {
    public var accountID: String
    public var file: String
    /// The config revision of the version that runs.
    public var revision: String?
    /// The file's first error.
    public var reason: String

    public init(accountID: String, file: String, revision: String?, reason: String) {
        self.accountID = accountID
        self.file = file
        self.revision = revision
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case file, revision, reason
        case accountID = "account_id"
    }
}
