import Foundation
import ShowrunnerCore
import ShowrunnerStore
import Testing

/// `showrunner doctor` on real config folders: what it reports and its exit status.
@Suite(.serialized) struct DoctorCommandTests {
    /// A config folder with one account that speaks with espeak, draws a video and uploads to YouTube.
    static func config(credentials: String?) throws -> URL {
        let folder = try CommandRunner.temporaryFolder()
        for sub in ["accounts.d", "secrets"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let account = """
            channel:
              type: test
              youtube: { credentials: "${file:secrets/demo.json}", privacy: private }
            schedule: { cron: "0 9 * * *" }
            voice: { provider: espeak, voice: en-us }
            pipeline:
              steps:
                - { id: speak, uses: tts, with: { text: hello } }
                - { id: subs, uses: subtitles, with: { text: hello, duration_s: "{{ steps.speak.duration_s }}" } }
                - id: render
                  uses: video
                  with: { audio: "{{ steps.speak.audio }}", subtitles: "{{ steps.subs.srt }}", background: "#000000" }
                - id: upload
                  uses: upload.youtube
                  with: { video: "{{ steps.render.video }}", title: "Doctor test" }
            """
        try account.write(to: folder.appendingPathComponent("accounts.d/demo.yaml"), atomically: true, encoding: .utf8)
        if let credentials {
            try credentials.write(
                to: folder.appendingPathComponent("secrets/demo.json"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let goodCredentials =
        #"{"type": "authorized_user", "client_id": "c", "client_secret": "s", "refresh_token": "r"}"#

    struct Report: Decodable {
        struct Check: Decodable { let name, status, detail: String }
        let ok: Bool
        let checks: [Check]
        func status(_ name: String) -> String? { checks.first { $0.name == name }?.status }
    }

    static func doctor(
        _ folder: URL, _ extra: [String] = [], environment: [String: String] = [:]
    ) throws -> (
        Int32, Report
    ) {
        let result = try CommandRunner.run(
            [
                "doctor", "--config", folder.path, "--state", folder.appendingPathComponent("state").path, "--format",
                "json",
            ] + extra, environment: environment)
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        return (result.status, report)
    }

    @Test func aReadyMachineExitsZeroWithEveryCheckNamed() throws {
        let folder = try Self.config(credentials: Self.goodCredentials)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, report) = try Self.doctor(folder)
        #expect(status == 0, "\(report.checks)")
        #expect(report.ok)
        for name in ["config", "ffmpeg", "ffprobe", "font", "espeak-ng", "voices", "youtube demo", "disk"] {
            #expect(report.status(name) == "ok", "\(name): \(report.checks)")
        }
        #expect(report.status("store") == "warning")  // no daemon has created it yet
    }

    @Test func aMissingProgramThatAnAccountNeedsFailsWithTheInstallLine() throws {
        let folder = try Self.config(credentials: Self.goodCredentials)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, report) = try Self.doctor(folder, environment: ["PATH": folder.path])
        #expect(status == 1)
        #expect(!report.ok)
        #expect(report.status("ffmpeg") == "error")
        #expect(report.checks.first { $0.name == "ffmpeg" }?.detail.contains("apt-get install ffmpeg") == true)
    }

    @Test(
        arguments: [
            (nil, "is missing"), (#"{"installed": {}}"#, "OAuth client file"),
            (#"{"client_id": "c", "client_secret": "s"}"#, "refresh_token"),
        ] as [(String?, String)])
    func credentialsThatCannotUploadAreAnError(credentials: String?, expected: String) throws {
        let folder = try Self.config(credentials: credentials)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, report) = try Self.doctor(folder)
        #expect(status == 1)
        let check = report.checks.first { $0.name == "youtube demo" }
        #expect(check?.status == "error")
        #expect(check?.detail.lowercased().contains(expected.lowercased()) == true, "\(String(describing: check))")
        #expect(check?.detail.contains("\"s\"") == false)
    }

    @Test func credentialsGoogleRefusedAtTheLastUploadAreAnError() async throws {
        let folder = try Self.config(credentials: Self.goodCredentials)
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: state.appendingPathComponent("showrunner.sqlite").path)
        try await store.updateAccountState("demo") { $0.authFlag = "invalid_grant" }
        let (status, report) = try Self.doctor(folder)
        #expect(status == 1)
        #expect(report.status("store") == "ok")
        let check = report.checks.first { $0.name == "youtube demo" }
        #expect(check?.status == "error")
        #expect(check?.detail.contains("showrunner auth youtube demo") == true)
    }

    @Test func tooLittleFreeSpaceInTheStateFolderFails() throws {
        let folder = try Self.config(credentials: Self.goodCredentials)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, report) = try Self.doctor(folder, ["--min-free-mb", "\(Int64(1) << 40)"])
        #expect(status == 1)
        #expect(report.status("disk") == "error")
    }

    @Test func anUnreadableStoreIsAnError() throws {
        let folder = try Self.config(credentials: Self.goodCredentials)
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try "not a database".write(
            to: state.appendingPathComponent("showrunner.sqlite"), atomically: true, encoding: .utf8)
        let (status, report) = try Self.doctor(folder)
        #expect(status == 1)
        #expect(report.status("store") == "error")
    }

    @Test func textOutputEndsWithTheVerdict() throws {
        let folder = try Self.config(credentials: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(
            ["doctor", "--config", folder.path, "--state", folder.appendingPathComponent("state").path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error    youtube demo"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("warning(s)\n"))
        #expect(result.stdout.contains("not ready: 1 error(s)"), "\(result.stdout)")
    }
}
