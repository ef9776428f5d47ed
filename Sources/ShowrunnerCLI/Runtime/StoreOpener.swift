import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerEngine
import ShowrunnerPostgres
import ShowrunnerSteps
import ShowrunnerStore

/// Opens the store `store:` names: `STATE/showrunner.sqlite`, or PostgreSQL (secret references resolved, the
/// connection pool started, migrations applied). Errors never show a password.
enum StoreOpener {
    static func open(
        _ setting: StoreSetting, stateDirectory: URL, configDirectory: URL, logger: Logger
    ) async throws -> any ShowrunnerStorage {
        switch setting {
        case .sqlite:
            do {
                return try SQLiteStore(path: stateDirectory.appendingPathComponent("showrunner.sqlite").path)
            } catch {
                throw CommandFailure("cannot open the store in \(stateDirectory.path): \(error)")
            }
        case .postgres(let settings):
            return try await openPostgres(settings, configDirectory: configDirectory, logger: logger)
        }
    }

    /// `fence`: the run owner this process writes as (nil: a tool that writes as nobody, like `store migrate`).
    static func openPostgres(
        _ settings: PostgresSettings, configDirectory: URL, logger: Logger,
        fence: String? = OwnerProbe.current(now: Date()).host
    ) async throws -> PostgresStore {
        let resolver = SecretResolver(configDirectory: configDirectory)
        let configuration: PostgresClientConfiguration
        do {
            if let url = settings.url {
                configuration = try PostgresURL.configuration(try resolver.resolveAll(in: url))
            } else {
                let password = try settings.password.map { reference throws(StepFailure) in
                    try resolver.resolveAll(in: reference)
                }
                configuration = try PostgresURL.configuration(settings, password: password)
            }
        } catch let failure as StepFailure {
            throw CommandFailure("store: \(failure.message)")
        } catch {
            throw CommandFailure("store: \(error)")
        }
        do {
            return try await PostgresStore.open(configuration, fence: fence, logger: logger)
        } catch {
            throw CommandFailure("cannot open the PostgreSQL store: \(PostgresErrorText.describe(error))")
        }
    }
}
