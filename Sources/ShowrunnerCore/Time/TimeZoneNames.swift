import Foundation
import Synchronization

/// IANA zone names as config accepts them: `Europe/Berlin`, `Asia/Kolkata`, `UTC`, `Etc/GMT+5`; abbreviations
/// such as `EST` are rejected. Lookups are cached (10,000 accounts share a few dozen zones).
public enum TimeZoneNames {
    private static let cache = Mutex<[String: TimeZone?]>([:])

    public static func zone(named name: String) -> TimeZone? {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        let ianaLike = name == "UTC" || name == "GMT" || (name.contains("/") && !name.hasPrefix("/"))
        let zone = ianaLike ? TimeZone(identifier: name) : nil
        cache.withLock { $0[name] = zone }
        return zone
    }

    /// The closest known zone name, for "did you mean".
    public static func suggestion(for name: String) -> String? {
        Suggestion.closest(to: name, in: TimeZone.knownTimeZoneIdentifiers)
    }
}

extension TimeZone {
    /// The zone's name as config writes it (Foundation on Linux calls UTC "GMT").
    public var configName: String { identifier == "GMT" ? "UTC" : identifier }
}
