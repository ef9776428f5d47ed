import ArgumentParser
import Foundation
import ShowrunnerConfig
import ShowrunnerCore

/// `showrunner next`: upcoming fire times of accounts, or of a cron expression.
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Show the next fire times of accounts, or of a cron expression (--cron).",
        discussion: """
            With --cron, prints one RFC 3339 timestamp with the zone's offset per line, strictly after --from.
            --from takes 2026-03-08T01:30:00-05:00, …Z, or a wall time without offset (read in --tz; UTC for \
            accounts). Account fire times include the account's stable jitter.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Argument(help: "Account ids (default: every enabled account).")
    var accounts: [String] = []

    @Option(help: "A cron expression to evaluate instead of accounts.")
    var cron: String?

    @Option(help: "The IANA time zone for --cron.")
    var tz = "UTC"

    @Option(help: "Start after this time (default: now).")
    var from: String?

    @Option(help: "How many fire times.")
    var count = 5

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (1...100_000).contains(count) else { throw ValidationError("--count must be between 1 and 100000.") }
        if cron != nil, !accounts.isEmpty { throw ValidationError("Give either --cron or account ids, not both.") }
        if format == .github { throw ValidationError("--format github is only for validate; use text or json.") }
    }

    func run() throws {
        if let cron { try runExpression(cron) } else { try runAccounts() }
    }

    private func runExpression(_ text: String) throws {
        guard let zone = TimeZoneNames.zone(named: tz) else {
            throw CommandFailure("unknown time zone '\(tz)'; use an IANA name such as America/New_York.")
        }
        let start = try startDate(in: zone)
        let expression: CronExpression
        do throws(CronSyntaxError) {
            expression = try CronExpression(parsing: text)
        } catch {
            throw CommandFailure(error.message)
        }
        let fires = expression.fires(after: start, in: zone, count: count).map { RFC3339.format($0.date, in: zone) }
        print(format == .json ? try JSONOutput.encode(fires) : fires.joined(separator: "\n"))
    }

    private func runAccounts() throws {
        let loader = ConfigLoader(directory: options.configDirectory)
        let report = ConfigValidator(secrets: loader.secretChecker(strict: false)).validate(loader.load())
        let start = try startDate(in: TimeZone(identifier: "UTC")!)
        let known = report.accounts.map(\.id)
        for id in accounts where !known.contains(id) {
            let hint = Suggestion.closest(to: id, in: known).map { " Did you mean '\($0)'?" } ?? ""
            throw CommandFailure("no account '\(id)' in \(options.displayPath(ConfigFiles.accountsFolder))/.\(hint)")
        }
        let chosen = report.accounts.filter {
            accounts.isEmpty ? $0.account?.enabled == true : accounts.contains($0.id)
        }
        var rows: [(id: String, fires: [String])] = []
        var failed = false
        for account in chosen {
            guard account.isValid, let schedule = account.account?.schedule else {
                printError("error: account '\(account.id)' is not valid or has no schedule; run 'showrunner validate'.")
                failed = true
                continue
            }
            let fires = AccountSummary.fires(schedule, accountID: account.id, now: start, count: count)
            rows.append((account.id, fires.map(\.at)))
        }
        if format == .json {
            struct Row: Encodable {
                let account: String
                let next: [String]
            }
            print(try JSONOutput.encode(rows.map { Row(account: $0.id, next: $0.fires) }))
        } else {
            let width = rows.map(\.id.count).max() ?? 0
            for row in rows {
                for fire in row.fires {
                    print(row.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + fire)
                }
            }
        }
        if failed { throw ExitCode(1) }
    }

    private func startDate(in zone: TimeZone) throws -> Date {
        guard let from else { return Date() }
        guard let date = RFC3339.parse(from, defaultZone: zone) else {
            throw CommandFailure(
                "--from '\(from)' is not a time; write 2026-03-08T01:30:00-05:00, 2026-03-08T06:30:00Z or 2026-03-08T01:30."
            )
        }
        return date
    }
}
