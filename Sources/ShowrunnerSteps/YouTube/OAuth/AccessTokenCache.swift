import Foundation

/// Access tokens by credentials, kept until shortly before they expire so that one token serves every request of
/// an upload (and of later uploads of the same account) instead of one refresh per request.
actor AccessTokenCache {
    struct Token: Sendable, Equatable {
        var value: String
        var expiresAt: Date
    }

    /// A token is not used in the last minute of its life: a long chunk must not start with a dying token.
    static let margin: TimeInterval = 60

    private var tokens: [String: Token] = [:]

    /// The cached token for `key` that is still good at `now`, else one from `refresh` (which is then cached).
    func token(
        for key: String, now: Date, refresh: @Sendable () async throws -> Token
    ) async throws -> String {
        if let token = tokens[key], token.expiresAt.timeIntervalSince(now) > Self.margin { return token.value }
        let token = try await refresh()
        tokens[key] = token
        return token.value
    }

    /// Forgets `key`'s token when it is still `value` (the server refused it); a newer one is kept.
    func invalidate(_ key: String, value: String) {
        if tokens[key]?.value == value { tokens[key] = nil }
    }
}
