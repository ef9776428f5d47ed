import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child is started so that it dies with showrunner: on Linux, through util-linux's
/// `setpriv --pdeathsig KILL -- /bin/sh -c GUARD PROGRAM ARGS…`: setpriv sets the parent-death signal and execs
/// the guard, which checks that its parent is still showrunner and execs the program (the signal setting survives
/// `execve`). The guard closes the one gap: showrunner dying after the spawn but before `prctl` ran (the child would
/// then be an orphan whose new parent never dies); the program never starts then.
///
/// Why a wrapper: swift-subprocess 1.0 has no pre-exec hook on Linux (`prctl` must run in the child between fork
/// and exec), and `prctl` is variadic, so Swift cannot call it anyway. Why this is robust: the kernel sends the
/// signal when the *thread* that forked the child exits, not the process. swift-subprocess spawns every child from
/// one dedicated worker thread that lives until the process exits (`runOnBackgroundThread`), never from a
/// cooperative-pool thread (libdispatch ends those after 5 s idle, which would kill a long render). So the child
/// gets SIGKILL exactly when showrunner dies — `kill -9`, a crash, Ctrl-C — and the children it starts in turn are
/// caught by the session sweep or, after a crash, by `ProcessLedger` before the attempt is retried.
///
/// The program is resolved here first; when it cannot be resolved to an executable binary or `#!` script, it is
/// started directly, so swift-subprocess reports the launch error (missing program, not executable) as before.
struct ChildLaunch: Sendable, Equatable {
    /// The program to execute: the wrapper, or the program itself.
    var executable: String
    /// The arguments after argv[0].
    var arguments: [String]
    var wrapped: Bool

    /// Run by `/bin/sh -c` with the program as `$0`: exec it only while the parent is still `parent`.
    static func guardScript(parent: pid_t) -> String {
        "[ \"$PPID\" = \(parent) ] || exit 129; exec \"$0\" \"$@\""
    }

    /// `wrapper`: the `setpriv` binary, nil where there is none (the program is then started directly); `parent`:
    /// this process.
    static func plan(
        _ invocation: CommandInvocation, wrapper: String? = setpriv, parent: pid_t = getpid()
    ) -> ChildLaunch {
        let rest = Array(invocation.arguments.dropFirst())
        let path = invocation.environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
        let program = invocation.executablePath ?? resolve(invocation.program, searchPath: path)
        guard let wrapper, let program, isLaunchable(program) else {
            return ChildLaunch(
                executable: invocation.executablePath ?? invocation.program, arguments: rest, wrapped: false)
        }
        let guarded = ["/bin/sh", "-c", guardScript(parent: parent), program]
        return ChildLaunch(
            executable: wrapper, arguments: ["--pdeathsig", "KILL", "--"] + guarded + rest, wrapped: true)
    }

    /// util-linux's `setpriv` (Essential on Debian and Ubuntu), looked up once; nil off Linux or when missing.
    static let setpriv: String? = {
        #if os(Linux)
            resolve("setpriv", searchPath: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        #else
            nil
        #endif
    }()

    /// The first executable regular file named `name` in the `:`-separated `searchPath`.
    static func resolve(_ name: String, searchPath: String) -> String? {
        guard !name.isEmpty, !name.contains("/") else { return nil }
        for folder in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = "\(folder)/\(name)"
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }

    /// An executable file that starts with an ELF header or `#!`: `setpriv` execs with `execvp`, which would run any
    /// other file through `/bin/sh`, where a direct spawn fails with ENOEXEC.
    static func isLaunchable(_ path: String) -> Bool {
        guard isExecutableFile(path) else { return false }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 4)
        let count = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4) }
        return (count >= 2 && head[0] == 0x23 && head[1] == 0x21) || (count == 4 && head == [0x7F, 0x45, 0x4C, 0x46])
    }
}
