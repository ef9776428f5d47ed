import Subprocess
import Synchronization

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// How a child process ended and what it printed.
struct ProcessOutcome: Sendable, Equatable {
    var status: TerminationStatus
    /// At most `ProcessRunner.stdoutLimit` bytes.
    var stdout: [UInt8]
    var stdoutOverflowed: Bool
    /// The last `ProcessRunner.stderrTailLimit` bytes of stderr.
    var stderrTail: String
    var stderrLastLine: String?
}

/// What the body of `Subprocess.run` collected.
struct CapturedOutput: Sendable {
    var stdout: HeadCapture
    var stderr: TailCapture
}

/// Runs one child process in a session (and so a process group) of its own, with the parent-death signal set
/// (`ChildLaunch`): it dies when showrunner dies. Cancelling the calling task tears the whole session down:
/// SIGTERM to the process group, SIGKILL after `grace` (Subprocess's teardown sequence), then the same for any
/// process of the session that outlived the main one (`SessionSweeper`). Inside an attempt the session is recorded
/// in the attempt's `ProcessLedger` until it is empty.
struct ProcessRunner: Sendable {
    static let stdoutLimit = 1 << 20
    static let stderrTailLimit = 4096

    var grace: Duration

    typealias Progress = @Sendable (String) -> Void

    /// Throws `SubprocessError` when the program cannot be started, `CancellationError` when the task was
    /// cancelled (the processes are gone by then). `stdin` text is passed through an unlinked temporary file, not
    /// a pipe: a child that exits without reading it must not raise SIGPIPE in this process.
    func run(_ invocation: CommandInvocation, progress: @escaping Progress) async throws -> ProcessOutcome {
        let session = Mutex<pid_t?>(nil)
        let ledger = ProcessLedger.current
        let token = ledger?.open(program: invocation.program)
        var invocation = invocation
        if let token { invocation.environment[ProcessLedger.tokenVariable] = token }
        let result: Result<ProcessOutcome, any Error>
        do {
            if let text = invocation.standardInput {
                let input = FileDescriptor(rawValue: try POSIXFile.anonymousFile(containing: text))
                result = .success(
                    try await execute(
                        invocation, input: .fileDescriptor(input, closeAfterSpawningProcess: true), session: session,
                        token: token, progress))
            } else {
                result = .success(try await execute(invocation, input: .none, session: session, token: token, progress))
            }
        } catch {
            result = .failure(error)
        }
        let leader = session.withLock { $0 }
        if let leader { await SessionSweeper(grace: grace).sweep(session: leader) }
        if let token { ledger?.remove(token) }
        try Task.checkCancellation()
        return try result.get()
    }

    private func execute(
        _ invocation: CommandInvocation, input: some InputProtocol, session: borrowing Mutex<pid_t?>, token: String?,
        _ progress: @escaping Progress
    ) async throws -> ProcessOutcome {
        let launch = ChildLaunch.plan(invocation)
        let executable: Executable =
            launch.wrapped || invocation.executablePath != nil
            ? .path(FilePath(launch.executable)) : .name(launch.executable)
        let overrides = invocation.environment.map { (Environment.Key(stringLiteral: $0.key), Optional($0.value)) }
        let ledger = ProcessLedger.current
        let result = try await Subprocess.run(
            executable, arguments: Arguments(launch.arguments),
            environment: .inherit.updating(Dictionary(overrides) { _, last in last }),
            workingDirectory: FilePath(invocation.workingDirectory.path), platformOptions: platformOptions,
            input: input, output: .sequence, error: .sequence
        ) { execution in
            let pid = execution.processIdentifier.value
            session.withLock { $0 = pid }
            ledger?.record(pid, program: invocation.program, token: token)
            return try await collect(execution, progress: progress)
        }
        let (stdout, stderr) = (result.closureResult.stdout, result.closureResult.stderr)
        return ProcessOutcome(
            status: result.terminationStatus, stdout: stdout.bytes, stdoutOverflowed: stdout.overflowed,
            stderrTail: stderr.text, stderrLastLine: stderr.lastLine)
    }

    private var platformOptions: PlatformOptions {
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: grace)]
        return options
    }

    /// Reads stdout (bounded) and stderr (its tail, lines passed to `progress`) until both close.
    private func collect<Input: InputProtocol>(
        _ execution: Execution<Input, SequenceOutput, SequenceOutput>, progress: Progress
    ) async throws -> CapturedOutput {
        async let head = Self.readHead(execution.standardOutput)
        var tail = TailCapture(limit: Self.stderrTailLimit)
        for try await buffer in execution.standardError {
            if let line = tail.append(buffer.withUnsafeBytes { Array($0) }) { progress(line) }
        }
        return CapturedOutput(stdout: try await head, stderr: tail)
    }

    private static func readHead(_ sequence: SubprocessOutputSequence) async throws -> HeadCapture {
        var head = HeadCapture(limit: stdoutLimit)
        for try await buffer in sequence { head.append(buffer.withUnsafeBytes { Array($0) }) }
        return head
    }
}
