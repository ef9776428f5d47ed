import Hummingbird
import Logging

/// Every error becomes `{"error":{"message":"…"}}` with its status; an unexpected error is logged and answered 500
/// without its details (they could name files or hosts the client has no business knowing).
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch var error as HTTPError {
            if error.body == nil { error.body = Self.defaultMessage(error, request) }
            return try error.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try error.response(from: request, context: context)
        } catch {
            logger.error(
                "HTTP request failed",
                metadata: [
                    "http.method": "\(request.method.rawValue)", "http.path": "\(request.uri.path)",
                    "error": "\(error)",
                ])
            let internalError = HTTPError(
                .internalServerError, message: "The daemon could not answer this request; its log says why.")
            return try internalError.response(from: request, context: context)
        }
    }

    static func defaultMessage(_ error: HTTPError, _ request: Request) -> String {
        switch error.status {
        case .notFound: "No route for \(request.method.rawValue) \(request.uri.path)."
        default: "\(error.status.reasonPhrase)."
        }
    }
}
