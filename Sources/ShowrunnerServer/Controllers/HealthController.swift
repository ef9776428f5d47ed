import Foundation
import Hummingbird
import ShowrunnerEngine

/// `/healthz`: 200 while the scheduler loop's heartbeat is recent and the store takes writes, 503 otherwise
/// (`"status":"starting"` while the config folder is still loading at start-up). Open without a token.
struct HealthController {
    /// A heartbeat older than this means the scheduler loop is stuck or gone.
    static let maximumAge: TimeInterval = 90

    let control: any DaemonControl
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/healthz", use: health)
    }

    @Sendable func health(_ request: Request, context: BasicRequestContext) async throws -> EditedResponse<HealthDTO> {
        if await control.loadingConfig() {
            return EditedResponse(
                status: .serviceUnavailable,
                response: HealthDTO(heartbeat: nil, problem: StartingMiddleware.message, starting: true))
        }
        let heartbeat = await control.heartbeat()
        guard let heartbeat else {
            let message = "The scheduler loop has not reported a heartbeat yet."
            return EditedResponse(status: .serviceUnavailable, response: HealthDTO(heartbeat: nil, problem: message))
        }
        let age = now().timeIntervalSince(heartbeat)
        guard age < Self.maximumAge else {
            let message = "The scheduler loop's last heartbeat is \(Int(age)) s old (limit \(Int(Self.maximumAge)) s)."
            return EditedResponse(
                status: .serviceUnavailable, response: HealthDTO(heartbeat: heartbeat, problem: message))
        }
        if let problem = await control.storeProblem() {
            return EditedResponse(
                status: .serviceUnavailable, response: HealthDTO(heartbeat: heartbeat, problem: problem))
        }
        return EditedResponse(status: .ok, response: HealthDTO(heartbeat: heartbeat, problem: nil))
    }
}

/// `{"status":"ok","heartbeat":…}`, or `{"status":"unavailable"|"starting","heartbeat":…,"error":{"message":…}}`.
struct HealthDTO: ResponseEncodable {
    let heartbeat: Date?
    let problem: String?
    var starting = false

    enum CodingKeys: String, CodingKey { case status, heartbeat, error }
    enum ErrorKeys: String, CodingKey { case message }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(problem == nil ? "ok" : starting ? "starting" : "unavailable", forKey: .status)
        try container.encode(heartbeat, forKey: .heartbeat)
        if let problem {
            var error = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
            try error.encode(problem, forKey: .message)
        }
    }
}
