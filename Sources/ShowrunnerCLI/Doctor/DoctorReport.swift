import Foundation

/// Everything `showrunner doctor` found, as text for people or JSON for tools.
struct DoctorReport: Codable, Sendable {
    var ok: Bool
    var checks: [DoctorCheck]

    init(checks: [DoctorCheck]) {
        self.checks = checks
        ok = !checks.contains { $0.status == .error }
    }

    /// One aligned line per check, then a summary line.
    func text() -> String {
        let width = (checks.map(\.name.count).max() ?? 0) + 2
        let lines = checks.map { check in
            let label = check.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            return label + check.name.padding(toLength: width, withPad: " ", startingAt: 0) + check.detail
        }
        let errors = checks.count { $0.status == .error }
        let warnings = checks.count { $0.status == .warning }
        let summary =
            ok
            ? "ready: \(checks.count) checks, \(warnings) warning(s)"
            : "not ready: \(errors) error(s), \(warnings) warning(s)"
        return (lines + ["", summary]).joined(separator: "\n")
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
