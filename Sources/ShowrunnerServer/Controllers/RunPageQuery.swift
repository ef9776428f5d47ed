import Hummingbird
import ShowrunnerCore

/// The query of `GET /api/runs` (`account`, `status`, `limit`, `before`), checked: a bad value is a `400` that names
/// the parameter and what it accepts. An empty value means "not given".
enum RunPageQuery {
    static let parameters = ["account", "status", "limit", "before"]
    static let defaultLimit = 50
    static let limits = 1...500

    static func parse(_ query: Parameters) throws -> RunQuery {
        try rejectUnknownOrRepeated(query, allowed: parameters)
        var result = RunQuery(limit: defaultLimit)
        result.accountID = value("account", in: query)
        result.before = value("before", in: query)
        if let text = value("status", in: query) {
            guard let status = RunStatus(rawValue: text) else {
                let allowed = RunStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw badRequest("Query parameter 'status' must be one of \(allowed); got '\(text)'.")
            }
            result.status = status
        }
        if let text = value("limit", in: query) {
            guard let limit = Int(text), limits.contains(limit) else {
                throw badRequest(
                    "Query parameter 'limit' must be an integer from \(limits.lowerBound) to \(limits.upperBound); "
                        + "got '\(text)'.")
            }
            result.limit = limit
        }
        return result
    }

    /// A `400` for a parameter not in `allowed`, or given twice.
    static func rejectUnknownOrRepeated(_ query: Parameters, allowed: [String]) throws {
        var seen: Set<Substring> = []
        for (name, _) in query {
            guard allowed.contains(String(name)) else {
                throw badRequest("Unknown query parameter '\(name)'; allowed: \(allowed.joined(separator: ", ")).")
            }
            guard seen.insert(name).inserted else {
                throw badRequest("Query parameter '\(name)' is given more than once; give it once.")
            }
        }
    }

    static func value(_ name: String, in query: Parameters) -> String? {
        guard let value = query[Substring(name)], !value.isEmpty else { return nil }
        return String(value)
    }

    private static func badRequest(_ message: String) -> HTTPError {
        HTTPError(.badRequest, message: message)
    }
}
