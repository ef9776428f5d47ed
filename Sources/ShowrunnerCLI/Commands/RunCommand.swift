import ArgumentParser
import Foundation
import Logging
import ShowrunnerConfig
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerStore

/// `showrunner run`: the daemon — scheduler, watcher, executor and HTTP API until SIGTERM/SIGINT.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: schedule every enabled account, hot-reload the config, serve the HTTP API.",
        discussion: "SIGTERM/SIGINT stop it gracefully (exit 0); SIGHUP rescans the config folder."
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "host:port for the HTTP API (default: listen from showrunner.yaml, else 127.0.0.1:8080).")
    var listen: String?

    @Option(help: "How to notice config changes: inotify, poll or off (default: watch from showrunner.yaml).")
    var watch: String?

    func validate() throws {
        if let watch, DaemonSettings.WatchMode(rawValue: watch) == nil {
            throw ValidationError("--watch must be inotify, poll or off.")
        }
    }

    func run() async throws {
        let daemon = try await DaemonAssembly(
            options: options, listen: listen, watch: watch.flatMap(DaemonSettings.WatchMode.init))
        try await daemon.run()
    }
}
