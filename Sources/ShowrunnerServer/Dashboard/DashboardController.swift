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
    /// The figures of the upcoming, quota and statistics pages (the same as their JSON routes).
    let data: DashboardData
    /// The store's batched read of a channels page (nil: each row reads the history).
    let channelRuns: (any ChannelRunsReading)?
    let now: @Sendable () -> Date
    /// The channels search index, rebuilt after a config change (or a minute).
    let searchIndex = GenerationCache<Int, [ChannelSearch.Entry]>(lifetime: 60)

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/", use: { _, _ in Response(status: .seeOther, headers: [.location: "/channels"]) })
        router.get("/assets/dashboard.js") { _, _ in Self.asset(DashboardScript.source, "text/javascript") }
        router.get("/assets/dashboard.css") { _, _ in Self.asset(DashboardStyle.source, "text/css") }
        router.get("/channels", use: channels)
        router.get("/runs", use: runList)
        router.get("/runs/{id}", use: runDetail)
        router.get("/runs/{id}/artifacts/{step}/{name}", use: artifact)
        router.get("/config", use: config)
        router.get("/upcoming", use: upcoming)
        router.get("/quota", use: quota)
        router.get("/stats", use: statistics)
        DashboardActions(control: control, gate: gate).addRoutes(to: router)
    }

    @Sendable func channels(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let generation = await data.source?.scheduleGeneration()
        let names = await searchIndex.value(0, generation: generation, now: now()) { [control] in
            ChannelSearch.entries(await control.accountNames())
        }.value
        let model = try await ChannelsPage.load(
            control: control, runs: runs, names: names, batch: channelRuns, search: query["q"].map(String.init) ?? "",
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
        let page = request.uri.queryParameters["page"].flatMap { Int($0) } ?? 1
        let status = await data.configStatus()
        return try gate.page(request) { ConfigPage.render(status, page: page, now: now(), csrf: $0) }
    }

    @Sendable func upcoming(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let hours = try DashboardQuery.upcoming(request.uri.queryParameters)
        let plan = await data.upcoming(hours: hours)
        return try gate.page(request) { UpcomingView.render(plan, hours: hours, now: now(), csrf: $0) }
    }

    @Sendable func quota(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try DashboardQuery.none(request.uri.queryParameters)
        let status = try await data.quotaStatus()
        return try gate.page(request) { QuotaView.render(status, now: now(), csrf: $0) }
    }

    @Sendable func statistics(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let (accountID, days) = try DashboardQuery.stats(request.uri.queryParameters)
        let report = try await data.statistics(accountID: accountID, days: days)
        return try gate.page(request) { StatsView.render(report, days: days, account: accountID, csrf: $0) }
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
