import Foundation

/// Records nothing: the alert log of a store that keeps no alert deliveries (tests, tools).
public struct NoAlertLog: AlertLog {
    public init() {}

    public func recordDelivery(_ delivery: AlertDelivery) async throws {}

    public func deliveries(limit: Int) async throws -> [AlertDelivery] { [] }

    public func claimPendingDeliveries(
        owner: String, untouchedSince before: Date, now: Date
    ) async throws
        -> [AlertDelivery]
    { [] }
}
