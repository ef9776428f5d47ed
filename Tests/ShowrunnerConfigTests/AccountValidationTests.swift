import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

struct AccountValidationTests {
    /// The pipeline's var names are worked out once per pipeline: an account's override of a step must still be
    /// read for the names it adds and the ones it replaces.
    @Test func varsAreCheckedOnTheStepsAnAccountOverrides() {
        let noTopicsFile = ConfigFixture.account.replacingOccurrences(
            of: "  topics_file: topics/cooking.txt\n", with: "  dir: out\n")
        let replaced = ConfigFixture.with(
            account: noTopicsFile + "steps:\n  topic:\n    with: { file: topics/fixed.txt }\n"
        ).validate()
        #expect(!replaced.diagnostics.contains { $0.message.contains("vars.") })  // only: topics/fixed.txt is missing
        let added = ConfigFixture.with(
            account: ConfigFixture.account + "steps:\n  upload:\n    with: { dir: \"{{ vars.out_dir }}\" }\n"
        ).validate()
        #expect(
            added.diagnostics.map(\.message) == [
                "step 'upload' of pipeline 'shorts' uses {{ vars.out_dir }}, but this account defines no vars.out_dir."
            ])
        let missing = ConfigFixture.with(account: noTopicsFile).validate()
        #expect(missing.diagnostics.map(\.message).first?.contains("uses {{ vars.topics_file }}") == true)
    }

    @Test func aValidAccountHasNoDiagnosticsAndAMergedPlan() throws {
        let fixture = ConfigFixture.with(
            account: ConfigFixture.account + """
                steps:
                  upload:
                    with: { dir: out/cooking }
                    retry: { attempts: 8 }

                """)
        let report = fixture.validate()
        #expect(report.diagnostics.isEmpty)
        let account = try #require(report.accounts.first)
        #expect(account.isValid)
        #expect(account.id == "cooking")
        #expect(account.account?.schedule?.timeZone.identifier == "Asia/Seoul")
        let upload = try #require(account.mergedPipeline?.step("upload"))
        #expect(upload.with["dir"] == .string("out/cooking"))
        #expect(upload.retry.attempts == 8)
        #expect(upload.retry.delay == .seconds(10))
        #expect(upload.retry.factor == 2)
        #expect(upload.timeout == .seconds(600))
        #expect(upload.sideEffects)
        #expect(account.mergedPipeline?.step("script")?.needs == ["topic"])
        #expect(account.mergedPipeline?.step("topic")?.needs == [])
        #expect(account.mergedPipeline?.step("topic")?.retry.attempts == 5)
    }

    @Test(arguments: [
        (
            "name: X\nchannel: { type: cooking }\nschedule:\n  cron: \"0 9 * * *\"\n  timzone: UTC\npipeline: shorts\n"
                + "vars: { topics_file: t }\n",
            "accounts.d/cooking.yaml:5:3: error: schedule.timzone: unknown key 'timzone'; did you mean 'timezone'?"
        ),
        (
            "enabled: maybe\nchannel: { type: cooking }\nschedule: { cron: \"0 9 * * *\" }\npipeline: shorts\n"
                + "vars: { topics_file: t }\n",
            "accounts.d/cooking.yaml:1:10: error: enabled: expected true or false, found 'maybe'."
        ),
        (
            "channel: { language: en }\nschedule: { cron: \"0 9 * * *\" }\npipeline: shorts\n",
            "accounts.d/cooking.yaml:1:1: error: channel.type: missing required key 'type'"
        ),
        (
            "channel: { type: c }\nschedule:\n  cron: \"0 0 32 * *\"\npipeline: shorts\nvars: { topics_file: t }\n",
            "accounts.d/cooking.yaml:3:14: error: schedule.cron: day-of-month value 32 is out of range 1–31."
        ),
        (
            "channel: { type: c }\nschedule:\n  cron: 0 9 * * *\n  timezone: Asia/Seol\npipeline: shorts\n",
            "accounts.d/cooking.yaml:4:13: error: schedule.timezone: unknown time zone 'Asia/Seol'; did you mean 'Asia/Seoul'?"
        ),
        (
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: shorts\nname: \"unterminated\n",
            "accounts.d/cooking.yaml:4:7: error: YAML syntax error: found unexpected end of stream at line 5, column 1 (while scanning a quoted scalar that starts here); a quote opened here is never closed."
        ),
        (
            "channel: { type: c }\nchannel: { type: d }\n",
            "accounts.d/cooking.yaml:1:1: error: duplicate key 'channel' in one mapping; each key may appear once."
        ),
        ("", "accounts.d/cooking.yaml:1:1: error: the file is empty."),
        (
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: shortz\n",
            "accounts.d/cooking.yaml:3:11: error: pipeline: unknown pipeline 'shortz'; did you mean 'shorts'? (pipelines: shorts)."
        ),
        (
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: shorts\n",
            "accounts.d/cooking.yaml:3:11: error: pipeline: step 'topic' of pipeline 'shorts' uses {{ vars.topics_file }}, but this account defines no vars.topics_file."
        ),
        (
            "id: Cooking!\nchannel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: shorts\nvars: { topics_file: t }\n",
            "accounts.d/cooking.yaml:1:5: error: id: account id 'Cooking!' is invalid"
        ),
        (
            "channel: { type: c }\npipeline: shorts\nvars: { topics_file: t }\n",
            "error: schedule: an enabled account needs a schedule"
        ),
        (
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\", overlap: skipp }\npipeline: shorts\nvars: { topics_file: t }\n",
            "accounts.d/cooking.yaml:2:41: error: schedule.overlap: 'skipp' is not one of skip, queue, allow; did you mean 'skip'?"
        ),
        (
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\", jitter: 10 minutes }\npipeline: shorts\nvars: { topics_file: t }\n",
            "error: schedule.jitter: '10 minutes' is not a duration"
        ),
        (
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\", jitter: 99999999d }\npipeline: shorts\nvars: { topics_file: t }\n",
            "accounts.d/cooking.yaml:2:40: error: schedule.jitter: 99999999d is longer than 7d: jitter is a stable offset"
        ),
        (
            ConfigFixture.account + "steps:\n  uplod:\n    with: { dir: x }\n",
            "accounts.d/cooking.yaml:11:3: error: steps.uplod: pipeline 'shorts' has no step 'uplod'; did you mean 'upload'?"
        ),
        (
            ConfigFixture.account + "steps:\n  upload:\n    with: { dri: x }\n",
            "accounts.d/cooking.yaml:12:18: error: steps.upload.with.dri: a upload.local step has no input 'dri'; did you mean 'dir'?"
        ),
        (
            ConfigFixture.account + "steps:\n  upload:\n    uses: command\n",
            "accounts.d/cooking.yaml:12:5: error: steps.upload.uses: unknown key 'uses'"
        ),
        (
            ConfigFixture.account + "steps:\n  upload:\n    retry: { attempts: 0, on: [permanent] }\n",
            "accounts.d/cooking.yaml:12:24: error: steps.upload.retry.attempts: expected a whole number from 1 to 100, found '0'."
        ),
        (
            ConfigFixture.account + "steps:\n  upload:\n    retry: { on: [permanent] }\n",
            "error: steps.upload.retry.on[0]: 'permanent' failures are never retried"
        ),
    ])
    func reports(_ yaml: String, _ expected: String) {
        let diagnostics = ConfigFixture.with(account: yaml).diagnostics()
        #expect(diagnostics.contains { $0.contains(expected) }, "\(diagnostics)")
    }

    static let jitters: [(text: String, seconds: Int64)] = [("7d", 604_800), ("167h59m", 604_740), ("0", 0)]

    @Test(arguments: jitters)
    func jitterUpToAWeekIsKept(_ text: String, _ seconds: Int64) throws {
        let yaml = ConfigFixture.account.replacingOccurrences(
            of: "schedule:\n", with: "schedule:\n  jitter: \(text)\n")
        let report = ConfigFixture.with(account: yaml).validate()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(try #require(report.accounts.first?.account?.schedule).jitter == .seconds(seconds))
    }

    @Test func collectsEveryProblemInAFile() {
        let yaml = """
            nmae: X
            channel: { type: c, langauge: en }
            schedule: { cron: "0 9 * * FRI-MON", timezone: Mars/Base }
            pipeline: shorts

            """
        let diagnostics = ConfigFixture.with(account: yaml).diagnostics()
        #expect(diagnostics.count == 4, "\(diagnostics)")
        #expect(diagnostics.contains { $0.contains("unknown key 'nmae'; did you mean 'name'?") })
        #expect(diagnostics.contains { $0.contains("unknown key 'langauge'; did you mean 'language'?") })
        #expect(diagnostics.contains { $0.contains("write 'FRI-SAT,SUN-MON'") })
        #expect(diagnostics.contains { $0.contains("unknown time zone 'Mars/Base'") })
    }

    @Test func duplicateIDsNameBothFiles() {
        var fixture = ConfigFixture()
        fixture.accounts = [
            "a": "id: cooking\n" + ConfigFixture.account, "b": "id: cooking\n" + ConfigFixture.account,
        ]
        let diagnostics = fixture.diagnostics()
        #expect(
            diagnostics.contains(
                "accounts.d/a.yaml:1:5: error: id: account id 'cooking' is also declared by accounts.d/b.yaml; account ids must be unique."
            ))
        #expect(
            diagnostics.contains(
                "accounts.d/b.yaml:1:5: error: id: account id 'cooking' is also declared by accounts.d/a.yaml; account ids must be unique."
            ))
        #expect(fixture.validate().accounts.allSatisfy { !$0.isValid })
    }

    @Test func publishAtNeedsPrivatePrivacy() {
        var fixture = ConfigFixture.with(
            account: """
                channel:
                  type: c
                  youtube: { credentials: "${file:secrets/c.json}", privacy: public }
                schedule: { cron: "0 9 * * *" }
                pipeline:
                  steps:
                    - { id: video, uses: command, with: { run: [make-video] } }
                    - id: upload
                      uses: upload.youtube
                      with: { video: "{{ steps.video.path }}", title: T, publish_at: "2027-01-01T00:00:00Z" }

                """)
        fixture.files.insert("secrets/c.json")
        let diagnostics = fixture.diagnostics()
        #expect(
            diagnostics.contains {
                $0.contains("sets publish_at with privacy 'public'; YouTube schedules only private")
            })
    }

    @Test func secretsAreCheckedAndLiteralsWarned() {
        var fixture = ConfigFixture.with(
            account: ConfigFixture.account
                + """
                voice: { provider: openai, api_key: sk-live-123 }
                channel_extra: 1

                """.replacingOccurrences(of: "channel_extra: 1\n", with: ""))
        var diagnostics = fixture.diagnostics()
        #expect(
            diagnostics.contains {
                $0.contains("warning: voice.api_key: 'api_key' looks like a secret written literally")
            })

        fixture.accounts["cooking"] =
            ConfigFixture.account + "voice: { provider: openai, api_key: \"${env:OPENAI_KEY}\" }\n"
        diagnostics = fixture.diagnostics()
        #expect(
            diagnostics.contains { $0.contains("warning: voice.api_key: environment variable OPENAI_KEY is not set") })
        #expect(fixture.validate().errorCount == 0)

        fixture.strict = true
        #expect(
            fixture.diagnostics().contains {
                $0.contains("error: voice.api_key: environment variable OPENAI_KEY is not set")
            })

        fixture.environment = ["OPENAI_KEY"]
        #expect(fixture.diagnostics().isEmpty)
    }

    @Test func inlinePipelinesAreChecked() {
        let fixture = ConfigFixture.with(
            account: """
                channel: { type: c }
                schedule: { cron: "0 9 * * *" }
                pipeline:
                  steps:
                    - { id: a, uses: command, with: { run: [echo] }, needs: [b] }
                    - { id: b, uses: command, with: { run: [echo] }, needs: [a] }

                """)
        #expect(
            fixture.diagnostics().contains { $0.contains("pipeline.steps[0].needs: steps form a cycle: a → b → a") })
    }

    @Test func disabledAccountsNeedNoSchedule() {
        let fixture = ConfigFixture.with(
            account: "enabled: false\nchannel: { type: c }\npipeline: shorts\nvars: { topics_file: t }\n")
        let report = fixture.validate()
        #expect(report.diagnostics.isEmpty)
        #expect(report.accounts.first?.account?.enabled == false)
    }

    @Test func valuesKeepTheirYAMLTypes() throws {
        let document = ConfigDecoder.account(
            text: ConfigFixture.account
                + "steps:\n  video:\n    with: { format: '5', background: 5, n: 1.5, b: true, z: null, o: 0755, y: no }\n",
            path: "accounts.d/x.yaml")
        let with = try #require(document.value?.stepOverrides["video"]?.with)
        #expect(with["format"] == .string("5"))
        #expect(with["background"] == .int(5))
        #expect(with["n"] == .double(1.5))
        #expect(with["b"] == .bool(true))
        #expect(with["z"] == .null)
        #expect(with["o"] == .string("0755"))  // YAML 1.2: not an octal number
        #expect(with["y"] == .string("no"))  // YAML 1.2: not a boolean
    }

    @Test(arguments: [
        ("Asia/Kolkata", true), ("Etc/GMT+5", true), ("UTC", true), ("EST", true), ("PDT", false), ("GMT+5", false),
        ("Mars/Base", false),
    ])
    func timeZones(_ name: String, _ valid: Bool) {
        let yaml =
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\", timezone: \(name) }\npipeline: shorts\n"
            + "vars: { topics_file: t }\n"
        #expect(ConfigFixture.with(account: yaml).diagnostics().isEmpty == valid)
    }
}
