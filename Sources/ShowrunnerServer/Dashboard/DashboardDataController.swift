import Foundation
import Hummingbird
import ShowrunnerCore
import ShowrunnerEngine

/// The dashboard's JSON: `/api/stats`, `/api/upcoming`, `/api/quota`, `/api/config/status`, from the same
/// `DashboardData` as the pages. Statistics and quota are routed only when the store provides them.
struct DashboardDataController {
    let data: DashboardData

    func addRoutes(to router: Router<BasicRequestContext>) {
        if data.stats != nil { router.get("/api/stats", use: statistics) }
        router.get("/api/upcoming", use: upcoming)
        if data.quota != nil { router.get("/api/quota", use: quotaStatus) }
        router.get("/api/config/status", use: configStatus)
    }

    @Sendable func statistics(_ request: Request, context: BasicRequestContext) async throws -> JSONBody<StatsReport> {
        let (accountID, days) = try DashboardQuery.stats(request.uri.queryParameters)
        guard let report = try await data.statistics(accountID: accountID, days: days) else {
            throw HTTPError(.notFound)
        }
        return JSONBody(value: report)
    }

    @Sendable func upcoming(_ request: Request, context: BasicRequestContext) async throws -> JSONBody<UpcomingPlan> {
        let hours = try DashboardQuery.upcoming(request.uri.queryParameters)
        return JSONBody(value: await data.upcoming(hours: hours))
    }

    @Sendable func quotaStatus(_ request: Request, context: BasicRequestContext) async throws -> JSONBody<QuotaStatus> {
        try DashboardQuery.none(request.uri.queryParameters)
        guard let status = try await data.quotaStatus() else { throw HTTPError(.notFound) }
        return JSONBody(value: status)
    }

    @Sendable func configStatus(_ request: Request, context: BasicRequestContext) async throws -> JSONBody<ConfigStatus>
    {
        try DashboardQuery.none(request.uri.queryParameters)
        return JSONBody(value: await data.configStatus())
    }
}
