import Foundation
import Logging
import ShowrunnerCore
import ShowrunnerSteps
import ShowrunnerStore
import Testing

@testable import ShowrunnerCLI

/// Deliveries a stopped process left pending: resent once to the receiver of their name, wherever its URL points
/// now, signed afresh; abandoned when the receiver is gone from the config.
@Suite struct AlertResumeTests {
    /// A pending delivery of a dead process, as its store row holds it (body rendered for `format`).
    static func leftPending(_ store: SQLiteStore, receiver: String, format: AlertTarget.Format = .json) async throws {
        let body = AlertDispatcherTests.alert().body(format)
        try await store.recordDelivery(
            AlertDelivery(
                id: "left-\(receiver)", event: .runFailed, accountID: "cooking", runID: "r1",
                target: "http://127.0.0.1/***", format: format, receiver: receiver,
                payload: String(decoding: body, as: UTF8.self), owner: "dead-host~1", attempts: 2,
                lastError: "connection refused", createdAt: Date(timeIntervalSince1970: 1_700_000_000),
                updatedAt: Date(timeIntervalSince1970: 1_700_000_010)))
    }

    @Test func aPendingDeliveryIsResentOnceSignedToTheReceiverOfItsName() async throws {
        let receiver = try FakeWebhookReceiver(secret: AlertDispatcherTests.secret)
        defer { receiver.stop() }
        let store = try SQLiteStore.inMemory()
        try await Self.leftPending(store, receiver: "ops")
        let dispatcher = AlertDispatcherTests.dispatcher(
            [AlertTarget(url: receiver.url(), format: .json, secret: "${env:HOOK_SECRET}", name: "ops")],
            store: store)
        let service = Task { try await dispatcher.run() }
        defer { service.cancel() }

        let rows = try await AlertDispatcherTests.finished(store)
        let row = try #require(rows.first)
        #expect(row.status == .delivered && row.attempts == 3, "the attempts before the restart still count")
        #expect(row.owner == dispatcher.owner)
        let requests = receiver.wait(count: 1)
        #expect(requests.count == 1)
        #expect(requests.first?["valid"] as? Bool == true, "signed afresh with the current key")
        #expect(
            (requests.first?["body"] as? [String: Any])?["message"] as? String == AlertDispatcherTests.alert().message)
        await dispatcher.resumePending()
        #expect(receiver.requests.count == 1, "a delivered alert is not taken over again")
    }

    @Test(arguments: ["gone", "format"]) func aDeliveryWhoseReceiverIsGoneOrChangedIsAbandoned(
        _ change: String
    )
        async throws
    {
        let receiver = try FakeWebhookReceiver()
        defer { receiver.stop() }
        let store = try SQLiteStore.inMemory()
        try await Self.leftPending(store, receiver: "ops")
        let target =
            change == "gone"
            ? AlertTarget(url: receiver.url(), format: .json, name: "someone-else")
            : AlertTarget(url: receiver.url(), format: .slack, name: "ops")
        let dispatcher = AlertDispatcherTests.dispatcher([target], store: store)
        await dispatcher.resumePending()

        let row = try #require(try await store.deliveries(limit: 1).first)
        #expect(row.status == .abandoned)
        let reason = try #require(row.lastError)
        #expect(reason.contains(change == "gone" ? "no receiver named 'ops'" : "now takes slack"), "\(reason)")
        #expect(receiver.requests.isEmpty)
    }

    @Test(arguments: [
        (AlertTarget(url: "${env:HOOK}", format: .json), AlertTarget(url: "${env:HOOK}", format: .json), true),
        (AlertTarget(url: "${env:HOOK}", format: .json), AlertTarget(url: "${env:HOOK}", format: .slack), false),
        (AlertTarget(url: "${env:HOOK}", name: "a"), AlertTarget(url: "http://x/y", name: "a"), true),
        (AlertTarget(url: "http://x/t0k3n"), AlertTarget(url: "http://x/other"), false),
    ])
    func receiverNamesAreStableAndNeverHoldTheURL(_ one: AlertTarget, _ other: AlertTarget, _ same: Bool) {
        #expect((one.receiverName == other.receiverName) == same)
        #expect(!one.receiverName.contains("t0k3n") && !one.receiverName.contains("HOOK"))
    }
}
