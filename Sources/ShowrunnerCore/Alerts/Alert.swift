import Foundation

/// One thing worth telling someone about, before it is formatted for a receiver.
public struct Alert: Sendable, Hashable {
    public var event: AlertEvent
    public var accountID: String?
    public var runID: String?
    /// One sentence, with no secret in it.
    public var message: String
    /// The published video, for `video_published`.
    public var link: String?
    public var at: Date

    public init(
        event: AlertEvent, accountID: String? = nil, runID: String? = nil, message: String, link: String? = nil,
        at: Date
    ) {
        self.event = event
        self.accountID = accountID
        self.runID = runID
        self.message = message
        self.link = link
        self.at = at
    }

    /// The body a receiver of `format` gets.
    public func body(_ format: AlertTarget.Format) -> Data {
        let object: [String: Any]
        switch format {
        case .json:
            var fields: [String: Any] = [
                "event": event.rawValue, "message": message, "at": RFC3339.format(at, in: TimeZone(identifier: "UTC")!),
            ]
            fields["account"] = accountID
            fields["run"] = runID
            fields["link"] = link
            object = fields
        case .slack: object = ["text": text]
        case .discord: object = ["content": text]
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
    }

    /// The chat line: `[showrunner] run_failed · cooking-daily: … <link>`.
    public var text: String {
        var line = "[showrunner] \(event.rawValue)"
        if let accountID { line += " · \(accountID)" }
        line += ": \(message)"
        if let runID { line += " (run \(runID))" }
        if let link { line += " \(link)" }
        return line
    }
}
