import Foundation
import Testing

/// Where the import tests build the old system's database: SQLite always, PostgreSQL when the test script started
/// a server (`SHOWRUNNER_TEST_POSTGRES`) and the venv has psycopg (scripts/install-deps.sh installs it).
enum OldDatabase: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    static let all: [OldDatabase] = ClusterDatabase.url == nil ? [.sqlite] : [.sqlite, .postgres]

    var testDescription: String { rawValue }

    /// `SHOWRUNNER_PYTHON` if set, else the package's `.venv/bin/python3` (psycopg is there).
    static var venvPython: String {
        ProcessInfo.processInfo.environment["SHOWRUNNER_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? CommandRunner.packageRoot.appendingPathComponent(".venv/bin/python3").path
    }

    /// Builds the old database and returns the `--db` URL SQLAlchemy would have: `sqlite:////abs/old.db`, or
    /// `postgresql://showrunner:<password>@…` on a database of its own (the password is never needed by the test
    /// server, which trusts loopback, so that the output can be checked for it).
    func url(in folder: URL) throws -> String {
        switch self {
        case .sqlite:
            return "sqlite:///" + (try ImportCommandTests.oldDatabase(in: folder)).path  // 4 slashes: absolute
        case .postgres:
            let database = try ClusterDatabase.create()
            let status = try ImportCommandTests.runScript(python: Self.venvPython, target: database)
            guard status == 0 else { throw ClusterDatabase.PSQLFailed(sql: "old_apscheduler_db.py exited \(status)") }
            return database.replacingOccurrences(of: "postgres://showrunner@", with: Self.passwordPrefix)
        }
    }

    static let password = "pw-0ld-s3cret"
    static let passwordPrefix = "postgresql://showrunner:\(password)@"
}
