import Foundation
import ShowrunnerCore
import ShowrunnerSteps

/// `validate`'s YouTube checks: the shape of each credentials file (not its validity) and the quota each Google
/// project would spend per Pacific day, from the schedules.
enum YouTubeChecks {
    static func diagnostics(
        for report: ValidationReport, settings: DaemonSettings, configDirectory: URL, now: Date
    )
        -> [Diagnostic]
    {
        // Overrides change a step's `with`, retry, timeout and optional, never its `uses`: the pipeline says which
        // accounts upload, without merging 10,000 accounts' overrides to ask.
        let uploading = report.accounts.filter {
            $0.pipeline?.steps.contains { $0.uses == "upload.youtube" } == true
        }
        var found = uploading.flatMap { credentials(of: $0, configDirectory: configDirectory) }
        let accounts = uploading.compactMap { account in
            account.account.flatMap { value in account.mergedPipeline.map { (value, $0) } }
        }
        let projection = QuotaProjection.project(accounts, quota: settings.providers.youtube.quota, from: now)
        for (project, days) in Dictionary(grouping: projection.warnings, by: \.project).sorted(by: { $0.key < $1.key })
        {
            guard let worst = days.max(by: { $0.units < $1.units }) else { continue }
            let accounts = worst.accounts.keys.sorted().joined(separator: ", ")
            found.append(
                Diagnostic(
                    .warning, file: "showrunner.yaml", keyPath: "providers.youtube.quota",
                    "project '\(project)' would spend up to \(worst.units) of its \(worst.budget) daily YouTube units on "
                        + "\(days.count) of the next 7 days (accounts: \(accounts)); uploads over the budget wait for the next "
                        + "Pacific day."))
        }
        return found
    }

    /// A `${file:…}` credentials file that exists but does not have the authorized-user shape.
    private static func credentials(of account: AccountReport, configDirectory: URL) -> [Diagnostic] {
        guard let reference = account.account?.channel.youtube?.credentials,
            let secret = try? SecretScanner.references(in: reference).first, secret.source == .file
        else { return [] }
        let url =
            secret.name.hasPrefix("/")
            ? URL(fileURLWithPath: secret.name) : configDirectory.appendingPathComponent(secret.name)
        // A missing file is already a secret warning.
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return YouTubeCredentialsCheck.problems(in: String(decoding: data, as: UTF8.self)).map {
            account.document.sourceMap.diagnostic(.error, at: "channel.youtube.credentials", "\(secret.name): \($0)")
        }
    }
}
