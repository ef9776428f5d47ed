/// A `host:port` the HTTP API listens on.
public enum ListenAddress {
    /// Splits `host:port` (`[::1]:8080` for IPv6); nil when malformed.
    public static func parse(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65_535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    public static func isLoopback(_ text: String) -> Bool {
        guard let host = parse(text)?.host else { return false }
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
