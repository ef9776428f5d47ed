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

/// The shared flush: the first event after a quiet spell wakes the writers at once, and an event inside the interval
/// is not left waiting for another one: the flush it schedules wakes them.
struct EventFlushTests {
    /// The next wake-up of `outbox`'s writer, or nil when none comes within a bound meant for a stuck test.
    static func nextWake(_ outbox: EventOutbox) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                var signals = outbox.signals.makeAsyncIterator()
                return await signals.next() != nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(30))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    @Test func aFrameInsideTheIntervalIsWrittenAtTheScheduledFlush() async {
        let flush = EventFlush(interval: .milliseconds(50))
        let outbox = EventOutbox()
        flush.add(outbox)
        outbox.append("1\n\n")
        flush.pending()
        #expect(await Self.nextWake(outbox))
        #expect(outbox.take() == "1\n\n")
        outbox.append("2\n\n")
        outbox.append("3\n\n")
        flush.pending()
        flush.pending()
        #expect(await Self.nextWake(outbox))
        #expect(outbox.take() == "2\n\n3\n\n")
        flush.remove(outbox)
    }
}
