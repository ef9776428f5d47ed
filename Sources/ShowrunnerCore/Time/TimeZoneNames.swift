import Foundation

/// Zone names as config accepts them: every name of the tz database that Foundation knows (`Europe/Berlin`,
/// `UTC`, `Etc/GMT+5`, and the legacy `CET`, `EST`, `EST5EDT`). Lookups are cached (10,000 accounts share a few
/// dozen zones).
public enum TimeZoneNames {
    /// Names as they come from config files, misspelt ones too: bounded.
    private static let zones = BoundedMemo<String, TimeZone?>(limit: 1_000)

    public static func zone(named name: String) -> TimeZone? {
        zones.value(for: name) { isZoneName($0) ? TimeZone(identifier: $0) : nil }
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
