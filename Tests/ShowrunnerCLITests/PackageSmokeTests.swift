import Foundation
import Testing

/// The release archive (`scripts/package.sh`, not built by the normal test run) starts in a chroot without the Swift
/// toolchain. Enabled when `dist/` holds an archive (or `SHOWRUNNER_PACKAGE` names one) and the tests run as root.
@Suite struct PackageSmokeTests {
    static let archive: URL? = {
        if let named = ProcessInfo.processInfo.environment["SHOWRUNNER_PACKAGE"], !named.isEmpty {
            return URL(fileURLWithPath: named)
        }
        let dist = CommandRunner.packageRoot.appendingPathComponent("dist")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dist.path)) ?? []
        return names.filter { $0.hasPrefix("showrunner-") && $0.hasSuffix(".tar.gz") }.sorted().last.map {
            dist.appendingPathComponent($0)
        }
    }()

    @Test(.enabled(if: archive != nil && getuid() == 0, "needs dist/showrunner-*.tar.gz and root"))
    func theArchiveStartsInAChrootWithoutTheToolchain() throws {
        let archive = try #require(Self.archive)
        let script = CommandRunner.packageRoot.appendingPathComponent("scripts/package-smoke.sh")
        let process = Process()
        process.executableURL = script
        process.arguments = [archive.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("== OK"))
        #expect(text.range(of: #"showrunner \d+\.\d+\.\d+ \(commit "#, options: .regularExpression) != nil, "\(text)")
        #expect(!text.contains("/opt/swift"), "\(text)")
    }
}
