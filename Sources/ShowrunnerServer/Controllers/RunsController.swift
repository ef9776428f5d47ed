import Hummingbird
import ShowrunnerCore
import ShowrunnerEngine

/// `/api/runs`: history (newest first, paged), one run with its attempts, retry and cancel.
struct RunsController {
    let control: any DaemonControl
    let runs: any RunHistory

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/runs", use: list)
        router.get("/api/runs/{id}", use: show)
        router.post("/api/runs/{id}/retry", use: retry)
        router.post("/api/runs/{id}/cancel", use: cancel)
    }

    /// One page; one run more than asked is read to know whether a next page exists.
    @Sendable func list(_ request: Request, context: BasicRequestContext) async throws -> RunPageDTO {
        var query = try RunPageQuery.parse(request.uri.queryParameters)
        if let before = query.before, try await runs.run(id: before) == nil {
            throw HTTPError(
                .badRequest, message: "Query parameter 'before' must be the id of a run; no run '\(before)'.")
        }
        let limit = query.limit
        query.limit += 1
        let found = try await runs.runs(matching: query)
        let page = Array(found.prefix(limit))
        return RunPageDTO(runs: page.map(RunDTO.init), next: found.count > limit ? page.last?.id : nil)
    }

    @Sendable func show(_ request: Request, context: BasicRequestContext) async throws -> RunDetailDTO {
        let run = try await existingRun(context)
        let attempts = try await runs.attempts(runID: run.id)
        return RunDetailDTO(
            run: RunDTO(run: run), retriedBy: try await runs.retryRun(of: run.id)?.id,
            steps: StepSummaryDTO.summaries(attempts), attempts: attempts.map(AttemptDTO.init))
    }

    /// `202` with the new run (or the resumed one); a run that cannot be retried is a `409` saying why.
    @Sendable func retry(
        _ request: Request, context: BasicRequestContext
    ) async throws -> EditedResponse<RunAcceptedDTO> {
        let run = try await existingRun(context)
        do {
            let retry = try await control.retry(runID: run.id)
            return EditedResponse(status: .accepted, response: RunAcceptedDTO(runID: retry.id))
        } catch let error as RunRefusal {
            if case .noSuchRun = error { throw HTTPError(.notFound, message: error.description) }
            throw HTTPError(.conflict, message: error.description)
        }
    }

    @Sendable func cancel(
        _ request: Request, context: BasicRequestContext
    ) async throws -> EditedResponse<RunAcceptedDTO> {
        let run = try await existingRun(context)
        guard try await control.cancel(runID: run.id) else {
            throw HTTPError(
                .conflict,
                message: "Run '\(run.id)' is \(run.status.rawValue); only queued or running runs can be cancelled.")
        }
        return EditedResponse(status: .accepted, response: RunAcceptedDTO(runID: run.id))
    }

    private func existingRun(_ context: BasicRequestContext) async throws -> RunRecord {
        let id = try context.parameters.require("id")
        guard let run = try await runs.run(id: id) else {
            throw HTTPError(.notFound, message: "No run with id '\(id)'.")
        }
        return run
    }
}
