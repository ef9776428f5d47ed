import Foundation

/// One thing the dashboard shows live (`GET /api/events`): a numbered event with a type and flat string fields.
public struct LiveEvent: Sendable, Equatable {
    /// Increases by one per event within a daemon's life; the SSE `id`, so `Last-Event-ID` resumes after it.
    public let id: Int
    public let type: Kind
    public let fields: [String: String]
    /// `fields` as one line of JSON with sorted keys (the SSE `data`), encoded when a page is sent the event: a
    /// burst of 1,000 runs with no page open encodes nothing on the runs' path.
    public var json: String { Self.encode(fields) }

    public enum Kind: String, Sendable, CaseIterable {
        case runQueued = "run.queued"
        case runStarted = "run.started"
        case stepStarted = "step.started"
        case stepFinished = "step.finished"
        case runFinished = "run.finished"
        case reload
        case diagnosticsChanged = "diagnostics.changed"
    }

    public init(id: Int, type: Kind, fields: [String: String]) {
        self.id = id
        self.type = type
        self.fields = fields
    }

    static func encode(_ fields: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
