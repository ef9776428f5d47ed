import Hummingbird
import Prometheus

/// `/metrics`: the Prometheus text exposition of the daemon's Prometheus registry. Open without a token.
struct MetricsController {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    let prometheus: PrometheusCollectorRegistry?

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/metrics", use: metrics)
    }

    @Sendable func metrics(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let prometheus else {
            throw HTTPError(.notFound, message: "This process does not collect metrics.")
        }
        let buffer = ByteBuffer(bytes: prometheus.emitToBuffer())
        return Response(
            status: .ok,
            headers: [.contentType: Self.contentType, .contentLength: "\(buffer.readableBytes)"],
            body: .init(byteBuffer: buffer))
    }
}
