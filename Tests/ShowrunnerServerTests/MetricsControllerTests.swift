import Foundation
import Prometheus
import ShowrunnerEngine
import Testing

struct MetricsControllerTests {
    @Test func servesTheRegistryAsPrometheusTextWithoutAToken() async throws {
        let registry = PrometheusCollectorRegistry()
        let reloads = MetricNameDescriptor(
            namespace: "showrunner", metricName: "reloads", unitName: "total", helpText: "Config reloads.")
        registry.makeCounter(descriptor: reloads).increment(by: Int64(3))
        // What the scheduler records, through swift-metrics as the daemon bootstraps it.
        let metrics = SchedulerMetrics(factory: PrometheusMetricsFactory(registry: registry))
        metrics.recordRun(accountID: "cooking-daily", status: .failed)

        try await APIHarness(token: "s3cret", prometheus: registry).run { client in
            let answer = try await client.get("/metrics", authorization: .none)
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
            #expect(
                answer.text.contains(
                    "# HELP showrunner_reloads_total Config reloads.\n# TYPE showrunner_reloads_total counter\nshowrunner_reloads_total 3\n"
                ))
            #expect(answer.text.contains(#"showrunner_runs_total{account="cooking-daily",status="failed"} 1"#))
        }
    }

    @Test func withoutARegistryMetricsIs404() async throws {
        try await APIHarness().run { client in
            let answer = try await client.get("/metrics")
            #expect(answer.status == 404)
            #expect(answer.errorMessage == "This process does not collect metrics.")
        }
    }
}
