import Foundation

/// Runs the built `showrunner` binary and captures what it prints.
struct CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The package root, derived from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary next to the test bundle (`.build/<triple>/debug/showrunner`).
    static let binary: URL = {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundleFolder.appendingPathComponent("showrunner")
    }()

    /// `input`, when given, is the child's standard input.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], input: String? = nil
    ) throws
        -> Result
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("showrunner-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fresh config folder: `accounts.d/<id>.yaml` for each of `accounts`, and `showrunner.yaml` when given.
    static func configFolder(accounts: [String: String], settings: String? = nil) throws -> URL {
        let folder = try temporaryFolder()
        let accountsFolder = folder.appendingPathComponent("accounts.d")
        try FileManager.default.createDirectory(at: accountsFolder, withIntermediateDirectories: true)
        for (id, text) in accounts {
            try text.write(to: accountsFolder.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
        }
        if let settings {
            try settings.write(to: folder.appendingPathComponent("showrunner.yaml"), atomically: true, encoding: .utf8)
        }
        return folder
    }
}
