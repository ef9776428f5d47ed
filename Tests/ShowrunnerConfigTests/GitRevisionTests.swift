import Foundation
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerConfig

/// Against real git repositories made in temporary folders.
@Suite(.serialized) struct GitRevisionTests {
    static func repository() async throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("config/accounts.d"), withIntermediateDirectories: true)
        try "channel: { type: x }\n".write(
            to: folder.appendingPathComponent("config/accounts.d/a.yaml"), atomically: true, encoding: .utf8)
        try await Git.run(["init", "-q", "-b", "main"], in: folder)
        try await Git.run(["add", "."], in: folder)
        try await Git.run(["commit", "-q", "-m", "one"], in: folder)
        return folder
    }

    @Test func readsTheCommitAndTheDirtyFlag() async throws {
        let repo = try await Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let config = repo.appendingPathComponent("config")
        let head = try await Git.run(["rev-parse", "HEAD"], in: repo)
        #expect(GitRevision.read(config) == String(head.prefix(12)))

        try "channel: { type: changed }\n".write(
            to: config.appendingPathComponent("accounts.d/a.yaml"), atomically: true, encoding: .utf8)
        #expect(GitRevision.read(config) == String(head.prefix(12)) + "-dirty")

        try await Git.run(["commit", "-qam", "two"], in: repo)
        let second = try await Git.run(["rev-parse", "HEAD"], in: repo)
        #expect(GitRevision.read(config) == String(second.prefix(12)))

        try "channel: { type: new }\n".write(
            to: config.appendingPathComponent("accounts.d/b.yaml"), atomically: true, encoding: .utf8)
        #expect(GitRevision.read(config)?.hasSuffix("-dirty") == true)  // an untracked config file
    }

    @Test func packedRefsAndDetachedHeads() async throws {
        let repo = try await Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        try await Git.run(["pack-refs", "--all"], in: repo)
        let head = try await Git.run(["rev-parse", "HEAD"], in: repo)
        #expect(GitRevision.read(repo) == String(head.prefix(12)))
        try await Git.run(["checkout", "-q", "--detach"], in: repo)
        #expect(GitRevision.read(repo) == String(head.prefix(12)))
    }

    @Test func notARepository() {
        #expect(GitRevision.read(URL(fileURLWithPath: "/")) == nil)
    }

    @Test func indexVersionFour() async throws {
        let repo = try await Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        try await Git.run(["update-index", "--index-version", "4"], in: repo)
        let index = try #require(GitIndex.read(repo.appendingPathComponent(".git/index")))
        #expect(index.entries.map(\.path) == ["config/accounts.d/a.yaml"])
        #expect(GitRevision.read(repo.appendingPathComponent("config"))?.hasSuffix("-dirty") == false)
    }
}
