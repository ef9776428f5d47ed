import Logging
import ServiceLifecycle
import UnixSignals

/// Rescans the config folder at each SIGHUP, one after the other, until graceful shutdown.
struct HangUpReload<Signals: AsyncSequence & Sendable>: Service where Signals.Element == UnixSignal {
    let signals: Signals
    let daemon: Daemon
    let logger: Logger

    func run() async throws {
        for try await _ in signals.cancelOnGracefulShutdown() {
            logger.info("SIGHUP: rescanning the config folder")
            _ = await daemon.reload()
        }
    }
}
