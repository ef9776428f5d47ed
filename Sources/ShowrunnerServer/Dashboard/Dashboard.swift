import Foundation
import ShowrunnerCore
import ShowrunnerEngine

/// What the dashboard needs beyond the API: the live events, the state folder (artifacts), the secrets to mask
/// and the store's batched read of a channels page (nil: each row reads the history).
public struct Dashboard: Sendable {
    public var events: LiveEventHub
    public var stateDirectory: URL
    public var redactor: Redactor
    public var channelRuns: (any ChannelRunsReading)?
    let sessions = DashboardSessions()
    /// Started by `APIServer` once it listens.
    let warmUp = WarmUp()

    public init(
        events: LiveEventHub, stateDirectory: URL, redactor: Redactor, channelRuns: (any ChannelRunsReading)? = nil
    ) {
        self.events = events
        self.stateDirectory = stateDirectory
        self.redactor = redactor
        self.channelRuns = channelRuns
    }
}
