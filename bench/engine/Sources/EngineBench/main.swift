// Showrunner engine benchmarks (issue 3, "Measure"). Usage:
//   engine-bench executor [--runs 1000] [--warmup 20] [--concurrency 4] [--dir BASE] [--results FILE]
//   engine-bench fill --db FILE [--runs 100000] [--concurrency 4] [--results FILE]
//   engine-bench query --db FILE [--calls 200] [--results FILE]
//   engine-bench cli --binary SHOWRUNNER --state DIR [--repeats 20] [--results FILE]
import Foundation

let options = Options(Array(CommandLine.arguments.dropFirst()))
let report = Reporter(resultsPath: options.string("results"))
switch options.command {
case "executor": try await ExecutorBench.run(options, report)
case "fill": try await StoreBench.fill(options, report)
case "query": try await StoreBench.query(options, report)
case "cli": try await StoreBench.cli(options, report)
default: fail("usage: engine-bench executor|fill|query|cli [--option value]…")
}
