import Foundation
import Logging
import PostgresNIO
import ShowrunnerCore
import ShowrunnerPostgres
import ShowrunnerStore
import Testing

/// The stores the conformance suite runs every test against: SQLite always, PostgreSQL when the test script
/// started a server and exported its URL in `SHOWRUNNER_TEST_POSTGRES` (scripts/test.sh does; CI always).
enum StoreKind: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    static let postgresURL = ProcessInfo.processInfo.environment["SHOWRUNNER_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// The stores available here; PostgreSQL is left out (and `PostgresAvailabilityTests` says why) without a URL.
    static let all: [StoreKind] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    var testDescription: String { rawValue }

    /// A new, empty store of this kind: an in-memory SQLite database, or a PostgreSQL schema of its own.
    func open() async throws -> any ShowrunnerStorage {
        switch self {
        case .sqlite: return try SQLiteStore.inMemory()
        case .postgres: return try await Self.openPostgres(fence: nil)
        }
    }

    /// A PostgreSQL store in a new schema (so parallel tests never see each other's rows), or in `schema`.
    static func openPostgres(fence: String?, schema: String? = nil) async throws -> PostgresStore {
        guard let url = postgresURL else { throw PostgresUnavailable() }
        var configuration = try PostgresURL.configuration(url)
        let name = schema ?? "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        if schema == nil {
            let admin = PostgresStore(configuration: configuration, fence: nil, logger: Logger(label: "test"))
            defer { admin.close() }
            try await admin.createSchema(name)
        }
        configuration.options.additionalStartupParameters = [("search_path", name)]
        // A long bound: the whole suite migrates dozens of schemas at once while media tests load the machine.
        return try await PostgresStore.open(
            configuration, fence: fence, logger: Logger(label: "test"), timeout: .seconds(120))
    }
}

struct PostgresUnavailable: Error, CustomStringConvertible {
    var description: String { "SHOWRUNNER_TEST_POSTGRES is not set: no PostgreSQL server for this test" }
}

/// Says, as a skipped test, when the PostgreSQL half of the conformance suite did not run; fails in CI, where the
/// test script always starts a server.
struct PostgresAvailabilityTests {
    @Test(.enabled(if: StoreKind.postgresURL == nil, "PostgreSQL is configured: the conformance suite runs on it"))
    func postgresIsSkippedWithoutAServer() {
        let ci = ProcessInfo.processInfo.environment["CI"] == "true"
        #expect(!ci, "CI must run the store tests on PostgreSQL: scripts/test.sh sets SHOWRUNNER_TEST_POSTGRES")
        print("note: SHOWRUNNER_TEST_POSTGRES is not set; the store conformance suite ran on SQLite only")
    }
}
