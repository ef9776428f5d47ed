import HTTPTypes
import Hummingbird

/// Turns the router's "no route" 404 into 405 (with `Allow`) when the path exists under another method.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    private let templates: [(template: APIPath, method: HTTPRequest.Method)]

    /// `routes` are every route the router serves (the OpenAPI document's, which a test keeps equal to the router's).
    init(routes: [APIRoute]) {
        templates = routes.map { (APIPath($0.path), $0.method) }
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = allowedMethods(for: APIPath(request.uri.path))
            // A 404 for a method the path does serve came from the handler (an unknown id): keep it.
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            let names = allowed.map(\.rawValue).sorted()
            throw HTTPError(
                .methodNotAllowed, headers: [.allow: names.joined(separator: ", ")],
                message:
                    "\(request.method.rawValue) is not allowed on \(request.uri.path); use \(names.joined(separator: " or "))."
            )
        }
    }

    func allowedMethods(for path: APIPath) -> [HTTPRequest.Method] {
        templates.filter { path.matches(template: $0.template) }.map(\.method)
    }
}
