import Foundation
import ShowrunnerCore

@testable import ShowrunnerConfig

/// Builds snapshots from YAML text and validates them, with a controllable environment for secrets.
struct ConfigFixture {
    var accounts: [String: String] = [:]
    var pipelines: [String: String] = ["shorts": ConfigFixture.shorts]
    var settings: String?
    var environment: Set<String> = []
    /// Files that exist in the config folder: the topics files the fixtures name, unless a test says otherwise.
    var files: Set<String> = ["topics/cooking.txt", "t"]
    var strict = false

    static let shorts = """
        name: shorts
        defaults:
          retry: { attempts: 5, delay: 3s }
          timeout: 10m
        steps:
          - id: topic
            uses: topic.list
            with: { file: "{{ vars.topics_file }}" }
          - id: script
            uses: script.template
            with: { title: "{{ steps.topic.title }}", text: "{{ steps.topic.title }}. More." }
          - id: voice
            uses: tts
          - id: subtitles
            uses: subtitles
          - id: thumbnail
            uses: thumbnail
            needs: [script]
            optional: true
          - id: video
            uses: video
            needs: [voice, subtitles]
            with: { format: short }
          - id: upload
            uses: upload.local
            needs: [video, thumbnail]
            retry: { delay: 10s }
            with: { dir: out }

        """

    static let account = """
        name: Cooking
        channel:
          type: cooking
        schedule:
          cron: "0 9 * * MON-FRI"
          timezone: Asia/Seoul
        pipeline: shorts
        vars:
          topics_file: topics/cooking.txt

        """

    func snapshot() -> ConfigSnapshot {
        ConfigSnapshot(
            accounts: accounts.sorted { $0.key < $1.key }.map {
                ConfigDecoder.account(text: $0.value, path: "accounts.d/\($0.key).yaml")
            },
            pipelines: pipelines.sorted { $0.key < $1.key }.map {
                ConfigDecoder.pipeline(text: $0.value, path: "pipelines/\($0.key).yaml")
            },
            settings: settings.map { ConfigDecoder.settings(text: $0, path: "showrunner.yaml") })
    }

    func validate() -> ValidationReport {
        let environment = environment
        let files = files
        let checker = SecretChecker(
            environmentHas: { environment.contains($0) }, fileExists: { files.contains($0) }, strict: strict)
        return ConfigValidator(secrets: checker).validate(snapshot())
    }

    /// Rendered diagnostics, `file:line:col: severity: key: message`.
    func diagnostics() -> [String] { validate().diagnostics.map(\.rendered) }

    static func with(account: String) -> ConfigFixture {
        var fixture = ConfigFixture()
        fixture.accounts = ["cooking": account]
        return fixture
    }
}
