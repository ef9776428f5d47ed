import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// Mistakes that used to pass `validate` and fail at run time, or were reported badly.
struct ValidateMissesTests {
    static let pipeline = """
        name: p
        steps:
          - id: topic
            uses: topic.list
            with: { file: "{{ vars.topics_file }}" }
          - id: script
            uses: script.template
            with: { title: "{{ steps.topic.title }}", text: x }
          - id: thumbnail
            uses: thumbnail
            with: { background: "{{ vars.colour }}" }

        """

    static func diagnostics(_ account: String, pipeline: String = pipeline) -> [String] {
        var fixture = ConfigFixture()
        fixture.pipelines = ["p": pipeline]
        fixture.accounts = ["a": account]
        return fixture.diagnostics()
    }

    @Test func aMissingTopicsFileAndAColourThatIsNotAColourAreErrorsWithTheirPlace() {
        let found = Self.diagnostics(
            """
            channel: { type: c }
            schedule: { cron: "0 9 * * *" }
            pipeline: p
            vars:
              topics_file: topics/nope.txt
              colour: "#e76f5"
            steps:
              thumbnail:
                with: { text_color: "#12345" }

            """)
        #expect(
            found == [
                "accounts.d/a.yaml:5:16: error: vars.topics_file: step 'topic' (file): the file 'topics/nope.txt' does "
                    + "not exist (paths are relative to the config folder); create it or fix the path.",
                "accounts.d/a.yaml:6:11: error: vars.colour: step 'thumbnail' (background): '#e76f5' is neither a "
                    + "colour nor a file; use #rrggbb, 0xrrggbb or a colour name such as navy or white, optionally "
                    + "with @alpha.",
                "accounts.d/a.yaml:9:25: error: steps.thumbnail.with.text_color: step 'thumbnail' (text_color): "
                    + "'#12345' is not a colour; use #rrggbb, 0xrrggbb or a colour name such as navy or white, "
                    + "optionally with @alpha.",
            ], "\(found)")
    }

    @Test func aColourWrittenInThePipelineIsCheckedThere() {
        let found = Self.diagnostics(
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: p\nvars: { topics_file: t }\n",
            pipeline: Self.pipeline.replacingOccurrences(of: "\"{{ vars.colour }}\"", with: "blu"))
        #expect(
            found.contains(
                "pipelines/p.yaml:11:25: error: steps[2].with.background: step 'thumbnail': 'blu' is neither a colour "
                    + "nor a file; did you mean 'blue'? Otherwise use #rrggbb, 0xrrggbb or a colour name such as navy "
                    + "or white, optionally with @alpha."), "\(found)")
    }

    @Test func anUnknownPipelineIsReportedWithTheOtherErrors() {
        let found = Self.diagnostics(
            "channel: { type: c }\nschedule: { cron: \"0 9 * * * 2027\" }\npipeline: q\n"
                + "vars: { topics_file: t, colour: navy }\n")
        #expect(
            found == [
                "accounts.d/a.yaml:2:30: error: schedule.cron: '2027' looks like a year, but cron has no year field: "
                    + "the 6-field form is seconds first (second minute hour day-of-month month day-of-week); remove "
                    + "the year.",
                "accounts.d/a.yaml:3:11: error: pipeline: unknown pipeline 'q'; did you mean 'p'? (pipelines: p).",
            ], "\(found)")
    }

    @Test(arguments: ["CET", "EST", "EST5EDT", "MST7MDT", "Europe/Berlin", "Etc/GMT+5", "UTC", "GMT"])
    func everyZoneNameFoundationKnowsIsAccepted(zone: String) {
        let found = Self.diagnostics(
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\", timezone: \(zone) }\npipeline: p\n"
                + "vars: { topics_file: t }\n",
            pipeline: "name: p\nsteps:\n  - { id: a, uses: command, with: { run: [\"true\"] } }\n")
        #expect(found == [], "\(found)")
    }

    @Test(arguments: [
        (
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: *p\n",
            "accounts.d/a.yaml:3:11: error: YAML syntax error: found undefined alias; the value *p starts with '*', "
                + "which YAML reads as an alias; if it is text, put it in quotes: pipeline: \"*p\"."
        ),
        (
            "channel: { type: c, name: {oops }\nschedule: { cron: \"0 9 * * *\" }\npipeline: p\n",
            "accounts.d/a.yaml:2:1: error: YAML syntax error: did not find expected ',' or '}'"
        ),
        (
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: p\nvars: { topics_file: t }\n"
                + "steps:\n  script:\n    with: { title: {{ vars.x }} }\n",
            "accounts.d/a.yaml:7:21: error: steps.script.with.title: a key must be text, found a mapping; a value that "
                + "starts with '{' or '[' (such as {{ vars.name }}) must be put in quotes: \"{{ vars.name }}\"."
        ),
        (
            "channel: { type: c }\nschedule:\n\tcron: \"0 9 * * *\"\npipeline: p\n",
            "accounts.d/a.yaml:3:1: error: YAML syntax error: found character that cannot start any token (while "
                + "scanning for the next token); indent with spaces"
        ),
    ])
    func rawYAMLErrorsComeWithAdviceInPlainWords(text: String, expected: String) {
        let found = Self.diagnostics(text)
        #expect(found.contains { $0.hasPrefix(expected) }, "\(found)")
    }
}
