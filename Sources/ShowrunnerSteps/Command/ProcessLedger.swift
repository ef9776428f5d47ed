import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The durable list of an attempt's child sessions: one small JSON file per running child in the step's
/// `.children/` folder, written before the spawn (a token the child and its descendants carry in their environment)
/// and again right after it (the session's leader), removed once the child's session is empty. A file that is
/// still there when the next attempt of the step starts belongs to an attempt whose process died (`kill -9`, a
/// crash): `reapLeftovers` kills what is left of that session, and every process carrying the token, before the new
/// attempt runs, so nothing of the old attempt can still be writing — even a child that ran ahead of the record.
struct ProcessLedger: Sendable {
    /// The ledger of the attempt the current task runs, set by `AttemptProcessScope`; nil outside attempts
    /// (`validate`'s checks, tests of single tools), where nothing is recorded.
    @TaskLocal static var current: ProcessLedger?

    static let folderName = ".children"
    /// The environment variable that marks every process of an attempt's child.
    static let tokenVariable = "SHOWRUNNER_ATTEMPT_PROCESS"

    /// `<artifacts>/.children/`.
    let folder: URL

    init(artifactsDirectory: URL) {
        folder = artifactsDirectory.appendingPathComponent(Self.folderName, isDirectory: true)
    }

    /// One child session: its leader, when it started, and in which boot (pids start over at boot).
    struct Entry: Codable, Sendable, Equatable {
        /// 0 until the child was spawned.
        var pid: Int32
        var startTime: UInt64
        var bootID: String
        var program: String
        /// The value of `tokenVariable` in the child's environment (absent in ledgers of older versions).
        var token: String?
    }

    /// Records a child about to be spawned; returns the token to put in its environment (`tokenVariable`).
    func open(program: String) -> String {
        let token = UUID().uuidString.lowercased()
        write(Entry(pid: 0, startTime: 0, bootID: Self.bootID, program: program, token: token), key: token)
        return token
    }

    /// Records the session led by `pid` (best effort: a failure to record must not fail the attempt); under
    /// `token`'s record when the child was opened with one.
    func record(_ pid: pid_t, program: String, token: String? = nil) {
        #if os(Linux)
            guard let stat = ProcessStat(pid: pid) else { return }
            let entry = Entry(pid: pid, startTime: stat.startTime, bootID: Self.bootID, program: program, token: token)
            write(entry, key: token ?? "\(pid)")
        #endif
    }

    private func write(_ entry: Entry, key: String) {
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Written whole (temp + rename) but not flushed: the record must outlive this process, not the machine
        // (after a power loss no child is left to kill).
        try? data.write(to: file(for: key), options: .atomic)
    }

    /// Forgets a child (by its token, or its leader's pid when it has none) once its session is empty.
    func remove(_ key: String) {
        unlink(file(for: key).path)
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

    private func file(for key: String) -> URL { folder.appendingPathComponent("\(key).json") }

    /// SIGKILL to the live members of `entry`'s session and the processes carrying its token, then a bounded wait
    /// until none is left.
    private static func terminate(_ entry: Entry, limit: Duration) async -> Bool {
        #if os(Linux)
            let session = entry.pid > 0 ? survivors(of: entry) : []
            let marked = entry.bootID == bootID ? entry.token.map(carriers(of:)) ?? [] : []
            let members = Array(Set(session + marked))
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

        /// The live processes whose environment carries `token` (a child and everything it started, even outside
        /// its session).
        static func carriers(of token: String) -> [pid_t] {
            let mark = Data("\(tokenVariable)=\(token)\u{0}".utf8)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            return names.compactMap { name -> pid_t? in
                guard let pid = pid_t(name), ProcessStat(pid: pid)?.isAlive == true,
                    let environment = FileManager.default.contents(atPath: "/proc/\(name)/environ"),
                    environment.range(of: mark) != nil
                else { return nil }
                return pid
            }
        }

        /// This boot's id (`/proc/sys/kernel/random/boot_id`).
        static let bootID: String =
            (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8))?.trimmingSpaces() ?? ""
    #endif
}
