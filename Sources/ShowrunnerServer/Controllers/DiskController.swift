import Foundation
import Hummingbird
import ShowrunnerCore

/// `/api/disk`: what each account's run folders and published files take on disk, as `showrunner disk` shows it.
struct DiskController {
    /// nil: this server measures nothing (an empty report).
    let disk: (@Sendable () async throws -> DiskUsageReport)?

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/disk", use: report)
    }

    @Sendable func report(_ request: Request, context: BasicRequestContext) async throws -> DiskUsageReport {
        try await disk?() ?? DiskUsageReport(accounts: [])
    }
}

extension DiskUsageReport: ResponseEncodable {}
