import Foundation
import ShowrunnerCore
import Synchronization
import Testing

@testable import ShowrunnerConfig

/// SPEC §4: a file that cannot be read or is not a regular YAML file is an error that keeps the account's last good
/// version scheduled; only a file that is really gone unschedules its account.
struct UnreadableFileTests {
    /// Ways to turn an account file into something that cannot be read as YAML (each works as root).
    enum Breakage: String, CaseIterable, CustomTestStringConvertible {
        case directory, danglingSymlink, invalidUTF8, fifo, symlinkLoop

        var testDescription: String { rawValue }

        /// Replaces the file at `url` with the broken entry.
        func apply(to url: URL) throws {
            try FileManager.default.removeItem(at: url)
            switch self {
            case .directory: try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            case .danglingSymlink: #expect(symlink("missing.yaml", url.path) == 0)
            case .invalidUTF8: try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0x0A]).write(to: url)
            case .fifo: #expect(mkfifo(url.path, 0o644) == 0)
            case .symlinkLoop: #expect(symlink(url.lastPathComponent, url.path) == 0)
            }
        }

        /// The diagnostic every reader reports for the broken file.
        var expected: String {
            switch self {
            case .directory, .fifo: "accounts.d/a.yaml:1:1: error: cannot read the file: it is not a regular file."
            case .danglingSymlink:
                "accounts.d/a.yaml:1:1: error: cannot read the file: it is a symbolic link to 'missing.yaml', which "
                    + "does not exist."
            case .invalidUTF8:
                "accounts.d/a.yaml:1:5: error: the file is not valid UTF-8 text (byte 0xFF cannot start or continue a "
                    + "character here); save it as UTF-8."
            case .symlinkLoop:
                "accounts.d/a.yaml:1:1: error: cannot read the file: Too many levels of symbolic links."
            }
        }
    }

    /// How the daemon learns of the change: the watcher's changed path, or a rescan (start-up, SIGHUP).
    enum Reload: String, CaseIterable { case watcherEvent, rescan }

    static func reload(_ registry: ConfigRegistry, _ how: Reload) -> ReloadReport {
        switch how {
        case .watcherEvent: registry.apply(["accounts.d/a.yaml"])
        case .rescan: registry.rescan()
        }
    }

    @Test(arguments: Breakage.allCases, Reload.allCases)
    func anUnreadableFileKeepsTheLastGoodVersionAndOnlyItsDeletionUnschedules(
        breakage: Breakage, reload: Reload
    ) throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let registry = folder.registry()
        #expect(registry.rescan().applied == ["a"])
        let file = folder.url.appendingPathComponent("accounts.d/a.yaml")
        try breakage.apply(to: file)

        let broken = Self.reload(registry, reload)
        #expect(broken.errors.map(\.rendered) == [breakage.expected])
        #expect(broken.removed.isEmpty)
        #expect(registry.cron("a") == "0 9 * * *")
        #expect(registry.diagnostics.map(\.rendered) == [breakage.expected])
        #expect(Self.reload(registry, reload) == ReloadReport(), "an unchanged broken file is a no-op")

        try FileManager.default.removeItem(at: file)
        #expect(Self.reload(registry, reload).removed == ["a"])
        #expect(registry.goodVersions.isEmpty)
        #expect(registry.diagnostics.isEmpty)
    }

    @Test(.enabled(if: geteuid() != 0, "root reads a file without read permission; the FIFO and the loop cover it"))
    func aFileWithoutReadPermissionKeepsTheLastGoodVersion() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let registry = folder.registry()
        registry.rescan()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account(cron: "5 9 * * *"))
        #expect(chmod(folder.url.appendingPathComponent("accounts.d/a.yaml").path, 0) == 0)
        let report = registry.apply(["accounts.d/a.yaml"])
        #expect(
            report.errors.map(\.rendered) == ["accounts.d/a.yaml:1:1: error: cannot read the file: Permission denied."])
        #expect(registry.cron("a") == "0 9 * * *")
    }

    @Test func validateAndTheDaemonReportTheSameDiagnosticsForTheSameBrokenFiles() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/good.yaml", ConfigFolder.account())
        for breakage in Breakage.allCases {
            try folder.write("accounts.d/\(breakage.rawValue).yaml", ConfigFolder.account())
            try breakage.apply(to: folder.url.appendingPathComponent("accounts.d/\(breakage.rawValue).yaml"))
        }
        try folder.write("accounts.d/quote.yaml", "channel: { type: t }\nname: \"unterminated\npipeline: p\n")
        let loader = ConfigLoader(directory: folder.url.path)
        let validated = ConfigValidator(secrets: loader.secretChecker(strict: false)).validate(loader.load())
        let registry = folder.registry()
        registry.rescan()

        let daemon = registry.diagnostics.map(\.rendered)
        #expect(validated.diagnostics.sortedForDisplay().map(\.rendered) == daemon)
        #expect(
            Set(daemon.map { $0.prefix { $0 != ":" } })
                == Set(
                    (Breakage.allCases.map(\.rawValue) + ["quote"]).map {
                        "accounts.d/\($0).yaml"
                    }))
        #expect(registry.goodVersions.map(\.account.id) == ["good"])
    }

    @Test func readersDoNotWaitForAReload() throws {
        let folder = try ConfigFolder()
        try folder.write("accounts.d/a.yaml", ConfigFolder.account())
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let blocking = Shared(true)
        let loader = ConfigLoader(directory: folder.url.path)
        let registry = ConfigRegistry(loader: loader, secrets: loader.secretChecker(strict: false)) {
            if blocking.value {
                entered.signal()
                release.wait()
            }
            return "abc"
        }
        blocking.value = false
        registry.rescan()
        blocking.value = true
        try folder.write("accounts.d/a.yaml", ConfigFolder.account(cron: "5 9 * * *"))
        let reloaded = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            registry.apply(["accounts.d/a.yaml"])
            reloaded.signal()
        }
        #expect(entered.wait(timeout: .now() + 30) == .success)  // the reload is inside its work now

        let answered = DispatchSemaphore(value: 0)
        let seen = Shared<String?>(nil)
        DispatchQueue.global().async {
            seen.value = registry.cron("a")
            answered.signal()
        }
        #expect(answered.wait(timeout: .now() + 5) == .success, "a reader waited for the reload")
        #expect(seen.value == "0 9 * * *")
        release.signal()
        #expect(reloaded.wait(timeout: .now() + 30) == .success)
        #expect(registry.cron("a") == "5 9 * * *")
    }
}

/// A value shared with a closure the registry calls on another thread.
final class Shared<Value: Sendable>: Sendable {
    private let stored: Mutex<Value>

    init(_ value: Value) { stored = Mutex(value) }

    var value: Value {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
