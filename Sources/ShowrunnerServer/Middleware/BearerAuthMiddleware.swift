import HTTPTypes
import Hummingbird

/// `Authorization: Bearer <token>` on every `/api/*` request when a token is configured. The token is compared in
/// constant time and never echoed. With the dashboard (`sessions` set), every route but `/healthz`, `/metrics` and
/// `/signin` needs the token or a signed-in session cookie; the cookie only reads `/api/*` (GET), it never posts.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// nil: the API is open (loopback only; `ListenPolicy` enforces that).
    let token: String?
    /// The dashboard's sessions; nil: no dashboard, only `/api/*` is protected.
    var sessions: DashboardSessions? = nil

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = APIPath(request.uri.path)
        guard let token, path.isProtected || (sessions != nil && !path.isOpen) else {
            return try await next(request, context)
        }
        if request.headers[.authorization] == nil, let sessions {
            let session = sessions.session(id: request.cookies[DashboardSessions.cookieName]?.value)
            let reads = request.method == .get || request.method == .head
            if session != nil, reads || !path.isProtected { return try await next(request, context) }
            if !path.isProtected, reads { return SignInPage.response(status: .unauthorized, next: request.uri.path) }
        }
        guard let header = request.headers[.authorization] else {
            throw Self.unauthorized(
                "This route needs 'Authorization: Bearer <token>' (the api_token of showrunner.yaml).")
        }
        guard let given = Self.bearerCredentials(header) else {
            throw Self.unauthorized(
                "The Authorization header must use the Bearer scheme: 'Authorization: Bearer <token>'.")
        }
        guard ConstantTime.equals(given, token) else {
            throw Self.unauthorized("The bearer token is not valid.")
        }
        return try await next(request, context)
    }

    /// The credentials of a `Bearer` authorization (scheme matched case-insensitively); nil for another scheme or an
    /// empty token.
    static func bearerCredentials(_ header: String) -> Substring? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let credentials = parts[1].drop { $0 == " " }
        return credentials.isEmpty ? nil : credentials
    }

    static func unauthorized(_ message: String) -> HTTPError {
        HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: message)
    }
}
