import Foundation
import ShowrunnerCore

/// Google's OAuth 2.0 refresh-token grant: `POST token_url` with `grant_type=refresh_token`, answered with an
/// access token and its lifetime.
struct OAuthRefresher: Sendable {
    let tokenURL: URL
    let http: HTTPClient

    func refresh(_ credentials: YouTubeCredentials, now: Date) async throws -> AccessTokenCache.Token {
        let form = [
            ("grant_type", "refresh_token"), ("client_id", credentials.clientID),
            ("client_secret", credentials.clientSecret), ("refresh_token", credentials.refreshToken),
        ]
        let request = HTTPRequest(
            method: "POST", url: tokenURL,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: Data(form.map { "\($0)=\(Self.formEncoded($1))" }.joined(separator: "&").utf8))
        let response = try await http.send(request)
        if let failure = failure(response, now: now) { throw failure }
        guard let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any],
            let token = object["access_token"] as? String, !token.isEmpty
        else {
            throw StepFailure(.transient, "\(summary) answered without an access_token.")
        }
        let lifetime = (object["expires_in"] as? NSNumber)?.doubleValue ?? 3600
        return AccessTokenCache.Token(value: token, expiresAt: now.addingTimeInterval(lifetime))
    }

    var summary: String { "POST \(tokenURL.absoluteString)" }

    private func failure(_ response: HTTPResponse, now: Date) -> StepFailure? {
        guard
            var failure = HTTPFailure.classify(
                status: response.status, headers: response.headers, body: response.body, request: summary, now: now)
        else { return nil }
        switch HTTPErrorBody.oauthError(of: response.body) {
        case "invalid_grant":
            failure.message =
                "Google refused the refresh token (invalid_grant): it was revoked or has expired — an OAuth app in "
                + "\"Testing\" publishing status expires refresh tokens after 7 days. Publish the app (or keep it in "
                + "Testing and renew weekly), then run `showrunner auth youtube ACCOUNT` for a new refresh token."
        case "invalid_client", "unauthorized_client":
            failure.kind = .auth
            failure.message =
                "Google refused the OAuth client (\(HTTPErrorBody.oauthError(of: response.body) ?? "")): check "
                + "client_id and client_secret in channel.youtube.credentials."
        default: break
        }
        return failure
    }

    /// `application/x-www-form-urlencoded`: everything but unreserved characters percent-encoded.
    static func formEncoded(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
