import Foundation
import ShowrunnerCore

extension ExecutionEnvironment {
    /// Performs a store write that must not be lost (a run's final state), retrying it with a growing delay
    /// (1 s … 30 s on the environment's clock) until it succeeds; `/healthz` reports the store while it fails.
    /// Throws only `CancellationError` (shutdown: the run is left for the next start).
    func writeUntilStored(_ key: String, _ write: @Sendable () async throws -> Void) async throws {
        var delay = Duration.seconds(1)
        while true {
            do {
                try await write()
                reporting.storeHealth.succeeded(key)
                return
            } catch {
                try Task.checkCancellation()
                reporting.storeHealth.failed(key, error)
                reporting.logger.error(
                    "store write failed; retrying", metadata: ["write": "\(key)", "error": "\(error)"])
            }
            try await time.clock.sleep(for: delay)
            delay = min(delay * 2, .seconds(30))
        }
    }
}
