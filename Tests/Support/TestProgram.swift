import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs a helper program for a test (ffprobe, ffmpeg's meters, git, a Python reference) and collects what it
/// prints, awaiting its end rather than blocking: the cooperative pool has one thread per core, and a test blocked
/// in `Process.waitUntilExit()` while ffmpeg decodes a video holds one of them idle for every other test.
public enum TestProgram {
    /// How the program ended and what it printed.
    public struct Output: Sendable {
        public var status: TerminationStatus
        public var stdout: Data
        public var stderr: String

        public var succeeded: Bool { status.isSuccess }
    }

    /// Enough for any probe's or meter's output; more is a test bug, and fails.
    static let limit = 64 << 20

    /// Runs `program` (a path, or a name looked up on `PATH`) in `folder`, with `input`'s bytes on its standard
    /// input (written while the output is read, so neither side can fill a pipe and wait for the other).
    public static func run(
        _ program: String, _ arguments: [String], in folder: URL? = nil, input: Data? = nil
    ) async throws -> Output {
        let result = try await Subprocess.run(
            program.contains("/") ? .path(FilePath(program)) : .name(program), arguments: Arguments(arguments),
            workingDirectory: folder.map { FilePath($0.path) },
            input: .data(input ?? Data()), output: .bytes(limit: limit), error: .bytes(limit: limit))
        return Output(
            status: result.terminationStatus, stdout: Data(result.standardOutput),
            stderr: String(decoding: result.standardError, as: UTF8.self))
    }

    /// `run`, throwing `ProgramFailed` unless the program exits 0.
    @discardableResult
    public static func succeeding(
        _ program: String, _ arguments: [String], in folder: URL? = nil, input: Data? = nil
    ) async throws -> Output {
        let output = try await run(program, arguments, in: folder, input: input)
        guard output.succeeded else { throw ProgramFailed(program: program, arguments: arguments, output: output) }
        return output
    }
}
