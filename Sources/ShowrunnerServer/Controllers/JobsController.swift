import Hummingbird
import ShowrunnerCore
import ShowrunnerEngine

/// `/api/scheduler/*`: the scheduled jobs, reload, manual trigger, taking a job off the schedule.
struct JobsController {
    let control: any DaemonControl
    let runs: any RunHistory

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/scheduler/jobs", use: list)
        router.post("/api/scheduler/reload", use: reload)
        router.post("/api/scheduler/trigger/{account_id}", use: trigger)
        router.delete("/api/scheduler/jobs/{job_id}", use: remove)
    }

    /// Every job with its account's newest run; `?account=ID` only that account's job.
    @Sendable func list(_ request: Request, context: BasicRequestContext) async throws -> JobListDTO {
        let query = request.uri.queryParameters
        try RunPageQuery.rejectUnknownOrRepeated(query, allowed: ["account"])
        let jobs = await control.jobs(accountID: RunPageQuery.value("account", in: query))
        let lastRuns = try await LatestRuns(store: runs).lookup(Set(jobs.map(\.accountID)))
        return JobListDTO(jobs: jobs.map { JobListDTO.Entry(job: $0, lastRun: lastRuns[$0.accountID]) })
    }

    @Sendable func reload(_ request: Request, context: BasicRequestContext) async throws -> ReloadReportDTO {
        ReloadReportDTO(report: await control.reload())
    }

    @Sendable func trigger(
        _ request: Request, context: BasicRequestContext
    ) async throws -> EditedResponse<RunAcceptedDTO> {
        let accountID = try context.parameters.require("account_id")
        let run: RunRecord?
        do {
            run = try await control.trigger(accountID: accountID)
        } catch let error as RunRefusal {
            throw HTTPError(.conflict, message: error.description)
        }
        guard let run else { throw HTTPError(.notFound, message: "No account with id '\(accountID)'.") }
        return EditedResponse(status: .accepted, response: RunAcceptedDTO(runID: run.id))
    }

    @Sendable func remove(_ request: Request, context: BasicRequestContext) async throws -> HTTPResponse.Status {
        let jobID = try context.parameters.require("job_id")
        guard try await control.removeJob(id: jobID) else {
            throw HTTPError(.notFound, message: "No scheduled job with id '\(jobID)'.")
        }
        return .noContent
    }
}
