import Foundation
import ShowrunnerTestSupport
import Testing

/// `showrunner auth youtube` with the real binary against the fake Google token endpoint.
struct AuthCommandTests {
    static let clientJSON =
        #"{"installed": {"client_id": "c-1.apps.googleusercontent.com", "client_secret": "GOCSPX-0nly"}}"#

    static func config(tokenURL: String, credentials: Bool = true) throws -> URL {
        let folder = try CommandRunner.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("accounts.d"), withIntermediateDirectories: true)
        let youtube = credentials ? #"youtube: { credentials: "${file:secrets/demo.json}", privacy: private }"# : ""
        let files = [
            "showrunner.yaml": "providers:\n  youtube:\n    token_url: \(tokenURL)\n",
            "client.json": clientJSON,
            "accounts.d/demo.yaml": """
            channel:
              type: test
              \(youtube)
            schedule: { cron: "0 9 * * *" }
            pipeline:
              steps:
                - id: make
                  uses: command
                  with: { run: [sh, -c, 'echo "{\\"video\\": \\"/tmp/v.mp4\\"}"'] }
                - id: upload
                  uses: upload.youtube
                  with: { video: "{{ steps.make.video }}", title: "Auth test" }
            """,
        ]
        for (path, text) in files {
            try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func thePastedAddressBecomesAnOwnerOnlyCredentialsFileAndNoTokenIsPrinted() throws {
        let server = try FakeYouTubeServer()
        defer { server.stop() }
        let folder = try Self.config(tokenURL: server.tokenURL)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pasted = "http://127.0.0.1:8765/?code=\(FakeYouTubeServer.consentCode)&scope=youtube\n"
        let arguments = [
            "auth", "youtube", "demo", "--config", folder.path, "--client-secrets", "\(folder.path)/client.json",
        ]

        let result = try CommandRunner.run(arguments, input: pasted)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("https://accounts.google.com/o/oauth2/v2/auth?"))
        #expect(result.stdout.contains("secrets/demo.json (mode 600)"))
        let file = folder.appendingPathComponent("secrets/demo.json")
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: String]
        #expect(written?["refresh_token"] == FakeYouTubeServer.consentRefreshToken)
        #expect(written?["client_secret"] == "GOCSPX-0nly")
        #expect(written?["type"] == "authorized_user")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        for secret in [FakeYouTubeServer.consentRefreshToken, "GOCSPX-0nly"] {
            #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
        }

        // The code works once: a second exchange fails clearly and the file written before is kept.
        let again = try CommandRunner.run(arguments, input: pasted)
        #expect(again.status == 1)
        #expect(again.stderr.contains("a code works once"))
        let kept = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: String]
        #expect(kept?["refresh_token"] == FakeYouTubeServer.consentRefreshToken)
    }

    @Test func anAccountWithoutACredentialsFileIsToldWhatToSet() throws {
        let folder = try Self.config(tokenURL: "http://127.0.0.1:9/token", credentials: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(
            ["auth", "youtube", "demo", "--config", folder.path, "--client-secrets", "\(folder.path)/client.json"],
            input: "4/code\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("set it to ${file:secrets/demo.json} first"))
    }

    @Test func aRefusedConsentSaysSoAndWritesNothing() throws {
        let folder = try Self.config(tokenURL: "http://127.0.0.1:9/token")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(
            ["auth", "youtube", "demo", "--config", folder.path, "--client-secrets", "\(folder.path)/client.json"],
            input: "http://127.0.0.1:8765/?error=access_denied\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Google sent no code (http://127.0.0.1:8765/?error=access_denied)"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("secrets/demo.json").path))
    }
}
