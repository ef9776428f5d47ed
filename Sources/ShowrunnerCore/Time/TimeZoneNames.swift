import Foundation
import Synchronization

/// Zone names as config accepts them: every name of the tz database that Foundation knows (`Europe/Berlin`,
/// `UTC`, `Etc/GMT+5`, and the legacy `CET`, `EST`, `EST5EDT`). Lookups are cached (10,000 accounts share a few
/// dozen zones).
public enum TimeZoneNames {
    private static let cache = Mutex<[String: TimeZone?]>([:])

    public static func zone(named name: String) -> TimeZone? {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        let zone = isZoneName(name) ? TimeZone(identifier: name) : nil
        cache.withLock { $0[name] = zone }
        return zone
    }

    /// Not a path, not absurdly long, and not an offset such as `GMT+5`, which Foundation reads as UTC+5 while
    /// the tz database's `Etc/GMT+5` is UTC−5.
    private static func isZoneName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), name.utf8.count <= 64 else { return false }
        let offset = ["GMT+", "GMT-", "UTC+", "UTC-"].contains { name.hasPrefix($0) }
        return !offset
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
