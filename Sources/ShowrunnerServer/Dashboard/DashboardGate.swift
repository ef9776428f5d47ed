import Foundation
import HTTPTypes
import Hummingbird

/// Sessions for the pages, sign-in and sign-out, and the CSRF check of every dashboard POST. (Whether a request may
/// reach a page at all is `BearerAuthMiddleware`'s decision.)
struct DashboardGate: Sendable {
    let sessions: DashboardSessions
    /// nil: no token configured (loopback only); a session is made for any visitor, for its CSRF token.
    let token: String?

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/signin") { request, _ in
            SignInPage.response(
                status: .ok, next: request.uri.queryParameters["next"].map(String.init) ?? "/channels")
        }
        router.post("/signin", use: signIn)
        router.post("/signout", use: signOut)
    }

    /// A page for the request's session (made, with its cookie, when there is none yet).
    func page(_ request: Request, render: (String) -> HTML) throws -> Response {
        if let session = sessions.session(id: cookie(request)) { return Layout.response(render(session.csrf)) }
        let session = sessions.create()
        return Layout.response(render(session.csrf), cookie: DashboardSessions.cookie(session))
    }

    /// The form of a dashboard POST, once its CSRF token matches the session's (a request that authenticated with
    /// the bearer header instead of the cookie needs none: a browser never adds that header by itself).
    func checkedForm(_ request: Request) async throws -> [String: String] {
        let form = try await FormBody.read(request)
        if token != nil, request.headers[.authorization] != nil { return form }
        guard let session = sessions.session(id: cookie(request)),
            let given = form["csrf"] ?? request.headers[HTTPField.Name("X-CSRF-Token")!],
            ConstantTime.equals(Substring(given), session.csrf)
        else {
            throw HTTPError(.forbidden, message: "The form's CSRF token is missing or stale; reload the page.")
        }
        return form
    }

    @Sendable func signIn(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let form = try await FormBody.read(request)
        let next = SignInPage.safeNext(form["next"] ?? "/channels")
        if let token {
            guard let given = form["token"], ConstantTime.equals(Substring(given), token) else {
                return SignInPage.response(status: .unauthorized, next: next, error: "That token is not valid.")
            }
        }
        let session = sessions.create()
        return Response(
            status: .seeOther, headers: [.location: next, .setCookie: DashboardSessions.cookie(session)])
    }

    @Sendable func signOut(_ request: Request, context: BasicRequestContext) async throws -> Response {
        _ = try await checkedForm(request)
        if let id = cookie(request) { sessions.remove(id: id) }
        return Response(
            status: .seeOther, headers: [.location: "/signin", .setCookie: DashboardSessions.clearingCookie])
    }

    func cookie(_ request: Request) -> String? {
        request.cookies[DashboardSessions.cookieName]?.value
    }
}
