import Foundation

/// One old `Account` row turned into an account file: the YAML, and the next fires under the old reading and the
/// new file, so a person can see each channel keeps its days.
public struct AccountImport: Sendable {
    public let legacy: LegacyAccount
    public let id: String
    /// The account file, or nil when the row cannot be imported (`problem` says why).
    public let yaml: String?
    public let problem: String?
    public let oldFires: [Date]
    public let newFires: [Date]

    public var firesDiffer: Bool { oldFires != newFires }

    public init(_ legacy: LegacyAccount, pipeline: String, timeZone: TimeZone, now: Date) {
        self.legacy = legacy
        id = Self.slug(legacy.name, fallback: "account-\(legacy.id)")
        var problem: String?
        var yaml: String?
        var oldFires: [Date] = []
        var newFires: [Date] = []
        do {
            let schedule = try APSchedulerCron(parsing: legacy.uploadSchedule ?? "")
            let cron = try CronExpression(parsing: schedule.cron)
            oldFires = schedule.nextFires(after: now, count: 5, in: timeZone)
            var at = now
            for _ in 0..<5 {
                guard let next = cron.nextDate(after: at, in: timeZone) else { break }
                newFires.append(next)
                at = next
            }
            yaml = Self.yaml(legacy, cron: schedule.cron, pipeline: pipeline, timeZone: timeZone)
        } catch let failure as APSchedulerCron.Failure {
            problem = "upload_schedule: \(failure.description)"
        } catch {
            problem = "upload_schedule: \(error)"
        }
        self.yaml = yaml
        self.problem = problem
        self.oldFires = oldFires
        self.newFires = newFires
    }

    static func yaml(_ legacy: LegacyAccount, cron: String, pipeline: String, timeZone: TimeZone) -> String {
        var lines = [
            "# Imported from the old system's Account \(legacy.id); its upload_schedule was "
                + "\"\(legacy.uploadSchedule ?? "")\" (APScheduler: 0 = Monday).",
            "name: \(quoted(legacy.name))",
            "enabled: \(legacy.active)",
            "channel:",
            "  type: \(quoted(legacy.channelType ?? "general"))",
            "schedule:",
            "  cron: \"\(cron)\"",
            "  timezone: \(timeZone.identifier)",
        ]
        let provider = legacy.ttsProvider.map { $0.lowercased().contains("openai") ? "openai" : "espeak" }
        if provider != nil || legacy.ttsVoice != nil || legacy.ttsSpeed != nil {
            lines.append("voice:")
            lines.append("  provider: \(provider ?? "espeak")")
            if let voice = legacy.ttsVoice { lines.append("  voice: \(quoted(voice))") }
            if let speed = legacy.ttsSpeed { lines.append("  speed: \(speed)") }
        }
        lines.append("pipeline: \(pipeline)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text as a double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// An account id from a name: lowercase letters, digits and '-'.
    static func slug(_ name: String, fallback: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        let id = String(slug.prefix(64))
        return Account.isValidID(id) ? id : fallback
    }
}
