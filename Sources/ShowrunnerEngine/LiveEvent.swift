import Foundation

/// One thing the dashboard shows live (`GET /api/events`): a numbered event with a type and flat string fields.
public struct LiveEvent: Sendable, Equatable {
    /// Increases by one per event within a daemon's life; the SSE `id`, so `Last-Event-ID` resumes after it.
    public let id: Int
    public let type: Kind
    public let fields: [String: String]
    /// The SSE frame, encoded by whoever needs it first — a connection, not the publisher — and then shared.
    private let encoded = LiveEventFrame()

    /// `fields` as one line of JSON with sorted keys (the SSE `data`).
    public var json: String { FlatJSON.encode(fields) }

    /// The whole SSE frame (`id`, `event`, `data`, blank line), built once for every connection. Not when the
    /// event is published: 1,000 runs queued at one instant would wait for their frames before they start.
    public var frame: String {
        encoded.value { Self.frame(type: type.rawValue, id: id, data: json) }
    }

    public enum Kind: String, Sendable, CaseIterable {
        case runQueued = "run.queued"
        case runStarted = "run.started"
        case stepStarted = "step.started"
        case stepFinished = "step.finished"
        case runFinished = "run.finished"
        case reload
        case diagnosticsChanged = "diagnostics.changed"
        /// An account's durable state changed after a run (auto-paused, auth flag).
        case accountChanged = "account.changed"
    }

    public init(id: Int, type: Kind, fields: [String: String]) {
        self.id = id
        self.type = type
        self.fields = fields
    }

    public static func == (left: LiveEvent, right: LiveEvent) -> Bool {
        left.id == right.id && left.type == right.type && left.fields == right.fields
    }

    /// One SSE frame; `data` is one line (JSON).
    public static func frame(type: String, id: Int?, data: String) -> String {
        var text = ""
        text.reserveCapacity(data.utf8.count + type.utf8.count + 32)
        if let id { text += "id: \(id)\n" }
        text += "event: "
        text += type
        text += "\ndata: "
        text += data
        text += "\n\n"
        return text
    }
}
