import Hummingbird
import ShowrunnerCore

/// `/api/alerts`: the newest alert deliveries (webhooks), as `showrunner history --alerts` shows them.
struct AlertsController {
    /// nil: this server keeps no alerts (an empty list).
    let alerts: (any AlertLog)?
    static let limits = 1...1000

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/alerts", use: list)
    }

    @Sendable func list(_ request: Request, context: BasicRequestContext) async throws -> AlertListDTO {
        var limit = 50
        if let text = request.uri.queryParameters["limit"].map(String.init) {
            guard let value = Int(text), Self.limits.contains(value) else {
                throw HTTPError(
                    .badRequest,
                    message:
                        "Query parameter 'limit' must be an integer from 1 to \(Self.limits.upperBound); got '\(text)'."
                )
            }
            limit = value
        }
        let deliveries = try await alerts?.deliveries(limit: limit) ?? []
        return AlertListDTO(alerts: deliveries.map(AlertDTO.init))
    }
}
