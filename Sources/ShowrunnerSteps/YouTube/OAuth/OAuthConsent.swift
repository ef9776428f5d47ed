import Foundation
import ShowrunnerCore

/// Google's one-time consent flow that gives an account its refresh token (`showrunner auth youtube`): the URL
/// to open, the code the browser is sent back with, and its exchange at the token endpoint.
public struct OAuthConsent: Sendable {
    public static let authorizationEndpoint = URL(string: "https://accounts.google.com/o/oauth2/v2/auth")!
    /// Uploads, and playlist items (`youtube`).
    public static let scopes = [
        "https://www.googleapis.com/auth/youtube.upload", "https://www.googleapis.com/auth/youtube",
    ]

    public let clientID: String
    public let clientSecret: String
    /// A loopback address: Desktop OAuth clients accept any port without registering it, and nothing has to
    /// listen there — the code is in the address the browser fails to load.
    public let redirect: String

    public init(clientID: String, clientSecret: String, redirect: String) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirect = redirect
    }

    /// The page to open: `access_type=offline` asks for a refresh token, `prompt=consent` for a new one even
    /// after an earlier consent.
    public var consentURL: URL {
        var components = URLComponents(url: Self.authorizationEndpoint, resolvingAgainstBaseURL: false)!
        components.queryItems = [
            URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "access_type", value: "offline"),
            URLQueryItem(name: "prompt", value: "consent"), URLQueryItem(name: "client_id", value: clientID),
            URLQueryItem(name: "redirect_uri", value: redirect),
            URLQueryItem(name: "scope", value: Self.scopes.joined(separator: " ")),
        ]
        return components.url!
    }

    /// The code in what the user pasted: the code itself, or the whole address the browser was sent to.
    public static func code(fromPasted text: String) -> String? {
        let pasted = text.trimmingWhitespace()
        guard !pasted.isEmpty else { return nil }
        let isAddress = ["code=", "://", "?", "&"].contains { pasted.contains($0) }
        guard isAddress else { return pasted.contains(where: \.isWhitespace) ? nil : pasted }
        let query = pasted.split(separator: "?", maxSplits: 1).last.map(String.init) ?? pasted
        let items = URLComponents(string: "http://x/?" + query)?.queryItems ?? []
        return items.first { $0.name == "code" }?.value.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The OAuth client in Google's downloaded client JSON (`installed` or `web`) or in an `authorized_user` file.
    public static func client(fromJSON text: String) -> (id: String, secret: String)? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            return nil
        }
        let client = (object["installed"] ?? object["web"]) as? [String: Any] ?? object
        guard let id = client["client_id"] as? String, let secret = client["client_secret"] as? String,
            !id.isEmpty, !secret.isEmpty
        else { return nil }
        return (id, secret)
    }

    /// Exchanges the code (`grant_type=authorization_code`) and returns the refresh token.
    public func exchange(code: String, tokenURL: URL, http: HTTPClient) async throws(StepFailure) -> String {
        let form = [
            ("grant_type", "authorization_code"), ("code", code), ("client_id", clientID),
            ("client_secret", clientSecret), ("redirect_uri", redirect),
        ]
        let request = HTTPRequest(
            method: "POST", url: tokenURL,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: Data(form.map { "\($0)=\(OAuthRefresher.formEncoded($1))" }.joined(separator: "&").utf8))
        let response: HTTPResponse
        do { response = try await http.send(request) } catch {
            throw StepFailure(.transient, "POST \(tokenURL.absoluteString) failed: \(error)")
        }
        if let failure = Self.failure(response, tokenURL: tokenURL) { throw failure }
        guard let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any],
            let refreshToken = object["refresh_token"] as? String, !refreshToken.isEmpty
        else {
            throw StepFailure(
                .permanent,
                "Google answered without a refresh_token; revoke the app's access at "
                    + "https://myaccount.google.com/permissions and run this again.")
        }
        return refreshToken
    }

    /// Google's `authorized_user` JSON, what `channel.youtube.credentials` reads.
    public func credentialsFile(refreshToken: String) -> Data {
        let object: [String: String] = [
            "type": "authorized_user", "client_id": clientID, "client_secret": clientSecret,
            "refresh_token": refreshToken,
        ]
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return (data ?? Data()) + Data("\n".utf8)
    }

    private static func failure(_ response: HTTPResponse, tokenURL: URL) -> StepFailure? {
        let request = "POST \(tokenURL.absoluteString)"
        guard
            var failure = HTTPFailure.classify(
                status: response.status, headers: response.headers, body: response.body, request: request)
        else { return nil }
        switch HTTPErrorBody.oauthError(of: response.body) {
        case "invalid_grant":
            failure.message =
                "Google refused the code (invalid_grant): a code works once and for a few minutes. Run the "
                + "command again and paste the new code promptly."
        case "invalid_client", "unauthorized_client":
            failure.message = "Google refused the OAuth client: check its client_id and client_secret."
        case "redirect_uri_mismatch":
            failure.message =
                "Google refused the redirect address: use a Desktop app OAuth client (it accepts any loopback "
                + "port)."
        default: break
        }
        return failure
    }
}
