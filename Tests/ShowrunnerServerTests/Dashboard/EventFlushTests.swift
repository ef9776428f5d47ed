import Testing

@testable import ShowrunnerServer

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
