// Next-fire benchmark for the cron engine (Sources/ShowrunnerCore/Cron).
//
// Compiled together with the ShowrunnerCore sources (the main package has no library product):
//   swiftc -O -wmo -parse-as-library -swift-version 6 -module-name CronBench \
//       Sources/ShowrunnerCore/**/*.swift bench/cron/main.swift -o bench/.build/cron-bench
//
// usage: cron-bench EXPRESSIONS_FILE [CALLS] [REPEATS] [FIRES_OUT]
//
// For each `EXPRESSION<TAB>ZONE` line: a chain of CALLS nextDate(after:in:) calls, each starting at the
// previous result (the first at 2026-01-01T00:00:00Z), timed with ContinuousClock; the best of REPEATS
// chains gives that expression's ns/call. Prints the median, p90, p99 and mean over expressions.
// FIRES_OUT (optional) receives, per expression, the first and the last fire of the chain as Unix seconds,
// so the Python side can compare them with cronsim's.
import Foundation

@main
struct CronBench {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(
                Data("usage: cron-bench EXPRESSIONS_FILE [CALLS] [REPEATS] [FIRES_OUT]\n".utf8))
            exit(2)
        }
        let calls = arguments.count > 2 ? Int(arguments[2]) ?? 100 : 100
        let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20
        let firesOut = arguments.count > 4 ? arguments[4] : nil
        let text = try String(contentsOfFile: arguments[1], encoding: .utf8)
        var jobs: [(source: String, expression: CronExpression, zone: TimeZone)] = []
        for line in text.split(separator: "\n") where !line.isEmpty {
            let parts = line.split(separator: "\t")
            let source = String(parts[0])
            guard parts.count == 2, let zone = TimeZone(identifier: String(parts[1])) else {
                fatalError("bad line: \(line)")
            }
            do {
                jobs.append((source, try CronExpression(parsing: source), zone))
            } catch {
                fatalError("cannot parse '\(source)': \(error)")
            }
        }

        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        let clock = ContinuousClock()
        var perCall: [Double] = []
        var fires: [String] = []
        var checksum: Double = 0
        let total = clock.now
        for job in jobs {
            // Warm-up chain: builds the zone's offset table (cached per zone) and records the fires.
            var cursor = start
            var first: Date?
            var made = 0
            for _ in 0..<calls {
                guard let next = job.expression.nextDate(after: cursor, in: job.zone) else { break }
                if first == nil { first = next }
                cursor = next
                made += 1
            }
            guard made > 0, let first else { fatalError("'\(job.source)' never fires") }
            fires.append("\(Int64(first.timeIntervalSince1970)) \(Int64(cursor.timeIntervalSince1970))")
            var best = Duration.seconds(1_000_000)
            for _ in 0..<repeats {
                var date = start
                let began = clock.now
                for _ in 0..<made {
                    date = job.expression.nextDate(after: date, in: job.zone)!
                }
                let elapsed = began.duration(to: clock.now)
                checksum += date.timeIntervalSince1970
                best = min(best, elapsed)
            }
            let (seconds, attoseconds) = best.components
            perCall.append((Double(seconds) * 1e9 + Double(attoseconds) / 1e9) / Double(made))
        }
        let wall = total.duration(to: clock.now)

        if let firesOut {
            try (fires.joined(separator: "\n") + "\n").write(toFile: firesOut, atomically: true, encoding: .utf8)
        }
        let sorted = perCall.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        let mean = sorted.reduce(0, +) / Double(sorted.count)
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        print(
            "swift expressions=\(jobs.count) calls=\(calls) repeats=\(repeats) median_ns=\(f(percentile(0.5))) "
                + "p90_ns=\(f(percentile(0.9))) p99_ns=\(f(percentile(0.99))) mean_ns=\(f(mean)) "
                + "max_ns=\(f(sorted.last!)) wall_s=\(String(format: "%.2f", Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18)) checksum=\(Int64(checksum) % 1000)"
        )
        // The slowest expressions, for whoever tunes the engine.
        let slowest = zip(jobs, perCall).sorted { $0.1 > $1.1 }.prefix(5)
        for (job, ns) in slowest {
            print("  slow: \(f(ns)) ns/call  \(job.source)  [\(job.zone.identifier)]")
        }
    }
}
