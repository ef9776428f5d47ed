import Hummingbird

/// The queries of the dashboard's routes, checked like `/api/runs`'s: a bad value is a `400` naming the parameter.
enum DashboardQuery {
    static let statsDays = [7, 30, 90]
    static let hours = 1...168

    /// `account` (empty: every account) and `days` (7, 30 or 90; default 7).
    static func stats(_ query: Parameters) throws -> (accountID: String?, days: Int) {
        try RunPageQuery.rejectUnknownOrRepeated(query, allowed: ["account", "days"])
        var days = 7
        if let text = RunPageQuery.value("days", in: query) {
            guard let value = Int(text), statsDays.contains(value) else {
                throw HTTPError(.badRequest, message: "Query parameter 'days' must be 7, 30 or 90; got '\(text)'.")
            }
            days = value
        }
        return (RunPageQuery.value("account", in: query), days)
    }

    /// `hours` (1–168; default 24).
    static func upcoming(_ query: Parameters) throws -> Int {
        try RunPageQuery.rejectUnknownOrRepeated(query, allowed: ["hours"])
        guard let text = RunPageQuery.value("hours", in: query) else { return 24 }
        guard let value = Int(text), hours.contains(value) else {
            throw HTTPError(
                .badRequest,
                message: "Query parameter 'hours' must be an integer from \(hours.lowerBound) to \(hours.upperBound); "
                    + "got '\(text)'.")
        }
        return value
    }

    static func none(_ query: Parameters) throws {
        try RunPageQuery.rejectUnknownOrRepeated(query, allowed: [])
    }
}
