import Foundation

/// One thing the dashboard shows live (`GET /api/events`): a numbered event with a type and flat string fields.
public struct LiveEvent: Sendable, Equatable {
    /// Increases by one per event within a daemon's life; the SSE `id`, so `Last-Event-ID` resumes after it.
    public let id: Int
    public let type: Kind
    public let fields: [String: String]
    /// `fields` as one line of JSON with sorted keys (the SSE `data`), encoded once when the event is made: every
    /// connected page is sent the same text.
    public let json: String
    /// The whole SSE frame (`id`, `event`, `data`, blank line), built once for every connection.
    public let frame: String

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
        self.init(id: id, type: type, fields: fields, json: FlatJSON.encode(fields))
    }

    /// With `json` already encoded from `fields` (the hub encodes outside its lock).
    init(id: Int, type: Kind, fields: [String: String], json: String) {
        self.id = id
        self.type = type
        self.fields = fields
        self.json = json
        frame = Self.frame(type: type.rawValue, id: id, data: json)
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
