import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

struct PipelineValidationTests {
    static func diagnostics(_ steps: String) -> [String] {
        var fixture = ConfigFixture()
        fixture.pipelines = ["p": "name: p\nsteps:\n" + steps]
        return fixture.diagnostics()
    }

    @Test(arguments: [
        (
            "  - { id: a, uses: topic.lst, with: { items: [x] } }\n",
            "pipelines/p.yaml:3:20: error: steps[0].uses: unknown step kind 'topic.lst'; did you mean 'topic.list'?"
        ),
        (
            "  - { id: a, uses: topic.list, with: { items: [x] } }\n  - { id: b, uses: script.template, needs: [aa] }\n",
            "pipelines/p.yaml:4:45: error: steps[1].needs[0]: unknown step 'aa'; did you mean 'a'?"
        ),
        (
            "  - { id: a, uses: topic.list, with: { items: [x] } }\n  - { id: a, uses: script.template }\n",
            "pipelines/p.yaml:4:11: error: steps[1].id: step id 'a' is already used by steps[0]."
        ),
        (
            "  - { id: Bad-Id, uses: topic.list, with: { items: [x] } }\n",
            "pipelines/p.yaml:3:11: error: steps[0].id: step id 'Bad-Id' is invalid"
        ),
        (
            "  - { id: a, uses: command, with: { run: [x] }, needs: [c] }\n  - { id: b, uses: command, with: { run: [x] } }\n"
                + "  - { id: c, uses: command, with: { run: [x] } }\n",
            "error: steps[0].needs: steps form a cycle: a → c → b → a; remove one of these needs."
        ),
        (
            "  - { id: a, uses: topic.list, with: { items: [x] } }\n  - { id: b, uses: script.template, needs: [], with: { title: \"{{ steps.a.title }}\" } }\n",
            "error: steps[1].with.title: '{{ steps.a.title }}' uses step 'a', which step 'b' does not depend on; add 'a' to its needs."
        ),
        (
            "  - { id: a, uses: topic.list, with: { items: [x] } }\n  - { id: b, uses: script.template, with: { title: \"{{ steps.a.titel }}\" } }\n",
            "error: steps[1].with.title: '{{ steps.a.titel }}': a topic.list step has no output 'titel'; did you mean 'title'? It has title, script, scenes."
        ),
        (
            "  - { id: a, uses: topic.list, with: { items: [x] } }\n  - { id: b, uses: script.template, with: { title: \"{{ step.a.title }}\" } }\n",
            "'{{ step.a.title }}' starts with unknown 'step'; did you mean 'steps'"
        ),
        (
            "  - { id: a, uses: topic.list, with: { items: [x] } }\n  - { id: b, uses: script.template, with: { title: \"{{ run.dat }}\" } }\n",
            "'{{ run.dat }}' is not known; run has run.id, run.scheduled_at, run.date, run.trigger."
        ),
        (
            "  - { id: a, uses: topic.list, with: { items: [x] } }\n  - { id: b, uses: script.template, with: { title: \"{{ steps.a.title\" } }\n",
            "error: steps[1].with.title: '{{' is not closed"
        ),
        (
            "  - { id: a, uses: topic.list, with: { itemz: [x] } }\n",
            "pipelines/p.yaml:3:40: error: steps[0].with.itemz: a topic.list step has no input 'itemz'; did you mean 'items'?"
        ),
        (
            "  - { id: a, uses: topic.list }\n",
            "pipelines/p.yaml:3:5: error: steps[0]: step 'a' (topic.list) needs with.items or with.file."
        ),
        (
            "  - { id: a, uses: command, with: { run: [x] } }\n  - { id: v, uses: video }\n",
            "error: steps[1]: step 'v' (video) needs input 'audio'; set with.audio or have a step it needs produce 'audio'."
        ),
        (
            "  - { id: a, uses: command, with: { run: [x], env: { api_key: sk-123 } } }\n",
            "warning: steps[0].with.env.api_key: 'api_key' looks like a secret written literally"
        ),
        ("  []\n", "error: steps: expected a non-empty list of steps"),
        (
            "  - { id: a, uses: command, with: { run: [x] }, retry: { backoff: linear } }\n",
            "error: steps[0].retry.backoff: 'linear' is not one of exponential, fixed."
        ),
        (
            "  - { id: a, uses: command, with: { run: [x] }, timeout: soon }\n",
            "error: steps[0].timeout: 'soon' is not a duration"
        ),
    ])
    func reports(_ steps: String, _ expected: String) {
        let diagnostics = Self.diagnostics(steps)
        #expect(diagnostics.contains { $0.contains(expected) }, "\(diagnostics)")
    }

    @Test func wiredInputsCountAsGiven() {
        #expect(Self.diagnostics("  - { id: a, uses: command, with: { run: [x] } }\n").isEmpty)
        let diagnostics = ConfigFixture().diagnostics()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func pipelineNamesMustBeUnique() {
        var fixture = ConfigFixture()
        fixture.pipelines["copy"] = ConfigFixture.shorts
        #expect(
            fixture.diagnostics().contains {
                $0.contains(
                    "pipelines/copy.yaml:1:7: error: name: pipeline name 'shorts' is also declared by pipelines/shorts.yaml"
                )
            })
    }

    @Test func anAccountOnABrokenPipelineIsInvalid() {
        var fixture = ConfigFixture.with(account: ConfigFixture.account)
        fixture.pipelines["shorts"] = "name: shorts\nsteps:\n  - { id: a, usess: command }\n"
        let report = fixture.validate()
        #expect(
            report.diagnostics.map(\.rendered).contains {
                $0.contains("pipeline: pipeline 'shorts' (pipelines/shorts.yaml) has errors; fix them first.")
            })
        #expect(report.accounts.first?.isValid == false)
    }
}

struct SettingsValidationTests {
    static func diagnostics(_ yaml: String) -> [String] {
        var fixture = ConfigFixture()
        fixture.settings = yaml
        return fixture.diagnostics()
    }

    @Test func defaultsApply() throws {
        let document = ConfigDecoder.settings(text: "state_dir: /var/lib/showrunner\n", path: "showrunner.yaml")
        let settings = try #require(document.value)
        #expect(settings.stateDir == "/var/lib/showrunner")
        #expect(settings.listen == "127.0.0.1:8080")
        #expect(settings.maxConcurrentRuns == 4)
        #expect(settings.debounce == .milliseconds(50))
        #expect(settings.providers.youtube.quota.dailyUnits == 10_000)
    }

    @Test(arguments: [
        ("listen: 0.0.0.0:8080\n", "error: listen: listen '0.0.0.0:8080' is not a loopback address; set api_token"),
        ("listen: nowhere\n", "error: listen: 'nowhere' is not host:port"),
        ("watch: fanotify\n", "error: watch: 'fanotify' is not one of inotify, poll, off; did you mean 'inotify'?"),
        ("api_token: hunter2\n", "warning: api_token: 'api_token' looks like a secret written literally"),
        ("providers:\n  llm: { base_url: http://localhost:11434/v1, modle: llama3 }\n", "did you mean 'model'?"),
        ("max_concurrent_runs: 0\n", "expected a whole number from 1 to 1000, found '0'."),
    ])
    func reports(_ yaml: String, _ expected: String) {
        let diagnostics = Self.diagnostics(yaml)
        #expect(diagnostics.contains { $0.contains(expected) }, "\(diagnostics)")
    }

    @Test func aTokenAllowsANonLoopbackAddress() {
        var fixture = ConfigFixture()
        fixture.settings = "listen: 0.0.0.0:8080\napi_token: ${env:SHOWRUNNER_API_TOKEN}\n"
        fixture.environment = ["SHOWRUNNER_API_TOKEN"]
        #expect(fixture.diagnostics().isEmpty)
    }
}
