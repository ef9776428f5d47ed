import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The durable list of an attempt's child sessions: one small JSON file per running child in the step's
/// `.children/` folder, written right after the spawn and removed once the child's session is empty. A file that
/// is still there when the next attempt of the step starts belongs to an attempt whose process died (`kill -9`, a
/// crash): `reapLeftovers` kills what is left of that session before the new attempt runs, so nothing of the old
/// attempt can still be writing.
struct ProcessLedger: Sendable {
    /// The ledger of the attempt the current task runs, set by `AttemptProcessScope`; nil outside attempts
    /// (`validate`'s checks, tests of single tools), where nothing is recorded.
    @TaskLocal static var current: ProcessLedger?

    static let folderName = ".children"

    /// `<artifacts>/.children/`.
    let folder: URL

    init(artifactsDirectory: URL) {
        folder = artifactsDirectory.appendingPathComponent(Self.folderName, isDirectory: true)
    }

    /// One child session: its leader, when it started, and in which boot (pids start over at boot).
    struct Entry: Codable, Sendable, Equatable {
        var pid: Int32
        var startTime: UInt64
        var bootID: String
        var program: String
    }

    /// Records the session led by `pid` (best effort: a failure to record must not fail the attempt).
    func record(_ pid: pid_t, program: String) {
        #if os(Linux)
            guard let stat = ProcessStat(pid: pid) else { return }
            let entry = Entry(pid: pid, startTime: stat.startTime, bootID: Self.bootID, program: program)
            guard let data = try? JSONEncoder().encode(entry) else { return }
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // Written whole (temp + rename) but not flushed: the record must outlive this process, not the machine
            // (after a power loss no child is left to kill).
            try? data.write(to: file(for: pid), options: .atomic)
        #endif
    }

    /// Forgets the session led by `pid` once it is empty.
    func remove(_ pid: pid_t) {
        unlink(file(for: pid).path)
    }

    /// Kills (SIGKILL) every session recorded here that still has live members, waits until they are gone (at most
    /// `limit`), and empties the ledger. Returns how many sessions were killed.
    @discardableResult
    func reapLeftovers(limit: Duration = .seconds(5)) async -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        var killed = 0
        for file in files where file.pathExtension == "json" {
            if let data = try? Data(contentsOf: file), let entry = try? JSONDecoder().decode(Entry.self, from: data) {
                if await Self.terminate(entry, limit: limit) { killed += 1 }
            }
            unlink(file.path)
        }
        return killed
    }

    private func file(for pid: pid_t) -> URL { folder.appendingPathComponent("\(pid).json") }

    /// SIGKILL to the live members of `entry`'s session, then a bounded wait until none is left.
    private static func terminate(_ entry: Entry, limit: Duration) async -> Bool {
        #if os(Linux)
            let members = survivors(of: entry)
            guard !members.isEmpty else { return false }
            for pid in members { kill(pid, SIGKILL) }
            let deadline = ContinuousClock.now + limit
            while members.contains(where: { ProcessStat(pid: $0)?.isAlive == true }), ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(10))
            }
            return true
        #else
            return false
        #endif
    }

    #if os(Linux)
        /// The live members of the recorded session, guarded against pid reuse: a pid stays reserved while any
        /// process still uses it as its session id, so the recorded number can name another session only after the
        /// whole old one died. The boot must match; when the leader is alive its start time must match; when it is
        /// gone, only members that started after it count.
        static func survivors(of entry: Entry) -> [pid_t] {
            guard entry.bootID == bootID else { return [] }
            if let leader = ProcessStat(pid: entry.pid), leader.isAlive, leader.startTime != entry.startTime {
                return []
            }
            return SessionSweeper.liveMembers(of: entry.pid).filter { pid in
                (ProcessStat(pid: pid)?.startTime ?? 0) >= entry.startTime
            }
        }

        /// This boot's id (`/proc/sys/kernel/random/boot_id`).
        static let bootID: String =
            (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8))?.trimmingSpaces() ?? ""
    #endif
}
