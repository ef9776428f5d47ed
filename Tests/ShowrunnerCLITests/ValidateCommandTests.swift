import Foundation
import Testing

@Suite(.serialized) struct ValidateCommandTests {
    @Test func theShippedExampleConfigIsValid() throws {
        let result = try CommandRunner.run(["validate", "--next", "2"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for id in ["cooking-daily", "history-weekly", "space-facts", "ai-tech-news", "quick-demo"] {
            #expect(result.stdout.contains("\n\(id)  (accounts.d/\(id).yaml"))
        }
        #expect(result.stdout.contains("schedule  at 09:00 on Monday through Friday (Asia/Seoul)  [0 9 * * MON-FRI]"))
        #expect(
            result.stdout.contains("pipeline  shorts: topic → script → voice → subtitles → video → thumbnail → upload")
        )
        #expect(result.stdout.contains("ai-tech-news  (accounts.d/ai-tech-news.yaml, disabled)"))
        #expect(result.stdout.contains("5 accounts: 0 errors"))
    }

    @Test func jsonIsStableAndComplete() throws {
        let result = try CommandRunner.run(["validate", "--format", "json", "--next", "1"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["valid"] as? Bool == true)
        #expect(json["errors"] as? Int == 0)
        let accounts = try #require(json["accounts"] as? [[String: Any]])
        #expect(accounts.count == 5)
        let cooking = try #require(accounts.first { $0["id"] as? String == "cooking-daily" })
        #expect(cooking["timezone"] as? String == "Asia/Seoul")
        #expect(
            cooking["stages"] as? [[String]] == [
                ["topic"], ["script"], ["voice"], ["subtitles"], ["video"], ["thumbnail"], ["upload"],
            ])
        #expect((cooking["next"] as? [[String: Any]])?.count == 1)
    }

    /// The summary lists the pipeline's graph as the accounts on it share it; an account's override of a step's
    /// `optional` still shows.
    @Test func jsonStepsShowAnAccountsOptionalOverride() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["accounts.d", "pipelines"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let pipeline = """
            name: p
            steps:
              - { id: a, uses: command, with: { run: ["true"] } }
              - { id: b, uses: command, needs: [a], with: { run: ["true"] } }

            """
        let account =
            "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\npipeline: p\n"
            + "steps:\n  b: { optional: true }\n"
        try pipeline.write(to: folder.appendingPathComponent("pipelines/p.yaml"), atomically: true, encoding: .utf8)
        try account.write(to: folder.appendingPathComponent("accounts.d/c.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run([
            "validate", "--config", folder.path, "--format", "json", "--next", "1", "--no-preflight",
        ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require((json["accounts"] as? [[String: Any]])?.first)
        #expect(summary["stages"] as? [[String]] == [["a"], ["b"]])
        let steps = try #require(summary["steps"] as? [[String: Any]])
        #expect(steps.map { $0["optional"] as? Bool } == [false, true])
        #expect(summary["schedule"] as? String == "at 09:00 every day (UTC)")
    }

    @Test func errorsExitOneAndGitHubFormatAnnotates() throws {
        let folder = try Self.brokenConfig()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try CommandRunner.run(["validate", "--config", folder.path])
        #expect(text.status == 1)
        #expect(
            text.stdout.contains(
                "\(folder.path)/accounts.d/bad.yaml:3:14: error: schedule.cron: day-of-month value 32 is out of range 1–31."
            ))
        #expect(text.stdout.contains("bad  (\(folder.path)/accounts.d/bad.yaml, INVALID)"))

        let github = try CommandRunner.run(["validate", "--config", folder.path, "--format", "github"])
        #expect(github.status == 1)
        #expect(
            github.stdout.contains(
                "::error file=\(folder.path)/accounts.d/bad.yaml,line=3,col=14::schedule.cron: day-of-month value 32 is out of range 1–31."
            ))
        #expect(
            github.stdout.contains(
                "::error file=\(folder.path)/accounts.d/bad.yaml,line=5,col=1::pipelin: unknown key 'pipelin'; did you mean 'pipeline'?"
            ))
    }

    @Test func preflightReportsAnUnknownVoiceUnlessSkipped() throws {
        let folder = try Self.brokenConfig()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("pipelines"), withIntermediateDirectories: true)
        try "name: p\nsteps:\n  - { id: voice, uses: tts, with: { text: hello } }\n".write(
            to: folder.appendingPathComponent("pipelines/p.yaml"), atomically: true, encoding: .utf8)
        let yaml = "channel: { type: c }\nschedule: { cron: \"0 9 * * *\" }\nvoice: { voice: xx-yy }\npipeline: p\n"
        try yaml.write(to: folder.appendingPathComponent("accounts.d/bad.yaml"), atomically: true, encoding: .utf8)
        let checked = try CommandRunner.run(["validate", "--config", folder.path])
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("accounts.d/bad.yaml:3:17: error: voice.voice: espeak-ng has no voice 'xx-yy'"))
        let skipped = try CommandRunner.run(["validate", "--config", folder.path, "--no-preflight"])
        #expect(skipped.status == 0, "\(skipped.stdout)")
    }

    @Test func youTubeCredentialsShapeAndQuotaProjection() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for sub in ["accounts.d", "secrets"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try #"{"installed": {"client_id": "x"}}"#.write(
            to: folder.appendingPathComponent("secrets/yt.json"), atomically: true, encoding: .utf8)
        try "providers:\n  youtube:\n    quota: { daily_units: 2000, insert_cost: 1600 }\n".write(
            to: folder.appendingPathComponent("showrunner.yaml"), atomically: true, encoding: .utf8)
        let account = """
            channel: { type: c, youtube: { credentials: "${file:secrets/yt.json}" } }
            schedule: { cron: "0 9,21 * * *", timezone: America/Los_Angeles }
            pipeline:
              steps:
                - { id: make, uses: command, with: { run: [echo, '{"video": "v.mp4"}'] } }
                - { id: upload, uses: upload.youtube, with: { video: "{{ steps.make.video }}", title: Hi } }

            """
        try account.write(to: folder.appendingPathComponent("accounts.d/yt.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", "--config", folder.path, "--no-preflight"])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains("error: channel.youtube.credentials: secrets/yt.json: this is an OAuth client file"))
        #expect(
            result.stdout.contains(
                "showrunner.yaml: warning: providers.youtube.quota: project 'default' would spend up to 3200 of its 2000"
            ))
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try CommandRunner.run(["validate", "--format", "xml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("xml"))
    }

    @Test func aMissingFolderIsAnError() throws {
        let result = try CommandRunner.run(["validate", "--config", "/nonexistent/showrunner"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("the folder accounts.d/ does not exist"))
    }

    static func brokenConfig() throws -> URL {
        let folder = try CommandRunner.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("accounts.d"), withIntermediateDirectories: true)
        let yaml = "channel: { type: c }\nschedule:\n  cron: \"0 0 32 * *\"\npipeline: p\npipelin: p\n"
        try yaml.write(to: folder.appendingPathComponent("accounts.d/bad.yaml"), atomically: true, encoding: .utf8)
        return folder
    }
}

@Suite(.serialized) struct NextAndInitCommandTests {
    @Test func nextPrintsRFC3339WithTheZoneOffset() throws {
        let result = try CommandRunner.run([
            "next", "--cron", "30 2 * * *", "--tz", "America/New_York", "--from", "2026-03-07T00:00:00-05:00",
            "--count", "3",
        ])
        #expect(result.status == 0)
        #expect(result.stdout == "2026-03-07T02:30:00-05:00\n2026-03-08T03:00:00-04:00\n2026-03-09T02:30:00-04:00\n")
    }

    @Test func nextIsStrictlyAfterFrom() throws {
        let result = try CommandRunner.run([
            "next", "--cron", "0 9 * * *", "--from", "2026-01-01T09:00:00Z", "--count", "1",
        ])
        #expect(result.stdout == "2026-01-02T09:00:00+00:00\n")
    }

    @Test(arguments: [
        (["next", "--cron", "0 0 * * FRI-MON"], "error: day-of-week range 'FRI-MON' runs backwards"),
        (["next", "--cron", "0 9 * * *", "--tz", "Mars/Olympus"], "error: unknown time zone 'Mars/Olympus'"),
        (["next", "--cron", "0 9 * * *", "--from", "yesterday"], "error: --from 'yesterday' is not a time"),
        (["next", "no-such-account"], "error: no account 'no-such-account'"),
    ])
    func badInputExitsOne(_ arguments: [String], _ message: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func nextForAccountsIncludesJitter() throws {
        let result = try CommandRunner.run(["next", "history-weekly", "--from", "2026-11-27T00:00:00Z", "--count", "2"])
        #expect(result.status == 0)
        #expect(
            result.stdout == "history-weekly  2026-11-28T18:30:00+00:00\nhistory-weekly  2026-12-05T18:30:00+00:00\n")
    }

    @Test func initScaffoldsAValidConfigAndKeepsExistingFiles() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try CommandRunner.run(["init", folder.path])
        #expect(first.status == 0)
        #expect(first.stdout.contains("created  accounts.d/my-channel.yaml"))
        let validate = try CommandRunner.run(["validate", "--config", folder.path])
        #expect(validate.status == 0, "\(validate.stdout)")
        let second = try CommandRunner.run(["init", folder.path])
        #expect(second.stdout.contains("kept     accounts.d/my-channel.yaml (already exists)"))
        // The Piper voice and topics with their scripts, like the shipped example; espeak is the noted fallback.
        let account = try String(
            contentsOf: folder.appendingPathComponent("accounts.d/my-channel.yaml"), encoding: .utf8)
        #expect(account.contains("provider: piper") && account.contains("# provider: espeak"))
        let topics = try String(contentsOf: folder.appendingPathComponent("topics/my-channel.yaml"), encoding: .utf8)
        #expect(topics.contains("scenes:") && topics.contains("keywords:"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("topics/my-channel.txt").path))
        let topicList = try CommandRunner.run(["validate", "--config", folder.path, "--strict"])
        #expect(topicList.status == 0, "\(topicList.stdout)\(topicList.stderr)")
    }
}
