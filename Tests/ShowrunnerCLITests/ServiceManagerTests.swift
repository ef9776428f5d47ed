import Foundation
import Testing

@testable import ShowrunnerCLI

/// `showrunner run` under a (fake) systemd: the notify protocol, JSON logs, and the shipped unit file.
@Suite(.serialized) struct ServiceManagerTests {
    static func socketPath() -> String { "/tmp/sr-notify-\(UUID().uuidString.prefix(8)).sock" }

    @Test func readyAfterTheAPIListensWatchdogAtHalfTheIntervalStoppingOnSIGTERM() throws {
        let folder = try TriggerCommandTests.config(
            "    - { id: hello, uses: command, with: { run: [echo, hello] } }", settings: "log: { format: json }\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let notify = try FakeNotifySocket(name: Self.socketPath())
        defer { notify.stop() }
        let errors = folder.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let daemon = try DaemonProcess(
            config: folder, environment: ["NOTIFY_SOCKET": notify.name, "WATCHDOG_USEC": "2000000"],
            errors: try FileHandle(forWritingTo: errors))
        defer { _ = daemon.stop(SIGKILL) }

        let ready = try #require(notify.wait(for: "READY=1").first)
        // READY only once the API answers: the address is printed before READY=1 is sent.
        let base = try daemon.baseURL(timeout: 1)
        #expect(try HTTP.call("GET", base.appendingPathComponent("healthz")).status == 200)
        #expect(ready.text.contains("STATUS=1 accounts scheduled, 0 runs running"))
        #expect(ready.text.contains("MAINPID=\(daemon.process.processIdentifier)"))

        let watchdogs = notify.wait(for: "WATCHDOG=1", count: 3)
        #expect(watchdogs.count >= 3)
        let gaps = zip(watchdogs.dropFirst(), watchdogs).map { $0.at.timeIntervalSince($1.at) }
        // The pace is judged on the mean gap: one message delivered late under load makes the next gap short.
        let meanGap = gaps.reduce(0, +) / Double(max(gaps.count, 1))
        #expect(meanGap >= 0.9 && meanGap < 1.5, "WATCHDOG=1 every 1 s (half of 2 s): \(gaps)")
        #expect(gaps.allSatisfy { $0 < 2.0 }, "a keep-alive within the watchdog interval: \(gaps)")
        #expect(notify.messages(with: "STOPPING=1").isEmpty)

        #expect(daemon.stop(SIGTERM) == 0)
        #expect(notify.messages(with: "STOPPING=1").count == 1)
        let log = try String(contentsOf: errors, encoding: .utf8).split(separator: "\n")
        let stopped = log.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .first { $0["message"] as? String == "showrunner stopped" }
        #expect(stopped?["level"] as? String == "info", "log.format json: one JSON object per line")
    }

    @Test func notifySocketAndWatchdogComeFromTheEnvironment() throws {
        #expect(NotifySocket(environment: [:]) == nil)
        #expect(NotifySocket(environment: ["NOTIFY_SOCKET": "relative"]) == nil)
        #expect(WatchdogInterval.from(["WATCHDOG_USEC": "3000000"], pid: 7) == .milliseconds(1500))
        #expect(WatchdogInterval.from(["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "8"], pid: 7) == nil)
        #expect(WatchdogInterval.from(["WATCHDOG_USEC": "0"], pid: 7) == nil)
    }

    @Test func abstractSocketNamesAreReached() throws {
        let notify = try FakeNotifySocket(name: "@showrunner-test-\(UUID().uuidString.prefix(8))")
        defer { notify.stop() }
        let socket = try #require(NotifySocket(environment: ["NOTIFY_SOCKET": notify.name]))
        #expect(socket.send("STATUS=hello"))
        #expect(notify.wait(for: "STATUS=hello", timeout: 10).count == 1)
    }

    @Test func theShippedUnitFilePassesSystemdAnalyzeVerify() throws {
        let analyze = "/usr/bin/systemd-analyze"
        try #require(FileManager.default.isExecutableFile(atPath: analyze), "systemd-analyze is not installed")
        let unit = try String(
            contentsOf: Self.repository.appendingPathComponent("contrib/systemd/showrunner.service"), encoding: .utf8)
        #expect(unit.contains("Type=notify") && unit.contains("WatchdogSec=") && unit.contains("StateDirectory="))
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("showrunner.service")
        try unit.replacingOccurrences(of: "/usr/local/bin/showrunner", with: CommandRunner.binary.path)
            .write(to: copy, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: analyze)
        process.arguments = ["verify", copy.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.isEmpty, "\(output)")
    }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}
