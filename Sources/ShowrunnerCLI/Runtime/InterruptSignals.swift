import ArgumentParser
import Foundation
import Synchronization

/// Ctrl-C (SIGINT) or SIGTERM for a command that runs pipelines in its own process (`trigger`, `retry`): the
/// first signal cancels the work — each step's processes get SIGTERM, then SIGKILL after the grace, and the runs
/// are left resumable — and the command exits 130; a second signal exits at once (the children still die: they
/// carry the parent-death signal).
enum InterruptSignals {
    static let exitStatus: Int32 = 130

    static func run<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let (signals, continuation) = AsyncStream.makeStream(of: Int32.self)
        let sources = watch([SIGINT, SIGTERM], into: continuation)
        defer { stopWatching(sources, continuation) }
        let interrupted = Atomic(false)
        let task = Task { try await work() }
        let watcher = Task {
            for await signal in signals {
                if interrupted.exchange(true, ordering: .relaxed) { Foundation.exit(128 + signal) }
                FileHandle.standardError.write(Data("interrupted: stopping the runs (again to quit at once)\n".utf8))
                task.cancel()
            }
        }
        defer { watcher.cancel() }
        let result = await task.result
        if interrupted.load(ordering: .relaxed) {
            let message =
                "stopped; the interrupted runs stay resumable: showrunner retry RUN (ids in 'showrunner history')"
            FileHandle.standardError.write(Data((message + "\n").utf8))
            throw ExitCode(exitStatus)
        }
        return try result.get()
    }

    /// Dispatch sources are not `Sendable` on Linux; they are only created, resumed and cancelled here.
    private final class Sources: @unchecked Sendable {
        let items: [any DispatchSourceSignal]
        init(_ items: [any DispatchSourceSignal]) { self.items = items }
    }

    private static func watch(_ numbers: [Int32], into continuation: AsyncStream<Int32>.Continuation) -> Sources {
        Sources(
            numbers.map { number in
                signal(number, SIG_IGN)  // the source sees the signal; the default action would end the process
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { continuation.yield(number) }
                source.resume()
                return source
            })
    }

    private static func stopWatching(_ sources: Sources, _ continuation: AsyncStream<Int32>.Continuation) {
        for source in sources.items {
            source.cancel()
            signal(Int32(source.handle), SIG_DFL)
        }
        continuation.finish()
    }
}
