import ArgumentParser
import Foundation
import ShowrunnerConfig
import ShowrunnerCore
import ShowrunnerEngine

/// `showrunner disk`: what each account's run folders and published files take on disk.
struct DiskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disk",
        abstract: "Show the disk space each account's run folders and published files take.",
        discussion: """
            Counts STATE/runs/<run>/ by the account that ran it and out/<account>/ (upload.local's default folder) \
            beyond what is already counted: a published video hard-linked to its run folder costs nothing more. \
            Sizes are allocated bytes; each inode is counted once. Run folders history no longer has are shown \
            as (unknown). retention: in showrunner.yaml bounds them by age and count.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "text (for people) or json (for tools).")
    var format: DoctorCommand.Format = .text

    func run() async throws {
        let settings = ConfigLoader(directory: options.configDirectory).loadSettings()?.value ?? DaemonSettings()
        let store = try await Runtime.openStore(options: options)
        let counting = store as? any RunCountRetention
        let report = try await DiskUsageScanner(
            stateDirectory: Runtime.stateDirectory(options: options, settings: settings),
            outputFolder: URL(fileURLWithPath: options.configDirectory).appendingPathComponent("out"),
            accounts: { try await counting?.accounts(ofRuns: $0) ?? [:] }
        ).scan()
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(Self.text(report))
        }
    }

    static func text(_ report: DiskUsageReport) -> String {
        let width = max(7, report.accounts.map(\.accountID.count).max() ?? 0) + 2
        let pad = { (text: String, count: Int) in text.padding(toLength: count, withPad: " ", startingAt: 0) }
        var lines = [pad("ACCOUNT", width) + pad("RUNS", 7) + pad("INODES", 9) + pad("RUN FOLDERS", 13) + "PUBLISHED"]
        for entry in report.accounts {
            lines.append(
                pad(entry.accountID, width) + pad("\(entry.runFolders)", 7) + pad("\(entry.inodes)", 9)
                    + pad(DiskSize.text(entry.runBytes), 13) + DiskSize.text(entry.publishedBytes))
        }
        lines.append("total: \(DiskSize.text(report.totalBytes)) in \(report.totalInodes) inodes")
        return lines.joined(separator: "\n")
    }
}
