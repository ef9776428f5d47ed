import Foundation

/// A database of its own on the test PostgreSQL server (`SHOWRUNNER_TEST_POSTGRES`), read with `psql`.
enum ClusterDatabase {
    static let url = ProcessInfo.processInfo.environment["SHOWRUNNER_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// Creates an empty database and returns its URL.
    static func create() throws -> String {
        guard let server = url else { throw PSQLFailed(sql: "no SHOWRUNNER_TEST_POSTGRES") }
        let name = "y_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        _ = try value(server, "CREATE DATABASE \(name)")
        return server.replacingOccurrences(of: "/postgres?", with: "/\(name)?")
    }

    /// The first column of the first row of `sql` as text ("" for none).
    static func value(_ database: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PSQLFailed(sql: sql) }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }

    /// `sql`'s value once `condition` holds, or the last one after `timeout`.
    static func poll(
        _ database: String, _ sql: String, timeout: TimeInterval, until condition: (String) -> Bool
    )
        throws -> String
    {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try value(database, sql)
        while !condition(last), Date() < deadline {
            usleep(100_000)
            last = try value(database, sql)
        }
        return last
    }

    struct PSQLFailed: Error { let sql: String }
}
