import Testing

@testable import ShowrunnerCore

struct DurationParsingTests {
    @Test(arguments: [
        ("90s", Duration.seconds(90)), ("5m", .seconds(300)), ("1h30m", .seconds(5400)), ("2d", .seconds(172_800)),
        ("250ms", .milliseconds(250)), ("45", .seconds(45)), ("0", .zero), ("1d2h3m4s5ms", .milliseconds(93_784_005)),
        ("5M", .seconds(300)), ("1H30m", .seconds(5400)), (" 90s\t", .seconds(90)),
    ])
    func parses(_ text: String, _ expected: Duration) throws {
        #expect(try Duration(parsing: text) == expected)
    }

    @Test(arguments: [
        "", "m5", "5x", "1.5h", "-5s", "30m1h", "5s5s", "5 m", "99999999999999999999s", "h", "5é", "5ｓ", "٥s",
        "999999999999d", "99999999999d999999999999h",
    ])
    func rejects(_ text: String) {
        #expect(throws: DurationSyntaxError.self) { try Duration(parsing: text) }
    }

    @Test(arguments: [
        (Duration.seconds(5400), "1h30m"), (.milliseconds(250), "250ms"), (.zero, "0s"), (.seconds(86_400), "1d"),
    ])
    func configText(_ duration: Duration, _ expected: String) {
        #expect(duration.configText == expected)
    }
}
