import ArgumentParser
import Foundation
import ShowrunnerConfig
import ShowrunnerCore
import ShowrunnerSteps

/// `showrunner doctor`: is this machine ready to run the config folder's channels?
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check that this machine can run the config folder's channels.",
        discussion: """
            Checks the config, ffmpeg, the font, espeak-ng and its voices, each Piper voice, the store, each \
            uploading account's YouTube credentials and the free space in the state folder. A missing tool is an \
            error only when an account needs it. Exit status: 0 ready (warnings allowed), 1 something required \
            failed, 2 usage.
            """
    )

    /// `--format text|json`.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: ConfigOptions

    @Option(help: "text (for people) or json (for tools).")
    var format: Format = .text

    @Option(name: .customLong("min-free-mb"), help: "Fail when the state folder has less free space (MiB).")
    var minimumFreeMiB: Int64 = 1024

    func validate() throws {
        guard minimumFreeMiB >= 0 else { throw ValidationError("--min-free-mb must not be negative.") }
    }

    func run() async throws {
        let loader = ConfigLoader(directory: options.configDirectory)
        let snapshot = loader.load()
        let report = ConfigValidator(secrets: loader.secretChecker(strict: false)).validate(snapshot)
        let valid = report.accounts.compactMap { account -> (Account, Pipeline)? in
            guard account.isValid, let value = account.account, let pipeline = account.mergedPipeline else {
                return nil
            }
            return (value, pipeline)
        }
        var checks = [Self.config(report, accounts: valid.count, folder: loader.directory)]
        checks += await DoctorMachine(
            probe: .system, configDirectory: loader.directory,
            usages: valid.map { MediaPreflight.Usage(account: $0.0, pipeline: $0.1) }
        ).checks()
        let state = DoctorState(
            settings: snapshot.daemonSettings,
            stateDirectory: Runtime.stateDirectory(options: options, settings: snapshot.daemonSettings),
            configDirectory: loader.directory, minimumFreeBytes: minimumFreeMiB * 1024 * 1024)
        let (store, flags) = await state.store()
        checks.append(store)
        for (account, pipeline) in valid where pipeline.steps.contains(where: { $0.uses == "upload.youtube" }) {
            checks.append(state.youTube(account, authFlag: flags[account.id]))
        }
        checks.append(state.disk())
        let doctor = DoctorReport(checks: checks)
        print(format == .json ? try doctor.json() : doctor.text())
        if !doctor.ok { throw ExitCode(1) }
    }

    /// The config folder loads without errors.
    static func config(_ report: ValidationReport, accounts: Int, folder: URL) -> DoctorCheck {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("accounts.d").path) else {
            return DoctorCheck("config", .error, "\(folder.path) has no accounts.d/; pass --config")
        }
        guard report.errorCount == 0 else {
            return DoctorCheck(
                "config", .error, "\(report.errorCount) error(s) in \(folder.path); run: showrunner validate")
        }
        return DoctorCheck(
            "config", report.warningCount > 0 ? .warning : .ok,
            "\(accounts) account(s), \(report.warningCount) warning(s) in \(folder.path)")
    }
}
