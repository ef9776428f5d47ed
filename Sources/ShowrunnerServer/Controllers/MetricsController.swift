import Hummingbird
import Prometheus
import ShowrunnerEngine

/// `/metrics`: the Prometheus text exposition of the daemon's Prometheus registry, with the runs other processes
/// ended counted first. Open without a token.
struct MetricsController {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    let prometheus: PrometheusCollectorRegistry?
    let control: any DaemonControl

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/metrics", use: metrics)
    }

    @Sendable func metrics(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let prometheus else {
            throw HTTPError(.notFound, message: "This process does not collect metrics.")
        }
        await control.countRunsEndedElsewhere()
        let buffer = ByteBuffer(bytes: prometheus.emitToBuffer())
        return Response(
            status: .ok,
            headers: [.contentType: Self.contentType, .contentLength: "\(buffer.readableBytes)"],
            body: .init(byteBuffer: buffer))
    }
}
