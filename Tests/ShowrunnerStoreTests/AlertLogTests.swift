import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerStore

/// The alert log of each store: deliveries keep what a restarted daemon needs to resend them, and a pending one
/// left by a stopped process is taken over once, by one process.
struct AlertLogTests {
    static func log(_ kind: StoreKind) async throws -> any AlertLog {
        try #require(try await kind.open() as? any AlertLog, "every store keeps alert deliveries")
    }

    static func delivery(
        _ id: String, owner: String = "dead~1", status: AlertDelivery.Status = .pending, payload: String? = "{}",
        at second: Int64
    ) -> AlertDelivery {
        AlertDelivery(
            id: id, event: .runFailed, accountID: "cooking", runID: "r1", target: "http://127.0.0.1/***",
            format: .json, receiver: "ops", payload: payload, owner: owner, status: status, attempts: 1,
            lastError: "HTTP 503", createdAt: instant(second), updatedAt: instant(second))
    }

    @Test(arguments: StoreKind.all) func deliveriesKeepTheirBodyAndReceiverNameNewestFirst(
        _ kind: StoreKind
    ) async throws {
        let log = try await Self.log(kind)
        try await log.recordDelivery(Self.delivery("a", payload: "{\"event\":\"run_failed\"}", at: 10))
        try await log.recordDelivery(Self.delivery("b", status: .delivered, at: 20))
        var update = Self.delivery("a", status: .delivered, at: 10)
        update.attempts = 2
        update.lastError = nil
        update.updatedAt = instant(30)
        try await log.recordDelivery(update)

        let rows = try await log.deliveries(limit: 10)
        #expect(rows.map(\.id) == ["b", "a"])
        let first = try #require(rows.last)
        #expect(first.status == .delivered && first.attempts == 2 && first.lastError == nil)
        #expect(first.payload == "{\"event\":\"run_failed\"}", "the body is kept as first recorded")
        #expect(first.receiver == "ops" && first.owner == "dead~1" && first.updatedAt == instant(30))
        #expect(try await log.deliveries(limit: 1).map(\.id) == ["b"])
    }

    @Test(arguments: StoreKind.all) func aStalePendingDeliveryIsTakenOverOnceAndItsOldOwnerCannotWriteIt(
        _ kind: StoreKind
    ) async throws {
        let log = try await Self.log(kind)
        try await log.recordDelivery(Self.delivery("stale", at: 10))
        try await log.recordDelivery(Self.delivery("fresh", at: 50))
        try await log.recordDelivery(Self.delivery("mine", owner: "me~2", at: 10))
        try await log.recordDelivery(Self.delivery("done", status: .delivered, at: 10))
        try await log.recordDelivery(Self.delivery("failed", status: .failed, at: 10))
        try await log.recordDelivery(Self.delivery("no-body", payload: nil, at: 10))

        let claimed = try await log.claimPendingDeliveries(owner: "me~2", untouchedSince: instant(40), now: instant(60))
        #expect(claimed.map(\.id) == ["stale"], "only another owner's pending, resendable, untouched delivery")
        #expect(claimed.first?.owner == "me~2" && claimed.first?.updatedAt == instant(60))
        #expect(
            try await log.claimPendingDeliveries(owner: "me~2", untouchedSince: instant(100), now: instant(61))
                .map(\.id) == ["fresh"])
        #expect(
            try await log.claimPendingDeliveries(owner: "me~2", untouchedSince: instant(100), now: instant(62))
                .isEmpty, "taken over once")

        var late = Self.delivery("stale", status: .delivered, at: 10)  // the old owner, still sending
        late.updatedAt = instant(70)
        try await log.recordDelivery(late)
        let row = try #require(try await log.deliveries(limit: 10).first { $0.id == "stale" })
        #expect(row.status == .pending && row.owner == "me~2", "the old owner's write is refused")
    }

    @Test(arguments: StoreKind.all) func twoProcessesClaimingAtOnceNeverShareADelivery(_ kind: StoreKind) async throws {
        let log = try await Self.log(kind)
        for index in 0..<20 { try await log.recordDelivery(Self.delivery("d\(index)", at: Int64(index))) }
        async let first = log.claimPendingDeliveries(owner: "one~1", untouchedSince: instant(100), now: instant(100))
        async let second = log.claimPendingDeliveries(owner: "two~2", untouchedSince: instant(100), now: instant(100))
        let (a, b) = try await (first, second)
        #expect(Set(a.map(\.id)).isDisjoint(with: b.map(\.id)))
        #expect(a.count + b.count == 20)
    }
}
