import Foundation
import ShowrunnerCore
import ShowrunnerSteps
import ShowrunnerStore

#if canImport(Glibc)
    import Glibc
#endif

/// `YouTubeBench serve`: the fake YouTube (bytes checksummed, not kept), printing its base URL and one line per
/// completed video. `YouTubeBench upload URL FILE CHUNK [REPEATS]`: the real `upload.youtube` step, in-process with a
/// SQLite store, as the engine runs it; prints one line of figures per repeat.
@main
struct YouTubeBench {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        switch arguments.first {
        case "serve": try serve()
        case "upload" where arguments.count >= 4:
            let rest = Array(arguments.dropFirst())
            try await upload(
                base: rest[0], file: rest[1], chunk: rest[2], repeats: Int(rest.dropFirst(3).first ?? "1") ?? 1)
        default:
            FileHandle.standardError.write(
                Data("usage: YouTubeBench serve | upload BASE_URL FILE CHUNK [REPEATS]\n".utf8))
            exit(2)
        }
    }

    static func serve() throws {
        let server = try FakeYouTubeServer(storage: .digest)
        emit("base \(server.baseURL)")
        var reported = 0
        while true {  // a benchmark helper: poll and report until killed
            let videos = server.videos
            for video in videos.dropFirst(reported) {
                emit("video \(video.id) \(video.size) fnv1a64 \(video.fnv1a64)")
            }
            reported = videos.count
            usleep(50_000)
        }
    }

    static func upload(base: String, file: String, chunk: String, repeats: Int) async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("youtube-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let credentials = state.appendingPathComponent("credentials.json")
        try Data(#"{"client_id": "bench", "client_secret": "bench", "refresh_token": "bench"}"#.utf8).write(
            to: credentials)
        let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
        emit("file \(size) fnv1a64 \(try digest(file))")  // for run.sh to compare with what the server got
        for index in 1...repeats {
            // A fresh store per repeat: the same bytes for the same account are otherwise "already uploaded".
            let store = try SQLiteStore(path: state.appendingPathComponent("run\(index)/showrunner.sqlite").path)
            let steps = BuiltInSteps.youtubeSteps(
                resolveSecret: { _ throws(StepFailure) in
                    String(decoding: FileManager.default.contents(atPath: credentials.path) ?? Data(), as: UTF8.self)
                })
            let step = steps["upload.youtube"]!
            let context = Self.context(base: base, file: file, chunk: chunk, store: store, state: state)
            let (hashWall, hashCPU) = try await measure { _ = try await step.dryRun(context) }  // reads the file once
            var outputs: [String: ConfigValue] = [:]
            let (wall, cpu) = try await measure { outputs = try await step.run(context).outputs }
            let megabytes = Double(size) / 1_000_000
            // The step's run = the checksum pass (as in the dry run) + the transfer.
            let transfer = max(wall - hashWall, 0.001)
            emit(
                String(
                    format: "upload chunk=%@ size_mb=%.1f wall_s=%.3f mb_per_s=%.1f transfer_mb_per_s=%.1f cpu_s=%.3f "
                        + "checksum_wall_s=%.3f checksum_cpu_s=%.3f peak_rss_mb=%.1f video=%@",
                    chunk, megabytes, wall, megabytes / wall, megabytes / transfer, cpu, hashWall, hashCPU, peakRSS(),
                    outputs["video_id"]?.stringValue ?? "?"))
        }
    }

    static func context(base: String, file: String, chunk: String, store: SQLiteStore, state: URL) -> StepContext {
        var providers = ProviderSettings()
        providers.youtube.tokenURL = "\(base)/token"
        providers.youtube.apiBase = "\(base)/youtube/v3"
        providers.youtube.uploadBase = "\(base)/upload/youtube/v3"
        let youtube = YouTubeSettings(credentials: "${file:credentials.json}", privacy: .private)
        let account = Account(
            id: "bench", channel: Channel(type: "bench", youtube: youtube), schedule: nil, pipeline: .named("bench"))
        let run = RunRecord(id: "bench-run", accountID: "bench", pipeline: "bench", trigger: .manual, createdAt: Date())
        return StepContext(
            inputs: ["video": .string(file), "title": .string("Benchmark upload"), "chunk_size": .string(chunk)],
            account: account, run: run, stepID: "upload", attempt: 1, artifactsDirectory: state,
            configDirectory: state, settings: DaemonSettings(providers: providers), stores: StepStores(store))
    }

    /// One line on stdout, unbuffered (run.sh reads it while this process runs).
    static func emit(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    /// FNV-1a 64 of the file, read in 8 MiB pieces (not timed).
    static func digest(_ path: String) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var hash = FNV1a64()
        while let piece = try handle.read(upToCount: 8 << 20), !piece.isEmpty { hash.update(piece) }
        return hash.hex
    }

    /// Wall seconds and CPU seconds (user + system, this process) of `body`.
    static func measure(_ body: () async throws -> Void) async throws -> (Double, Double) {
        let (cpuStart, clock) = (cpuSeconds(), ContinuousClock())
        let elapsed = try await clock.measure { try await body() }
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (wall, cpuSeconds() - cpuStart)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The process's peak resident set so far, in MB.
    static func peakRSS() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
