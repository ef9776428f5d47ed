import Foundation
import ShowrunnerCore
import Synchronization

@testable import ShowrunnerSteps

/// `StepContext`s for the LLM steps: `providers.llm` pointing at a fake server, a key reference that resolves to
/// `LLMFixture.key`, a fixed title history, and a log of progress lines.
struct LLMFixture {
    static let key = "sk-test-7f3a9c0e"
    static let keyReference = "${env:LLM_TEST_KEY}"
    static let resolveSecret: SecretReference.Resolver = {
        reference throws(StepFailure) in
        guard reference == SecretReference(source: .env, name: "LLM_TEST_KEY") else {
            throw StepFailure(.permanent, "secret \(reference) is not set; export \(reference.name) for showrunner.")
        }
        return key
    }

    let files: StepFixture
    let progress = ProgressLog()

    init() throws { files = try StepFixture() }

    func context(
        _ inputs: [String: ConfigValue] = [:], baseURL: String, apiKey: String? = LLMFixture.keyReference,
        model: String = "test-model", history: (any RecentTitles)? = nil,
        channel: Channel = Channel(type: "cooking", language: "en"), dryRun: Bool = false,
        redact: @escaping @Sendable (String) -> String = { $0 }
    ) -> StepContext {
        var settings = DaemonSettings()
        settings.providers.llm = ProviderSettings.Endpoint(baseURL: baseURL, apiKey: apiKey, model: model)
        let account = Account(id: "cooking", channel: channel, schedule: nil, pipeline: .named("ai-shorts"))
        let run = RunRecord(
            id: "run-1", accountID: account.id, pipeline: "ai-shorts", trigger: .manual,
            createdAt: StepFixture.scheduledAt)
        let progress = self.progress
        return StepContext(
            inputs: inputs, account: account, run: run, stepID: "step", attempt: 1,
            artifactsDirectory: files.artifactsDirectory, configDirectory: files.configDirectory, settings: settings,
            dryRun: dryRun, now: { StepFixture.scheduledAt },
            stores: StepStores(
                topics: files.topics, recentTitles: history ?? NoRecentTitles(), uploads: InMemoryUploadStore(),
                quota: InMemoryQuotaLedger()),
            redact: redact, progress: { progress.append($0) })
    }
}

extension LLMFixture {
    /// Progress lines a step reported.
    final class ProgressLog: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    /// A fixed title history that records the limits it was asked for.
    final class FixedRecentTitles: RecentTitles {
        let titles: [String]
        private let limits = Mutex<[Int]>([])

        init(_ titles: [String]) { self.titles = titles }

        func recentTitles(accountID: String, limit: Int) async throws -> [String] {
            limits.withLock { $0.append(limit) }
            return Array(titles.prefix(limit))
        }

        var askedLimits: [Int] { limits.withLock { $0 } }
    }

    /// A title history whose store is down.
    struct BrokenRecentTitles: RecentTitles {
        struct Down: Error {}
        func recentTitles(accountID: String, limit: Int) async throws -> [String] { throw Down() }
    }
}

/// Runs `body` with a fake chat server that is stopped afterwards.
func withChatServer<T>(
    _ replies: [FakeHTTPServer.Reply], _ body: (FakeChatServer) async throws -> T
) async throws -> T {
    let server = try FakeChatServer(replies)
    defer { server.stop() }
    return try await body(server)
}
