import ArgumentParser
import Foundation
import ShowrunnerConfig
import ShowrunnerCore

/// `showrunner validate`: checks a config folder without running anything.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the config folder without running anything.",
        discussion: "Exit status: 0 valid (warnings allowed), 1 errors, 2 usage."
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "text (for people), json (for tools) or github (workflow annotations).")
    var format: OutputFormat = .text

    @Flag(help: "Treat unresolvable secret references (missing env vars or files) as errors.")
    var strict = false

    @Flag(
        name: .customLong("no-preflight"),
        help: "Skip the checks of this machine (espeak-ng, ffmpeg, fonts, voices), e.g. in a config repository's CI.")
    var noPreflight = false

    @Option(name: .customLong("next"), help: "How many upcoming fires to show per account.")
    var nextCount = 3

    func validate() throws {
        guard (0...1000).contains(nextCount) else { throw ValidationError("--next must be between 0 and 1000.") }
    }

    func run() async throws {
        let loader = ConfigLoader(directory: options.configDirectory)
        let snapshot = loader.load()
        var report = ConfigValidator(secrets: loader.secretChecker(strict: strict)).validate(snapshot)
        var extra = YouTubeChecks.diagnostics(
            for: report, settings: snapshot.daemonSettings, configDirectory: loader.directory, now: Date())
        if !noPreflight { extra += await MachineChecks.diagnostics(for: report, configDirectory: loader.directory) }
        let state = Runtime.stateDirectory(options: options, settings: snapshot.daemonSettings)
        extra += await TopicChecks.diagnostics(
            for: report, configDirectory: loader.directory,
            storePath: state.appendingPathComponent("showrunner.sqlite").path, now: Date())
        report = ValidationReport(
            diagnostics: (report.diagnostics + extra).sortedForDisplay(), accounts: report.accounts)
        let now = Date()
        let count = nextCount
        // Next fires and graphs of 10,000 accounts: on every core.
        let summaries = report.accounts.map { ($0, options.displayPath($0.document.path)) }.concurrentMap {
            AccountSummary($0.0, file: $0.1, now: now, count: count)
        }
        let output = ValidationOutput(
            report: report, summaries: summaries, displayPath: options.displayPath, colour: isatty(1) == 1)
        switch format {
        case .text: print(output.text())
        case .json: print(try output.json())
        case .github: if !report.diagnostics.isEmpty { print(output.github()) }
        }
        // The process ends here: exiting while the snapshot and report are alive skips freeing 10,000 documents
        // one by one (a tenth of a second at 10,000 accounts). `exit` flushes stdout.
        withExtendedLifetime((snapshot, report, summaries, output)) {
            Foundation.exit(report.errorCount > 0 ? 1 : 0)
        }
    }
}
