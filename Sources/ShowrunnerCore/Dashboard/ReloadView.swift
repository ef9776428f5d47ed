import Foundation

/// The last reload as `/api/config/status` shows it.
public struct ReloadView: Sendable, Equatable, Encodable {
    public var trigger: String
    public var at: Date
    public var applied: Int
    public var unchanged: Int
    public var removed: Int
    public var errors: [DiagnosticView]
}
