import Foundation
import Hummingbird
import ShowrunnerCore
import ShowrunnerEngine

/// The dashboard's pages (server-rendered HTML), its one script and stylesheet, and the artifacts of runs. Each page
/// is a view model (`…Page.load`) and a renderer (`…View.render`).
struct DashboardController {
    let control: any DaemonControl
    let runs: any RunHistory
    let dashboard: Dashboard
    let gate: DashboardGate
    let now: @Sendable () -> Date

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/", use: { _, _ in Response(status: .seeOther, headers: [.location: "/channels"]) })
        router.get("/assets/dashboard.js") { _, _ in Self.asset(DashboardScript.source, "text/javascript") }
        router.get("/assets/dashboard.css") { _, _ in Self.asset(DashboardStyle.source, "text/css") }
        router.get("/channels", use: channels)
        router.get("/runs", use: runList)
        router.get("/runs/{id}", use: runDetail)
        router.get("/runs/{id}/artifacts/{step}/{name}", use: artifact)
        router.get("/config", use: config)
        for (path, title) in [("upcoming", "Upcoming"), ("quota", "Quota"), ("stats", "Statistics")] {
            router.get(RouterPath(stringLiteral: "/\(path)")) { request, _ in
                try gate.page(request) { csrf in
                    Layout.placeholder(
                        title: title, page: path, csrf: csrf, text: "This page arrives with the statistics work.")
                }
            }
        }
        DashboardActions(control: control, gate: gate).addRoutes(to: router)
    }

    @Sendable func channels(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let model = try await ChannelsPage.load(
            control: control, runs: runs, search: query["q"].map(String.init) ?? "",
            page: query["page"].flatMap { Int($0) } ?? 1, now: now())
        return try gate.page(request) { ChannelsView.render(model, csrf: $0) }
    }

    @Sendable func runList(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let filters = RunsPage.Filters { query[Substring($0)].map(String.init) }
        let model = try await RunsPage.load(control: control, runs: runs, filters: filters, now: now())
        return try gate.page(request) { RunsView.render(model, csrf: $0) }
    }

    @Sendable func runDetail(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard
            let model = try await RunDetailPage.load(
                runID: id, control: control, runs: runs, files: ArtifactFiles(stateDirectory: dashboard.stateDirectory),
                masking: OutputMasking(redactor: dashboard.redactor), now: now())
        else { throw HTTPError(.notFound, message: "No run with id '\(id)'.") }
        return try gate.page(request) { RunDetailView.render(model, csrf: $0) }
    }

    @Sendable func config(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let model = await ConfigPage.load(control: control)
        return try gate.page(request) { ConfigPage.render(model, csrf: $0) }
    }

    /// Only files inside the run's own folder (`ArtifactFiles`); anything else is a 404 that names nothing.
    @Sendable func artifact(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let step = try context.parameters.require("step")
        let name = try context.parameters.require("name")
        guard try await runs.run(id: id) != nil,
            let file = ArtifactFiles(stateDirectory: dashboard.stateDirectory).resolve(
                runID: id, step: step, name: name)
        else { throw HTTPError(.notFound, message: "No such artifact.") }
        return try ArtifactResponse.make(file: file, rangeHeader: request.headers[.range])
    }

    static func asset(_ source: String, _ type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "\(type); charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: source)))
    }
}
