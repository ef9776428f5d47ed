import Foundation
import ShowrunnerCore

/// Authorized requests to YouTube for one account: a cached access token as `Authorization: Bearer`, refreshed once
/// and the request sent again when the API answers 401. Answers of any other status are returned to the caller.
struct YouTubeAPI: Sendable {
    let http: HTTPClient
    let refresher: OAuthRefresher
    let credentials: YouTubeCredentials
    let tokens: AccessTokenCache
    let now: @Sendable () -> Date

    /// Tokens are cached per token endpoint, client and refresh token (a hash: the key holds no secret).
    var cacheKey: String {
        FNV1a64.hex(
            of: [refresher.tokenURL.absoluteString, credentials.clientID, credentials.refreshToken]
                .joined(separator: "\n"))
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let token = try await accessToken()
        let response = try await http.send(authorized(request, token))
        guard response.status == 401 else { return response }
        await tokens.invalidate(cacheKey, value: token)
        return try await http.send(authorized(request, try await accessToken()))
    }

    private func accessToken() async throws -> String {
        let (refresher, credentials, now) = (self.refresher, self.credentials, self.now)
        return try await tokens.token(for: cacheKey, now: now()) {
            try await refresher.refresh(credentials, now: now())
        }
    }

    private func authorized(_ request: HTTPRequest, _ token: String) -> HTTPRequest {
        var request = request
        request.headers["Authorization"] = "Bearer \(token)"
        return request
    }
}
