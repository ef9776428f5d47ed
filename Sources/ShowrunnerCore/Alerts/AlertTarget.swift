/// One receiver of alerts (`notify:` in showrunner.yaml or an account): a webhook URL, its message format, the HMAC
/// secret of the generic JSON format, and the events it wants.
public struct AlertTarget: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// `{"event", "account", "run", "message", "link", "at"}`, signed with HMAC-SHA256 when `secret` is set.
        case json
        /// Slack incoming webhook: `{"text": …}`.
        case slack
        /// Discord webhook: `{"content": …}`.
        case discord
    }

    /// `name:` in the config; the receiver is found by `receiverName` when a pending alert is resent after a restart.
    public var name: String?
    /// The URL or a secret reference to it (`${env:SLACK_WEBHOOK}`); never logged in full.
    public var url: String
    public var format: Format
    /// A secret reference to the HMAC key (json format).
    public var secret: String?
    /// Empty: every event.
    public var events: Set<AlertEvent>

    public init(
        url: String, format: Format = .json, secret: String? = nil, events: Set<AlertEvent> = [], name: String? = nil
    ) {
        self.name = name
        self.url = url
        self.format = format
        self.secret = secret
        self.events = events
    }

    /// `name`, else one derived from the format and the URL as written (a secret reference, or the URL itself,
    /// hashed: the name never holds the URL): stable while the config says the same thing.
    public var receiverName: String {
        if let name, !name.isEmpty { return name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a 64
        for byte in url.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\(format.rawValue)-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    public func wants(_ event: AlertEvent) -> Bool { events.isEmpty || events.contains(event) }

    /// The URL as history and logs show it: scheme and host only (webhook URLs carry their token in the path).
    public static func masked(_ url: String) -> String {
        if url.hasPrefix("${") { return url }  // a reference names where the secret is, not the secret
        guard let schemeEnd = url.range(of: "://") else { return "***" }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostOnly = host.split(separator: "@").last.map(String.init) ?? String(host)
        return "\(url[..<schemeEnd.upperBound])\(hostOnly)/***"
    }
}
