import Hummingbird
import ShowrunnerCore
import ShowrunnerEngine

/// The dashboard's buttons: pause, resume, run now, reload, retry, cancel — each a POST with the session's CSRF
/// token, answered with a redirect back to the page (the script sends them without leaving it).
struct DashboardActions {
    let control: any DaemonControl
    let gate: DashboardGate

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.post("/ui/channels/{id}/{action}", use: channel)
        router.post("/ui/runs/{id}/{action}", use: run)
        router.post("/ui/reload") { request, _ in
            let form = try await gate.checkedForm(request)
            _ = await control.reload()
            return Self.back(form)
        }
    }

    @Sendable func channel(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let form = try await gate.checkedForm(request)
        let id = try context.parameters.require("id")
        let known: Bool
        switch try context.parameters.require("action") {
        case "pause": known = try await control.pause(accountID: id)
        case "resume": known = try await control.resume(accountID: id)
        case "run": known = try await control.trigger(accountID: id) != nil
        default: throw HTTPError(.notFound, message: "No such action.")
        }
        guard known else { throw HTTPError(.notFound, message: "No scheduled account '\(id)'.") }
        return Self.back(form)
    }

    @Sendable func run(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let form = try await gate.checkedForm(request)
        let id = try context.parameters.require("id")
        switch try context.parameters.require("action") {
        case "retry":
            do {
                let retry = try await control.retry(runID: id)
                return Response(status: .seeOther, headers: [.location: "/runs/\(URLQuery.segment(retry.id))"])
            } catch let error as RunRefusal {
                throw HTTPError(.conflict, message: error.description)
            }
        case "cancel":
            guard try await control.cancel(runID: id) else {
                throw HTTPError(.conflict, message: "Run '\(id)' is not queued or running.")
            }
            return Self.back(form)
        default:
            throw HTTPError(.notFound, message: "No such action.")
        }
    }

    static func back(_ form: [String: String]) -> Response {
        Response(status: .seeOther, headers: [.location: SignInPage.safeNext(form["back"] ?? "/channels")])
    }
}
