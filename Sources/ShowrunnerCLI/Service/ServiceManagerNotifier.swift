import Foundation
import Logging
import ServiceLifecycle

/// Tells systemd (Type=notify) how the daemon is: `READY=1` once the API listens, `STATUS=` with the accounts and
/// running runs, `WATCHDOG=1` at half the watchdog interval, `STOPPING=1` as soon as a graceful shutdown starts.
/// Listed last in the service group so it hears of the shutdown first; `keepAlive` runs beside the group.
struct ServiceManagerNotifier: Service {
    let socket: NotifySocket
    /// nil: no watchdog asked for; the status is then refreshed every `statusInterval`.
    let watchdog: Duration?
    let statusInterval: Duration
    let status: @Sendable () async -> String
    let logger: Logger

    init(
        socket: NotifySocket, environment: [String: String], logger: Logger,
        statusInterval: Duration = .seconds(10), status: @escaping @Sendable () async -> String
    ) {
        self.socket = socket
        watchdog = WatchdogInterval.from(environment, pid: getpid())
        self.statusInterval = statusInterval
        self.status = status
        self.logger = logger
    }

    /// `READY=1` with the first status; called when the HTTP API is listening.
    func ready() async {
        if !socket.send("READY=1\nSTATUS=\(await status())\nMAINPID=\(getpid())") {
            logger.warning("could not notify the service manager", metadata: ["socket": "\(socket.name)"])
        }
    }

    /// Waits for the graceful shutdown and says `STOPPING=1` at once.
    func run() async throws {
        try? await gracefulShutdown()
        socket.send("STOPPING=1\nSTATUS=stopping")
    }

    /// Status and watchdog keep-alives until cancelled: a task of its own, outside the service group, so the
    /// keep-alives go on while the other services shut down.
    func keepAlive() async {
        let interval = watchdog.map { min($0, statusInterval) } ?? statusInterval
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            var message = "STATUS=\(await status())"
            if watchdog != nil { message = "WATCHDOG=1\n" + message }
            socket.send(message)
        }
    }
}
