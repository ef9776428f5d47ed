import Foundation
import ShowrunnerCore
import ShowrunnerStore
import Testing

@testable import ShowrunnerServer

/// Keeps `/api/openapi.json` in step with the routes the router actually registers and the JSON they answer.
struct OpenAPIDocumentTests {
    @Test func theDocumentDescribesExactlyTheRegisteredRoutes() async throws {
        let store = try SQLiteStore.inMemory()
        let router = makeAPI(
            control: FakeDaemon(), runs: store, prometheus: nil, token: nil, logger: .silent, stats: store,
            quota: store)
        let registered = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
        #expect(registered.count == 24)  // + GET /api/cluster, GET /api/alerts, GET /api/disk

        try await APIHarness(token: "s3cret").run { client in
            let answer = try await client.get("/api/openapi.json")
            #expect(answer.status == 200)
            let document = answer.json
            #expect(document["openapi"]?.stringValue == "3.1.0")
            var documented: Set<String> = []
            for (path, item) in document["paths"]?.entries ?? [:] {
                for method in item.keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            #expect(documented == registered)
        }
    }

    @Test func everyPathParameterAndReferenceIsDocumented() async throws {
        try await APIHarness().run { client in
            let document = try await client.get("/api/openapi.json").json
            for (path, item) in document["paths"]?.entries ?? [:] {
                let captures = path.split(separator: "/").filter { $0.hasPrefix("{") }.map {
                    String($0.dropFirst().dropLast())
                }
                for (method, operation) in item.entries {
                    let parameters = operation["parameters"]?.items.filter { $0["in"]?.stringValue == "path" } ?? []
                    #expect(
                        parameters.compactMap { $0["name"]?.stringValue } == captures, "\(method) \(path)")
                    #expect(operation["responses"]?.keys.isEmpty == false, "\(method) \(path)")
                    let isOpen = !path.hasPrefix("/api/")
                    #expect((operation["security"]?.items.isEmpty == true) == isOpen, "\(method) \(path)")
                }
            }
            let schemas = document["components"]?["schemas"]?.keys ?? []
            for reference in document.references {
                #expect(schemas.contains(String(reference.dropFirst("#/components/schemas/".count))), "\(reference)")
            }
        }
    }

    @Test func schemasListTheKeysTheAnswersHave() async throws {
        let daemon = FakeDaemon(
            jobs: try Fixtures.jobs(), accounts: Fixtures.accounts, diagnostics: [Fixtures.badCron])
        try await APIHarness(daemon: daemon).run { client in
            let schemas = try await client.get("/api/openapi.json").json["components"]?["schemas"] ?? .null
            /// The answer has every required key and only documented ones.
            func expectKeys(
                _ value: ConfigValue?, _ schema: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
            ) {
                let keys = value?.keys ?? []
                let required = Set(schemas[schema]?["required"]?.items.compactMap(\.stringValue) ?? [])
                let properties = schemas[schema]?["properties"]?.keys ?? []
                #expect(!keys.isEmpty && required.isSubset(of: keys), "\(schema)", sourceLocation: sourceLocation)
                #expect(keys.isSubset(of: properties), "\(schema)", sourceLocation: sourceLocation)
            }
            let detail = try await client.get("/api/runs/r-cook-2").json
            expectKeys(detail, "RunDetail")
            expectKeys(detail["run"], "Run")
            expectKeys(detail["steps"]?[0], "StepSummary")
            expectKeys(detail["attempts"]?[0], "Attempt")
            let page = try await client.get("/api/runs?limit=1").json
            expectKeys(page, "RunPage")
            expectKeys(page["runs"]?[0]?["owner"], "RunOwner")
            let jobs = try await client.get("/api/scheduler/jobs").json
            expectKeys(jobs, "JobList")
            expectKeys(jobs["jobs"]?[0], "Job")
            expectKeys(jobs["jobs"]?[0]?["last_run"], "LastRun")
            let accounts = try await client.get("/api/accounts").json
            expectKeys(accounts, "AccountList")
            expectKeys(accounts["accounts"]?[0], "Account")
            expectKeys(accounts["accounts"]?[0]?["diagnostics"]?[0], "Diagnostic")
            expectKeys(try await client.get("/api/config/diagnostics").json, "DiagnosticList")
            expectKeys(try await client.post("/api/scheduler/reload").json, "ReloadReport")
            expectKeys(try await client.post("/api/runs/r-cook-2/retry").json, "RunAccepted")
            expectKeys(try await client.get("/api/runs/r-nope").json, "Error")
            expectKeys(try await client.get("/healthz").json, "Health")
            expectKeys(try await client.get("/metrics").json, "Error")
            let stats = try await client.get("/api/stats?days=30").json
            expectKeys(stats, "Stats")
            expectKeys(stats["daily"]?[0], "StatsDay")
            let upcoming = try await client.get("/api/upcoming").json
            expectKeys(upcoming, "Upcoming")
            expectKeys(try await client.get("/api/quota").json, "Quota")
            expectKeys(try await client.get("/api/config/status").json, "ConfigStatus")
        }
    }
}
