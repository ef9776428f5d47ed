/// Records nothing: the alert log of a store that keeps no alert deliveries (PostgreSQL, for now).
public struct NoAlertLog: AlertLog {
    public init() {}

    public func recordDelivery(_ delivery: AlertDelivery) async throws {}

    public func deliveries(limit: Int) async throws -> [AlertDelivery] { [] }
}
