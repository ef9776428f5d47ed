import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerSteps
import ShowrunnerStore
import Testing

@testable import ShowrunnerCLI

/// Alerts against fake receivers on 127.0.0.1: each format, signatures, 5xx/slow/refused with retries, filters.
@Suite struct AlertDispatcherTests {
    static let secret = "hmac-key-for-tests"

    static func dispatcher(
        _ targets: [AlertTarget], store: SQLiteStore, backoff: [Duration] = [.milliseconds(50), .milliseconds(50)],
        timeout: Duration = .seconds(5)
    ) -> AlertDispatcher {
        let http = HTTPClient(timeout: timeout)
        return AlertDispatcher(
            global: targets, targets: { _ in [] }, log: store, send: { try await http.send($0) },
            resolve: { $0 == "${env:HOOK_SECRET}" ? secret : $0 },
            policy: .init(backoff: backoff, timeout: timeout), logger: Logger(label: "test"))
    }

    static func alert(_ event: AlertEvent = .runFailed) -> Alert {
        Alert(
            event: event, accountID: "cooking", runID: "r1", message: "run failed: step voice exited 1",
            link: event == .videoPublished ? "https://youtu.be/abc" : nil,
            at: Date(timeIntervalSince1970: 1_800_000_000))
    }

    /// Waits (bounded) for the store to show a finished delivery.
    static func finished(_ store: SQLiteStore, count: Int = 1) async throws -> [AlertDelivery] {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let rows = try await store.deliveries(limit: 50)
            if rows.count(where: { $0.status != .pending }) >= count { return rows }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await store.deliveries(limit: 50)
    }

    @Test func eachFormatReachesItsReceiverAndJSONIsSigned() async throws {
        let json = try FakeWebhookReceiver(secret: Self.secret)
        let slack = try FakeWebhookReceiver()
        let discord = try FakeWebhookReceiver()
        defer { [json, slack, discord].forEach { $0.stop() } }
        let store = try SQLiteStore.inMemory()
        let dispatcher = Self.dispatcher(
            [
                AlertTarget(url: json.url(), format: .json, secret: "${env:HOOK_SECRET}"),
                AlertTarget(url: slack.url(), format: .slack), AlertTarget(url: discord.url(), format: .discord),
            ], store: store)
        for target in dispatcher.global { await dispatcher.deliver(Self.alert(.videoPublished), to: target) }

        let signed = try #require(json.requests.first)
        #expect(signed["valid"] as? Bool == true, "the HMAC over t.body checks out with the shared key")
        let body = try #require(signed["body"] as? [String: Any])
        #expect(body["event"] as? String == "video_published")
        #expect(body["link"] as? String == "https://youtu.be/abc")
        #expect(body["account"] as? String == "cooking")
        #expect(
            ((slack.requests.first?["body"] as? [String: Any])?["text"] as? String)?.contains("youtu.be/abc") == true)
        #expect(
            ((discord.requests.first?["body"] as? [String: Any])?["content"] as? String)?.contains("cooking") == true)
        let rows = try await store.deliveries(limit: 10)
        #expect(rows.count == 3 && rows.allSatisfy { $0.status == .delivered && $0.attempts == 1 })
        #expect(rows.allSatisfy { !$0.target.contains("s3cr3t-token") }, "the URL's token is masked")
    }

    @Test func a5xxIsRetriedWithBackoffUntilDelivered() async throws {
        let receiver = try FakeWebhookReceiver(mode: "fail:2")
        defer { receiver.stop() }
        let store = try SQLiteStore.inMemory()
        let dispatcher = Self.dispatcher([AlertTarget(url: receiver.url(), format: .slack)], store: store)
        await dispatcher.deliver(Self.alert(), to: dispatcher.global[0])
        #expect(receiver.requests.count == 3)
        let row = try #require(try await store.deliveries(limit: 1).first)
        #expect(row.status == .delivered)
        #expect(row.attempts == 3)
    }

    @Test(arguments: ["slow", "refused", "5xx"])
    func aReceiverThatNeverTakesItEndsFailedWithItsReason(_ fault: String) async throws {
        let receiver = try FakeWebhookReceiver(mode: fault == "slow" ? "slow:3" : "fail:100")
        defer { receiver.stop() }
        let url =
            fault == "refused"
            ? "http://127.0.0.1:\(FakeWebhookReceiver.refusedPort())/hook/s3cr3t-token" : receiver.url()
        let store = try SQLiteStore.inMemory()
        let dispatcher = Self.dispatcher(
            [AlertTarget(url: url, format: .json)], store: store, backoff: [.milliseconds(20)], timeout: .seconds(1))
        await dispatcher.deliver(Self.alert(), to: dispatcher.global[0])
        let row = try #require(try await store.deliveries(limit: 1).first)
        #expect(row.status == .failed)
        #expect(row.attempts == 2)
        let reason = try #require(row.lastError)
        #expect(!reason.contains("s3cr3t-token"), "\(reason)")
        if fault == "5xx" { #expect(reason == "HTTP 503") }
    }

    @Test func postNeverWaitsForASlowReceiverAndFiltersApply() async throws {
        let slow = try FakeWebhookReceiver(mode: "slow:2")
        let published = try FakeWebhookReceiver()
        defer { [slow, published].forEach { $0.stop() } }
        let store = try SQLiteStore.inMemory()
        let dispatcher = Self.dispatcher(
            [
                AlertTarget(url: slow.url(), format: .slack),
                AlertTarget(url: published.url(), format: .slack, events: [.videoPublished]),
            ], store: store)
        let service = Task { try await dispatcher.run() }
        defer { service.cancel() }
        let before = ContinuousClock.now
        dispatcher.post(Self.alert(.runFailed))
        dispatcher.post(Self.alert(.videoPublished))
        // The slow receiver answers after 2 s: a post that waited for it would take that long (1 s leaves room for load).
        #expect(ContinuousClock.now - before < .seconds(1), "post only queues")
        let rows = try await Self.finished(store, count: 3)
        #expect(rows.count == 3, "slow gets both events, the filtered receiver only video_published")
        #expect(published.requests.count == 1)
        #expect((published.requests.first?["body"] as? [String: Any])?["text"] as? String ?? "" != "")
    }

    @Test(arguments: [
        ("https://hooks.slack.com/services/T0/B0/XyZ", "https://hooks.slack.com/***"),
        ("https://user:pw@example.org/hook?token=1", "https://example.org/***"),
        ("${env:SLACK_WEBHOOK}", "${env:SLACK_WEBHOOK}"),
        ("not a url", "***"),
    ])
    func urlsAreMasked(_ url: String, _ masked: String) {
        #expect(AlertTarget.masked(url) == masked)
    }
}
