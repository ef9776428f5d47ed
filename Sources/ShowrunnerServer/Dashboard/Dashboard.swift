import Foundation
import ShowrunnerCore
import ShowrunnerEngine

/// What the dashboard needs beyond the API: the live events, the state folder (artifacts) and the secrets to mask.
public struct Dashboard: Sendable {
    public var events: LiveEventHub
    public var stateDirectory: URL
    public var redactor: Redactor
    let sessions = DashboardSessions()

    public init(events: LiveEventHub, stateDirectory: URL, redactor: Redactor) {
        self.events = events
        self.stateDirectory = stateDirectory
        self.redactor = redactor
    }
}
