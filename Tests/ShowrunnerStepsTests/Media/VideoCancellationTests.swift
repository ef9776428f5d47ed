import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

#if canImport(Glibc)
    import Glibc
#endif

/// Cancelling a render (what the engine does on timeout and shutdown) leaves no ffmpeg behind.
struct VideoCancellationTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    /// This process's ffmpeg children that run in `folder` or below (other tests render in parallel elsewhere).
    private func ffmpegChildren(in folder: URL) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(pid_t.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                stat.contains("(ffmpeg)"), ProcessProbe.isAlive(pid),
                let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")
            else { return false }
            let parent = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")[1]
            // ffmpeg runs in the attempt's own folder below the artifacts folder.
            return (cwd == folder.path || cwd.hasPrefix(folder.path + "/")) && pid_t(parent) == getpid()
        }
    }

    @Test func cancellingMidEncodeEndsFFmpeg() async throws {
        try fixture.write(WAVFixture.tone(seconds: 120, sampleRate: 8_000), to: "long.wav")
        let (encoding, started) = AsyncStream.makeStream(of: String.self)
        let context = fixture.context(
            ["audio": .string("long.wav"), "background": .string("navy"), "format": .string("short")],
            progress: { line in if line != "encoding 0%" { started.yield(line) } })
        let task = Task { try await VideoStep().run(context) }

        var lines = encoding.makeAsyncIterator()
        let first = await lines.next()
        #expect(first?.hasPrefix("encoding ") == true)
        let running = ffmpegChildren(in: fixture.artifactsDirectory)
        #expect(running.count == 1)

        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(running.allSatisfy { !ProcessProbe.isAlive($0) })
        #expect(ffmpegChildren(in: fixture.artifactsDirectory).isEmpty)
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.artifactsDirectory.path)
        #expect(left.isEmpty, "a cancelled render left \(left)")
    }
}
