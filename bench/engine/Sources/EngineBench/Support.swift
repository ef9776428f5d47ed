import Foundation
import Synchronization

/// Command-line options as `--name value` pairs.
struct Options {
    private var values: [String: String] = [:]
    let command: String

    init(_ arguments: [String]) {
        command = arguments.first ?? ""
        var index = 1
        while index < arguments.count {
            let key = arguments[index]
            if key.hasPrefix("--"), index + 1 < arguments.count {
                values[String(key.dropFirst(2))] = arguments[index + 1]
                index += 2
            } else {
                fail("unexpected argument '\(key)'")
            }
        }
    }

    func string(_ name: String) -> String? { values[name] }

    func required(_ name: String) -> String {
        guard let value = values[name] else { fail("--\(name) is required for '\(command)'") }
        return value
    }

    func int(_ name: String, default value: Int) -> Int {
        guard let text = values[name] else { return value }
        guard let number = Int(text.replacingOccurrences(of: "_", with: "")), number >= 0 else {
            fail("--\(name) must be a whole number, found '\(text)'")
        }
        return number
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(1)
}

/// Human-readable lines go to stdout; every figure also goes to the results file as
/// `RESULT|key|value|unit|label`, which run.sh turns into its summary.
struct Reporter {
    let resultsPath: String?

    func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    func figure(_ key: String, _ value: Double, _ unit: String, _ label: String, decimals: Int = 1) {
        let text = String(format: "%.\(decimals)f", value)
        line("  \(label.padding(toLength: 58, withPad: " ", startingAt: 0)) \(text) \(unit)")
        guard let resultsPath else { return }
        let record = "RESULT|\(key)|\(text)|\(unit)|\(label)\n"
        if let handle = FileHandle(forWritingAtPath: resultsPath) {
            handle.seekToEndOfFile()
            handle.write(Data(record.utf8))
            handle.closeFile()
        } else {
            _ = FileManager.default.createFile(atPath: resultsPath, contents: Data(record.utf8))
        }
    }
}

extension Duration {
    var microseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
    }
    var milliseconds: Double { microseconds / 1000 }
    var secondsValue: Double { microseconds / 1e6 }
}

/// Nearest-rank percentile of unsorted samples.
func percentile(_ samples: [Double], _ p: Double) -> Double {
    guard !samples.isEmpty else { return .nan }
    let sorted = samples.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
}

/// A seeded generator (SplitMix64), so that the generated store is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A fresh folder under the system temp dir (or under `base`).
func makeTemporaryFolder(_ name: String, base: String? = nil) throws -> URL {
    let parent = base.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? FileManager.default.temporaryDirectory
    let folder = parent.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

func fileSize(_ path: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
}

/// Counts across tasks.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    func add(_ n: Int = 1) { value.add(n, ordering: .relaxed) }
    var count: Int { value.load(ordering: .relaxed) }
}

/// Wall time and CPU time (user + system, all threads of the process, in µs) of one measurement.
struct Sample {
    var wall: Duration
    var cpu: Double
}

extension Array where Element == Sample {
    /// The fastest by wall time.
    var best: Sample? { self.min { $0.wall < $1.wall } }
}

/// User + system CPU time of the whole process so far, in µs.
func cpuMicroseconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let user = Double(usage.ru_utime.tv_sec) * 1e6 + Double(usage.ru_utime.tv_usec)
    let system = Double(usage.ru_stime.tv_sec) * 1e6 + Double(usage.ru_stime.tv_usec)
    return user + system
}
