import Testing

@testable import ShowrunnerServer

/// One event-stream connection's outbox: frames that arrive during a write go out together, and a client that
/// falls too far behind gets a `reset` instead of an ever-growing backlog.
struct EventOutboxTests {
    @Test func framesWaitingForTheWriterGoOutInOneWrite() async {
        let outbox = EventOutbox()
        outbox.append("a\n\n")
        outbox.append("b\n\n")
        outbox.wake()
        var signals = outbox.signals.makeAsyncIterator()
        #expect(await signals.next() != nil)
        #expect(outbox.take() == "a\n\nb\n\n")
        #expect(outbox.take() == "")
    }

    @Test func aClientTooFarBehindGetsAReset() {
        let outbox = EventOutbox(limit: 10)
        outbox.append("12345\n\n")
        outbox.append("67890\n\n")
        #expect(outbox.take() == "event: reset\ndata: {}\n\n")
        outbox.append("x\n\n")
        #expect(outbox.take() == "x\n\n")
    }
}
