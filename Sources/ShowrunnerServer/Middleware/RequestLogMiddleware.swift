import Hummingbird
import Logging

/// One log line per request: a constant message with method, path, status and duration as metadata. Probes
/// (`/healthz`, `/metrics`) log at debug level so they do not drown the rest.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: start)
            return response
        } catch {
            log(request, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: start)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = start.duration(to: .now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let path = request.uri.path
        let isProbe = path == "/healthz" || path == "/metrics"
        logger.log(
            level: isProbe && status < 500 ? .debug : .info, "HTTP request",
            metadata: [
                "http.method": "\(request.method.rawValue)", "http.path": "\(path)", "http.status": "\(status)",
                "http.duration_ms": "\((milliseconds * 1000).rounded() / 1000)",
            ])
    }
}
