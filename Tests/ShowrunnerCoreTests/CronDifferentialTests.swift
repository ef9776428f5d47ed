import Foundation
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerCore

/// Differential test of the cron engine against cronsim 2.8 (Python), an independent implementation of cronie's
/// semantics that SPEC §3 names as the reference. Cases avoid cronsim's known deviations; see `CronCaseGenerator`.
///
/// The reference runs once, as `Tests/Reference/cronsim_reference.py`, for every case. Python is `SHOWRUNNER_PYTHON`
/// or `<package>/.venv/bin/python3` (made by scripts/install-deps.sh). Without it the test is disabled, unless
/// `SHOWRUNNER_REQUIRE_REFERENCE=1`, which makes it fail instead (CI must not skip it silently).
@Suite struct CronDifferentialTests {
    static let randomCaseCount = 5_000
    static let fireCount = 5

    /// Hand-picked DST cases (2026 transitions), checked against cronsim in the same batch and against SPEC §3.
    static let dstCases: [(String, String, String, String?)] = [
        // New York spring forward 2026-03-08 02:00 EST → 03:00 EDT: a fixed time in the gap fires at 03:00 EDT.
        ("30 2 * * *", "America/New_York", "2026-03-08T00:00:00-05:00", "2026-03-08T03:00:00-04:00"),
        ("0,15,30,45 2 * * *", "America/New_York", "2026-03-08T01:59:00-05:00", "2026-03-08T03:00:00-04:00"),
        ("30 2 8 3 *", "America/New_York", "2026-03-01T00:00:00-05:00", "2026-03-08T03:00:00-04:00"),
        ("*/30 * * * *", "America/New_York", "2026-03-08T01:00:00-05:00", "2026-03-08T01:30:00-05:00"),
        // New York fall back 2026-11-01 02:00 EDT → 01:00 EST: fixed times fire once, wildcards twice.
        ("30 1 * * *", "America/New_York", "2026-11-01T00:00:00-04:00", "2026-11-01T01:30:00-04:00"),
        ("0 1 * * *", "America/New_York", "2026-11-01T00:30:00-04:00", "2026-11-01T01:00:00-04:00"),
        ("*/30 * * * *", "America/New_York", "2026-11-01T00:45:00-04:00", "2026-11-01T01:00:00-04:00"),
        ("0 */30 * * * *", "America/New_York", "2026-11-01T01:15:00-04:00", "2026-11-01T01:30:00-04:00"),
        // Europe/London: 2026-03-29 01:00 GMT → 02:00 BST; 2026-10-25 02:00 BST → 01:00 GMT.
        ("30 1 * * *", "Europe/London", "2026-03-29T00:00:00+00:00", "2026-03-29T02:00:00+01:00"),
        ("30 1 * * *", "Europe/London", "2026-10-25T00:00:00+01:00", "2026-10-25T01:30:00+01:00"),
        ("*/20 1 * * *", "Europe/London", "2026-10-25T00:59:00+01:00", "2026-10-25T01:00:00+01:00"),
        // Europe/Berlin 2026-03-29 02:00 CET → 03:00 CEST; Sydney 2026-10-04 02:00 AEST → 03:00 AEDT, and
        // 2026-04-05 03:00 AEDT → 02:00 AEST (02:30 repeats; a fixed time fires at the first, +11:00).
        ("0 2 * * *", "Europe/Berlin", "2026-03-28T12:00:00+01:00", "2026-03-29T03:00:00+02:00"),
        ("30 2 * * SUN", "Australia/Sydney", "2026-10-01T00:00:00+10:00", "2026-10-04T03:00:00+11:00"),
        ("30 2 * * *", "Australia/Sydney", "2026-04-05T00:00:00+11:00", "2026-04-05T02:30:00+11:00"),
    ]

    static var handPickedCases: [CronCase] {
        dstCases.map { expression, zone, start, expected in
            let date = RFC3339.parse(start, defaultZone: TimeZone(identifier: zone)!)!
            let seconds = Int64(date.timeIntervalSince1970)
            return CronCase(expression: expression, zone: zone, start: seconds, expectedFirst: expected)
        }
    }

    @Test(
        "Next five fires match cronsim for thousands of random expressions",
        // Disabled when Python with cronsim is missing, unless SHOWRUNNER_REQUIRE_REFERENCE=1 demands it.
        .enabled(if: CronReference.python != nil || CronReference.isRequired, "run scripts/install-deps.sh")
    )
    func matchesCronsim() async throws {
        guard let python = CronReference.python else {
            Issue.record(
                "cronsim reference not found (SHOWRUNNER_PYTHON or .venv/bin/python3): run scripts/install-deps.sh")
            return
        }
        var generator = CronCaseGenerator(seed: 0x5348_4F57_5255_4E)
        let cases = Self.handPickedCases + generator.cases(Self.randomCaseCount)
        let references = try await CronReference.run(cases, count: Self.fireCount, python: python)
        try #require(references.count == cases.count, "cronsim answered \(references.count) of \(cases.count) cases")

        var tally = Tally()
        var dstAdjusted = 0
        for (cronCase, reference) in zip(cases, references) {
            let (ours, adjusted) = Self.ourFires(cronCase)
            if adjusted { dstAdjusted += 1 }
            tally.add(cronCase, verdict: Self.judge(ours: ours, reference: reference), ours: ours, reference: reference)
            if let expected = cronCase.expectedFirst, case .fires(let fires) = ours {
                let zone = TimeZone(identifier: cronCase.zone)!
                let first = fires.first.map { RFC3339.format(Date(timeIntervalSince1970: Double($0)), in: zone) }
                #expect(first == expected, "\(cronCase.expression) in \(cronCase.zone): SPEC §3 requires \(expected)")
            }
        }
        print(
            "cron differential: \(tally.compared) compared (\(tally.mismatches.count) mismatched), "
                + "skipped \(tally.neverFires) never-firing and \(tally.horizon) beyond a 50-year horizon, "
                + "\(generator.secondPassStarts) second-pass starts avoided; "
                + "\(dstAdjusted) cases have a fire in a DST gap or a repeated hour"
        )
        if !tally.mismatches.isEmpty {
            let shown = tally.mismatches.prefix(20).joined(separator: "\n")
            Issue.record("\(tally.mismatches.count) of \(tally.compared) cases differ from cronsim:\n\(shown)")
        }
        #expect(tally.compared >= 3_000, "only \(tally.compared) cases compared")
        #expect(tally.neverFires + tally.horizon < cases.count / 20, "too many skipped cases")
    }

    // MARK: - Judging

    enum Fires: Equatable {
        case fires([Int64])
        case error(String)
    }

    enum Verdict { case match, mismatch, neverFires, horizon }

    /// Our next fires, and whether any of them was moved out of a DST gap or falls in a repeated hour.
    static func ourFires(_ cronCase: CronCase) -> (Fires, adjusted: Bool) {
        do {
            let expression = try CronExpression(parsing: cronCase.expression)
            let start = Date(timeIntervalSince1970: TimeInterval(cronCase.start))
            let fires = expression.fires(after: start, in: TimeZone(identifier: cronCase.zone)!, count: fireCount)
            let seconds = fires.map { Int64($0.date.timeIntervalSince1970.rounded(.down)) }
            return (.fires(seconds), fires.contains { $0.adjustment != .none })
        } catch {
            return (.error(error.message), false)
        }
    }

    /// Equal lists of `fireCount` fires match. Both sides finding no fire at all (an error or an empty list) is
    /// "never fires". One list being a prefix of the other is a horizon difference only if the extra fire lies
    /// more than 49 years after the one before it; anything else is a mismatch.
    static func judge(ours: Fires, reference: Fires) -> Verdict {
        switch (ours, reference) {
        case (.fires(let a), .fires(let b)) where a == b: return a.count == fireCount ? .match : .horizon
        case (.fires(let a), .fires(let b)) where a.isEmpty && b.isEmpty: return .neverFires
        case (.fires(let a), .fires(let b)):
            let (short, long) = a.count < b.count ? (a, b) : (b, a)
            guard Array(long.prefix(short.count)) == short, let previous = short.last else { return .mismatch }
            return long[short.count] - previous > 49 * 365 * 86_400 ? .horizon : .mismatch
        case (.error(let message), .error), (.error(let message), .fires([])):
            return message.contains("can never fire") ? .neverFires : .mismatch
        case (.fires([]), .error): return .neverFires
        default: return .mismatch
        }
    }

    struct Tally {
        var compared = 0
        var neverFires = 0
        var horizon = 0
        var mismatches: [String] = []

        mutating func add(_ cronCase: CronCase, verdict: Verdict, ours: Fires, reference: Fires) {
            switch verdict {
            case .match: compared += 1
            case .neverFires: neverFires += 1
            case .horizon: horizon += 1
            case .mismatch:
                compared += 1
                let zone = TimeZone(identifier: cronCase.zone)!
                let start = RFC3339.format(Date(timeIntervalSince1970: TimeInterval(cronCase.start)), in: zone)
                mismatches.append(
                    "'\(cronCase.expression)' in \(cronCase.zone) after \(start) (\(cronCase.start)):\n"
                        + "  ours:    \(Self.describe(ours, zone))\n  cronsim: \(Self.describe(reference, zone))")
            }
        }

        static func describe(_ fires: Fires, _ zone: TimeZone) -> String {
            switch fires {
            case .error(let message): "error: \(message)"
            case .fires(let list):
                "["
                    + list.map { RFC3339.format(Date(timeIntervalSince1970: Double($0)), in: zone) }.joined(
                        separator: ", ") + "]"
            }
        }
    }
}

/// Runs `Tests/Reference/cronsim_reference.py` once for a batch of cases.
enum CronReference {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var isRequired: Bool { ProcessInfo.processInfo.environment["SHOWRUNNER_REQUIRE_REFERENCE"] == "1" }

    /// `SHOWRUNNER_PYTHON` if set, else the package's `.venv/bin/python3`; nil if that file is not executable.
    static var python: String? {
        let configured = ProcessInfo.processInfo.environment["SHOWRUNNER_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
        let path = configured ?? packageRoot.appendingPathComponent(".venv/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    struct Query: Encodable {
        let expr: String
        let tz: String
        let from: Int64
        let count: Int
    }

    struct Answer: Decodable {
        let fires: [Int64]?
        let error: String?
    }

    /// Feeds all cases on stdin, reads one JSON line per case.
    static func run(_ cases: [CronCase], count: Int, python: String) async throws -> [CronDifferentialTests.Fires] {
        let encoder = JSONEncoder()
        var input = Data()
        for cronCase in cases {
            input += try encoder.encode(
                Query(expr: cronCase.expression, tz: cronCase.zone, from: cronCase.start, count: count))
            input += Data("\n".utf8)
        }
        let script = packageRoot.appendingPathComponent("Tests/Reference/cronsim_reference.py").path
        let output = try await TestProgram.run(python, [script], input: input)
        guard output.succeeded else {
            throw ReferenceFailure(
                "\(python) exited with \(output.status); run scripts/install-deps.sh.\n\(output.stderr)")
        }
        let data = output.stdout
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { line in
            let answer = try decoder.decode(Answer.self, from: Data(line))
            return answer.fires.map { .fires($0) } ?? .error(answer.error ?? "no answer")
        }
    }

    struct ReferenceFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
