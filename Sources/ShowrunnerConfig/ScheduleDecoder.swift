import Foundation
import ShowrunnerCore
import ShowrunnerYAML

/// Decodes an account's `schedule:` block: cron, time zone, jitter, catch-up, overlap, auto-pause.
enum ScheduleDecoder {
    static let keys = ["cron", "timezone", "jitter", "catch_up", "overlap", "pause_after_failures"]
    static let catchUpKeys = ["window", "policy"]
    /// A longer offset moves every fire past the next ones: `jitter: 99999999d` started the first run in year 46611.
    static let maximumJitter = Duration.seconds(7 * 86_400)

    static func decode(_ node: YAMLNode, at path: String, reader: inout NodeReader) -> Schedule? {
        guard let entries = reader.mapping(node, at: path, known: keys) else { return nil }
        return decode(entries, at: path, reader: &reader)
    }

    static func decode(_ entries: NodeEntries, at path: String, reader: inout NodeReader) -> Schedule? {
        let at = { (key: String) in NodeReader.join(path, key) }
        let cron = reader.require(entries, "cron", at: path, "add cron: \"0 9 * * *\" (minute hour day month weekday).")
            .flatMap { parseCron($0, at: at("cron"), reader: &reader) }
        let timeZone = entries["timezone"].map { parseTimeZone($0, at: at("timezone"), reader: &reader) }
        let jitter = reader.duration(
            entries["jitter"], at: at("jitter"), atMost: maximumJitter,
            "jitter is a stable offset that spreads the starts of accounts due together; spread a weekly job over its "
                + "week at most.")
        var window: Duration?
        var policy: Schedule.CatchUpPolicy?
        if let node = entries["catch_up"],
            let catchUp = reader.mapping(node, at: at("catch_up"), known: catchUpKeys)
        {
            window = reader.duration(catchUp["window"], at: at("catch_up.window"))
            policy = reader.choice(catchUp["policy"], at: at("catch_up.policy"))
        }
        let overlap: Schedule.OverlapPolicy? = reader.choice(entries["overlap"], at: at("overlap"))
        let pauseAfter = reader.int(entries["pause_after_failures"], at: at("pause_after_failures"), in: 0...10_000)
        guard let cron, let zone = timeZone ?? TimeZone(identifier: "UTC") else { return nil }
        var schedule = Schedule(cron: cron, timeZone: zone)
        schedule.jitter = jitter ?? schedule.jitter
        schedule.catchUpWindow = window ?? schedule.catchUpWindow
        schedule.catchUpPolicy = policy ?? schedule.catchUpPolicy
        schedule.overlap = overlap ?? schedule.overlap
        schedule.pauseAfterFailures = pauseAfter ?? schedule.pauseAfterFailures
        return schedule
    }

    private static func parseCron(_ node: YAMLNode, at path: String, reader: inout NodeReader) -> CronExpression? {
        guard let text = reader.string(node, at: path) else { return nil }
        do throws(CronSyntaxError) {
            return try CronExpression.cached(parsing: text)
        } catch {
            let location = NodeReader.location(of: error.token, in: node)
            reader.append(
                Diagnostic(.error, file: reader.sourceMap.file, location: location, keyPath: path, error.message))
            return nil
        }
    }

    /// A zone name of the tz database as Foundation knows it: `Europe/Berlin`, `UTC`, `Etc/GMT+5`, `CET`, `EST`.
    static func parseTimeZone(_ node: YAMLNode, at path: String, reader: inout NodeReader) -> TimeZone? {
        guard let name = reader.string(node, at: path) else { return nil }
        if let zone = TimeZoneNames.zone(named: name) { return zone }
        let hint =
            TimeZoneNames.suggestion(for: name).map { "; did you mean '\($0)'?" }
            ?? "; use an IANA name such as Europe/Berlin or America/New_York."
        reader.error(path, "unknown time zone '\(name)'\(hint)", at: node)
        return nil
    }
}
