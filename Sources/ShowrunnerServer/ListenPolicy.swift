import ShowrunnerCore

/// Where the API may listen: beyond loopback only with a token (SPEC §8).
public enum ListenPolicy {
    public enum ListenError: Error, Equatable, CustomStringConvertible {
        case malformedAddress(String)
        case tokenRequired(address: String)

        public var description: String {
            switch self {
            case .malformedAddress(let address):
                "Listen address '\(address)' is not host:port; use for example 127.0.0.1:8080 or [::1]:8080."
            case .tokenRequired(let address):
                "Refusing to listen on \(address) without an API token; set api_token in showrunner.yaml "
                    + "(for example api_token: ${env:SHOWRUNNER_API_TOKEN}) or listen on a loopback address such as "
                    + "127.0.0.1:8080."
            }
        }
    }

    /// The host and port to bind. A non-loopback address needs a non-empty `token`.
    @discardableResult
    public static func check(address: String, token: String?) throws(ListenError) -> (host: String, port: Int) {
        guard let parsed = ListenAddress.parse(address) else { throw .malformedAddress(address) }
        let hasToken = !(token ?? "").isEmpty
        guard hasToken || ListenAddress.isLoopback(address) else { throw .tokenRequired(address: address) }
        return parsed
    }
}
