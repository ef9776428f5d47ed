import Foundation
import ShowrunnerCore

/// What `showrunner import` prints per account, and writing its file.
enum ImportReport {
    static func describe(_ item: AccountImport, zone: TimeZone) -> String {
        var lines = ["== \(item.legacy.name) (old id \(item.legacy.id)) → accounts.d/\(item.id).yaml"]
        if let problem = item.problem {
            lines.append("  error: \(problem)")
            return lines.joined(separator: "\n")
        }
        lines.append("  next fires: old (APScheduler)            new (cron)")
        for index in 0..<max(item.oldFires.count, item.newFires.count) {
            let old = item.oldFires.indices.contains(index) ? RFC3339.format(item.oldFires[index], in: zone) : "-"
            let new = item.newFires.indices.contains(index) ? RFC3339.format(item.newFires[index], in: zone) : "-"
            let mark = old == new ? "  " : "≠ "
            lines.append("  \(mark)\(old.padding(toLength: 35, withPad: " ", startingAt: 0)) \(new)")
        }
        if item.firesDiffer { lines.append("  warning: the fires differ; check the schedule by hand.") }
        lines.append(contentsOf: (item.yaml ?? "").split(separator: "\n").map { "  | \($0)" })
        return lines.joined(separator: "\n")
    }

    /// Writes `accounts.d/<id>.yaml` unless it exists; true when written.
    static func write(_ yaml: String, id: String, into folder: URL) throws -> Bool {
        let url = folder.appendingPathComponent("\(id).yaml")
        if FileManager.default.fileExists(atPath: url.path) {
            print("  kept accounts.d/\(id).yaml (already exists)")
            return false
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(yaml.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw CommandFailure("cannot write \(url.path): \(error.localizedDescription)")
        }
        return true
    }
}
