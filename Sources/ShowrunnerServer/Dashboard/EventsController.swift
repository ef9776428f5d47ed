import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle
import ShowrunnerEngine

/// `GET /api/events`: Server-Sent Events from the live event hub. `Last-Event-ID` (header, or the `last_event_id`
/// query a client may use) replays what was missed; a `reset` event says some of it is gone (or that the client
/// fell too far behind). A comment every `keepAlive` keeps proxies from closing an idle stream. The frames that
/// arrive while a write is in flight go out together in the next (`EventOutbox`).
struct EventsController {
    let hub: LiveEventHub
    var keepAlive: Duration = .seconds(15)
    /// Wakes every connection's writer at most once per 20 ms.
    let flush = EventFlush()

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/events", use: stream)
    }

    @Sendable func stream(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let header =
            request.headers[HTTPField.Name("Last-Event-ID")!]
            ?? request.uri.queryParameters["last_event_id"]
            .map(String.init)
        let lastID = header.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let keepAlive = keepAlive
        let (hub, flush) = (hub, flush)
        let body = ResponseBody { writer in
            // The hub appends each event's frame to this connection's outbox as it publishes: no task per client
            // between the event and the write.
            let outbox = EventOutbox()
            flush.add(outbox)
            let registration = hub.register(after: lastID) { event in
                outbox.append(event.frame)
                flush.pending()
            }
            defer {
                registration.cancel()
                flush.remove(outbox)
            }
            var opening = ": showrunner events\nretry: 2000\n\n"
            if registration.gap { opening += LiveEvent.frame(type: "reset", id: nil, data: "{}") }
            for event in registration.replay { opening += event.frame }
            try await writer.write(ByteBuffer(string: opening))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: keepAlive)
                        outbox.append(": keep-alive\n\n")
                        outbox.wake()
                    }
                }
                // A graceful shutdown ends the stream, so the server's shutdown does not wait for the client.
                try await withGracefulShutdownHandler {
                    for await _ in outbox.signals {
                        let text = outbox.take()
                        if !text.isEmpty { try await writer.write(ByteBuffer(string: text)) }
                    }
                } onGracefulShutdown: {
                    outbox.finish()
                }
                group.cancelAll()
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store", .connection: "keep-alive"],
            body: body)
    }
}
