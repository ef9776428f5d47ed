import HTTPTypes
import Hummingbird
import ShowrunnerEngine

/// While the daemon loads its config folder at start-up, every route but `/healthz` and `/metrics` answers 503 with
/// `Retry-After: 1`: an empty account list or a 404 for an account not loaded yet would be wrong answers.
struct StartingMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    static let message = "showrunner is starting: the config folder is still loading. Retry in a moment."
    static let open: Set<String> = ["/healthz", "/metrics"]

    let control: any DaemonControl

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard !Self.open.contains(request.uri.path), await control.loadingConfig() else {
            return try await next(request, context)
        }
        throw HTTPError(.serviceUnavailable, headers: [.retryAfter: "1"], message: Self.message)
    }
}
