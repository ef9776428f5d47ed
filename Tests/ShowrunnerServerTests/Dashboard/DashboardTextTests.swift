import Foundation
import Testing

@testable import ShowrunnerServer

/// The byte-level helpers the pages use instead of Foundation's string functions give the same answers.
struct DashboardTextTests {
    static let entries = ChannelSearch.entries([
        (id: "cooking-fr", name: "Cuisine Facile"), (id: "tech-01", name: "Tech Daily"), (id: "Über-1", name: nil),
        (id: "tech-01", name: "duplicate file"),
    ])

    /// (search, ids found): by id or name, case-insensitive, each id once, all for an empty search.
    @Test(arguments: [
        ("", ["cooking-fr", "tech-01", "Über-1"]), ("TECH", ["tech-01"]), ("facile", ["cooking-fr"]),
        ("über", ["Über-1"]), ("-", ["cooking-fr", "tech-01", "Über-1"]), ("daily tech", []),
        ("duplicate", []),
    ])
    func searchMatches(_ search: String, _ ids: [String]) {
        #expect(ChannelSearch.matching(Self.entries, search).map(\.id) == ids)
    }

    /// (value, percent-encoded): unreserved bytes kept, every other byte encoded, UTF-8 too.
    @Test(arguments: [
        ("run-20261206_01.x~", "run-20261206_01.x~"), ("a b&c=d", "a%20b%26c%3Dd"), ("é", "%C3%A9"),
        ("/../x?", "%2F..%2Fx%3F"), ("", ""),
    ])
    func queryEncoding(_ value: String, _ encoded: String) {
        #expect(URLQuery.encode(value) == encoded)
    }

    /// (instant, zone, wall time): the channel's wall time, then the zone's abbreviation (Foundation's, which
    /// differs between platforms), UTC when the zone is unknown.
    @Test(arguments: [
        ("2026-12-06T13:05:30Z", "Europe/Paris", "2026-12-06 14:05"),
        ("2026-07-01T23:59:00Z", "Europe/Paris", "2026-07-02 01:59"),
        ("2026-03-08T10:00:00Z", "America/New_York", "2026-03-08 06:00"),
        ("2026-12-06T13:05:30Z", "No/Such_Zone", "2026-12-06 13:05"),
    ])
    func absoluteTimes(_ instant: String, _ zone: String, _ wall: String) throws {
        let date = try #require(ISO8601DateFormatter().date(from: instant))
        let known = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        let abbreviation = known.abbreviation(for: date) ?? known.identifier
        #expect(TimeText.absolute(date, zone: zone) == "\(wall) \(abbreviation)")
    }

    @Test func escapingLeavesPlainTextAloneAndEscapesMarkup() {
        #expect(HTML.escape("plain-id_01 é") == "plain-id_01 é")
        #expect(
            HTML.escape("<script>alert('x')</script> & \"")
                == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;")
    }
}
