import Foundation
import Testing

@testable import ShowrunnerConfig

/// Against real git repositories made in temporary folders.
@Suite(.serialized) struct GitRevisionTests {
    static func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t"] + arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func repository() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("config/accounts.d"), withIntermediateDirectories: true)
        try "channel: { type: x }\n".write(
            to: folder.appendingPathComponent("config/accounts.d/a.yaml"), atomically: true, encoding: .utf8)
        _ = try git(["init", "-q", "-b", "main"], in: folder)
        _ = try git(["add", "."], in: folder)
        _ = try git(["commit", "-q", "-m", "one"], in: folder)
        return folder
    }

    @Test func readsTheCommitAndTheDirtyFlag() throws {
        let repo = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let config = repo.appendingPathComponent("config")
        let head = try Self.git(["rev-parse", "HEAD"], in: repo)
        #expect(GitRevision.read(config) == String(head.prefix(12)))

        try "channel: { type: changed }\n".write(
            to: config.appendingPathComponent("accounts.d/a.yaml"), atomically: true, encoding: .utf8)
        #expect(GitRevision.read(config) == String(head.prefix(12)) + "-dirty")

        _ = try Self.git(["commit", "-qam", "two"], in: repo)
        let second = try Self.git(["rev-parse", "HEAD"], in: repo)
        #expect(GitRevision.read(config) == String(second.prefix(12)))

        try "channel: { type: new }\n".write(
            to: config.appendingPathComponent("accounts.d/b.yaml"), atomically: true, encoding: .utf8)
        #expect(GitRevision.read(config)?.hasSuffix("-dirty") == true)  // an untracked config file
    }

    @Test func packedRefsAndDetachedHeads() throws {
        let repo = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        _ = try Self.git(["pack-refs", "--all"], in: repo)
        let head = try Self.git(["rev-parse", "HEAD"], in: repo)
        #expect(GitRevision.read(repo) == String(head.prefix(12)))
        _ = try Self.git(["checkout", "-q", "--detach"], in: repo)
        #expect(GitRevision.read(repo) == String(head.prefix(12)))
    }

    @Test func notARepository() {
        #expect(GitRevision.read(URL(fileURLWithPath: "/")) == nil)
    }

    @Test func indexVersionFour() throws {
        let repo = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        _ = try Self.git(["update-index", "--index-version", "4"], in: repo)
        let index = try #require(GitIndex.read(repo.appendingPathComponent(".git/index")))
        #expect(index.entries.map(\.path) == ["config/accounts.d/a.yaml"])
        #expect(GitRevision.read(repo.appendingPathComponent("config"))?.hasSuffix("-dirty") == false)
    }
}
