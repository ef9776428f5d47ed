#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ends what is left of a command's session after its main process was reaped: every process still in the
/// session gets SIGTERM, and SIGKILL once `grace` has passed. Subprocess's own teardown signals the process group
/// only while the main process lives; this catches children that outlive it (a SIGTERM-ignoring grandchild, a
/// background job of a shell that exited), so no step leaves orphans behind.
struct SessionSweeper: Sendable {
    var grace: Duration
    var pollInterval: Duration = .milliseconds(20)

    /// Returns once the session is empty (waiting even in a cancelled task): at most `grace` plus a second.
    func sweep(session: pid_t) async {
        guard Self.signalMembers(of: session, SIGTERM) else { return }
        let grace = self.grace
        let pollInterval = self.pollInterval
        await Task {
            guard await Self.membersRemain(session, after: grace, polling: pollInterval) else { return }
            _ = Self.signalMembers(of: session, SIGKILL)
            _ = await Self.membersRemain(session, after: .seconds(1), polling: pollInterval)
        }.value
    }

    /// Polls until the session has no live process (false) or `limit` passed with some still there (true).
    private static func membersRemain(_ session: pid_t, after limit: Duration, polling: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while signalMembers(of: session, 0) {
            guard ContinuousClock.now < deadline else { return true }
            try? await Task.sleep(for: polling)
        }
        return false
    }

    /// Sends `signal` (0 = none, just look) to every live process of `session`; false when there is none.
    static func signalMembers(of session: pid_t, _ signal: Int32) -> Bool {
        #if os(Linux)
            let members = liveMembers(of: session)
            for pid in members where signal != 0 { kill(pid, signal) }
            return !members.isEmpty
        #else
            return killpg(session, signal) == 0
        #endif
    }

    #if os(Linux)
        /// Processes whose session id is `session`, zombies excluded (they are dead, waiting for their parent).
        static func liveMembers(of session: pid_t) -> [pid_t] {
            guard let proc = opendir("/proc") else { return [] }
            defer { closedir(proc) }
            var members: [pid_t] = []
            while let entry = readdir(proc) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) {
                    String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard let pid = pid_t(name), let stat = ProcessStat(pid: pid) else { continue }
                if stat.session == session, stat.isAlive { members.append(pid) }
            }
            return members
        }
    #endif
}

#if os(Linux)
    /// The fields of `/proc/<pid>/stat` the sweeper and the ledger need.
    struct ProcessStat: Sendable, Equatable {
        var state: Character
        var processGroup: pid_t
        var session: pid_t
        /// Clock ticks after boot when the process started: with the pid, it names one process for good.
        var startTime: UInt64

        init?(pid: pid_t) {
            let fd = open("/proc/\(pid)/stat", O_RDONLY)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var buffer = [UInt8](repeating: 0, count: 512)
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return nil }
            self.init(statLine: String(decoding: buffer.prefix(count), as: UTF8.self))
        }

        /// `pid (comm) state ppid pgrp session … starttime …` (field 22); `comm` may hold spaces and parentheses, so
        /// parse after the last `)`.
        init?(statLine: String) {
            guard let close = statLine.lastIndex(of: ")") else { return nil }
            let fields = statLine[statLine.index(after: close)...].split(separator: " ")
            guard fields.count >= 20, let state = fields[0].first, let group = pid_t(fields[2]),
                let session = pid_t(fields[3]), let start = UInt64(fields[19])
            else { return nil }
            (self.state, self.processGroup, self.session, self.startTime) = (state, group, session, start)
        }

        /// Dead processes still listed: zombies wait only for their parent to collect their status.
        var isAlive: Bool { state != "Z" && state != "X" }
    }
#endif
