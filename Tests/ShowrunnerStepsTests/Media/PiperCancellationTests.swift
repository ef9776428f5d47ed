import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

#if canImport(Glibc)
    import Glibc
#endif

/// Cancelling the `tts` step while Piper speaks (a timeout, a shutdown) ends its Python process like any child.
@Suite(.enabled(if: PiperAvailability.shouldRun, "run scripts/install-deps.sh"))
struct PiperCancellationTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    /// This process's Python children working in `folder` or below.
    private func pythonChildren(in folder: URL) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(pid_t.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                stat.contains("(python"), ProcessProbe.isAlive(pid),
                let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")
            else { return false }
            let parent = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")[1]
            return (cwd == folder.path || cwd.hasPrefix(folder.path + "/")) && pid_t(parent) == getpid()
        }
    }

    @Test func cancellingMidSpeechEndsPiper() async throws {
        let text = Array(repeating: "Saturn would float in a bathtub big enough to hold it.", count: 40)
            .joined(separator: " ")
        let (spoken, started) = AsyncStream.makeStream(of: String.self)
        let context = fixture.context(
            ["text": .string(text)], voice: Voice(provider: .piper),
            progress: { line in if line.hasPrefix("speaking sentence") { started.yield(line) } })
        let task = Task { try await TTSStep().run(context) }

        var lines = spoken.makeAsyncIterator()
        let first = try #require(await lines.next())  // progress may drop lines under load: any but the last
        #expect(first.hasPrefix("speaking sentence ") && first != "speaking sentence 40/40", "\(first)")
        let running = pythonChildren(in: fixture.artifactsDirectory)
        #expect(running.count == 1)

        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(running.allSatisfy { !ProcessProbe.isAlive($0) })
        #expect(pythonChildren(in: fixture.artifactsDirectory).isEmpty)
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.artifactsDirectory.path)
        #expect(left.isEmpty, "a cancelled voice left \(left)")
    }
}
