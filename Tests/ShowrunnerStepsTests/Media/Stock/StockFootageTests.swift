import Foundation
import ShowrunnerCore
import Synchronization
import Testing

@testable import ShowrunnerSteps

/// `video` with `background: { stock: … }` against a fake provider on 127.0.0.1: scenes searched by keyword,
/// downloads cached by id, credits in the outputs, and every fault (429, broken downloads, no results).
struct StockFootageTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    static let key = "pexels-secret-key-123"
    static let sentences = ConfigValueFixtures.sentences([
        ("Lava poured from the volcano.", 0.1, 2.8), ("Ash covered the distant fields.", 3.0, 5.8),
        ("Ships waited in the harbour.", 6.0, 8.8),
    ])
    static let scriptScenes: ConfigValue = .list([
        ScriptScene(text: "Lava poured from the volcano.", keywords: ["volcano", "lava"]).value,
        ScriptScene(text: "Ash covered the distant fields.", keywords: ["ash", "field"]).value,
    ])

    /// A one-second 64×64 H.264 clip's bytes.
    private func clipBytes() async throws -> [UInt8] {
        try await fixture.ffmpeg([
            "-f", "lavfi", "-i", "testsrc2=s=64x64:r=25", "-t", "1", "-pix_fmt", "yuv420p", "clip.mp4",
        ])
        return Array(try Data(contentsOf: fixture.configDirectory.appendingPathComponent("clip.mp4")))
    }

    private func inputs(
        _ server: FakeStockServer, provider: String = "pexels", extra: [String: ConfigValue] = [:]
    )
        async throws -> [String: ConfigValue]
    {
        try await fixture.ffmpeg(["-f", "lavfi", "-i", "aevalsrc='0.2*sin(2*PI*330*t)':s=22050:d=9", "voice.wav"])
        let background: [String: ConfigValue] = [
            "stock": .string(provider), "api_key": .string(Self.key), "base_url": .string(server.baseURL),
        ].merging(extra) { $1 }
        return [
            "audio": .string("voice.wav"), "background": .map(background), "sentences": Self.sentences,
            "script_scenes": Self.scriptScenes, "transition": .int(0),
        ]
    }

    private func context(_ inputs: [String: ConfigValue], progress: ProgressLines = ProgressLines()) -> StepContext {
        fixture.context(
            inputs, redact: { $0.replacingOccurrences(of: Self.key, with: "***") }, progress: { progress.add($0) })
    }

    private var cache: URL { fixture.root.appendingPathComponent("state/cache/stock") }

    @Test func pexelsScenesUseSearchedClipsCachedByIDAndCredited() async throws {
        let clip = try await clipBytes()
        let server = try FakeStockServer { request, base in
            request.path.hasPrefix("/videos/search")
                ? FakeStockServer.pexelsSearch(ids: [11, 12, 13], base: base)
                : .init(headers: ["Content-Type": "video/mp4"], body: clip)
        }
        defer { server.stop() }
        let step = VideoStep(shrink: 8)
        let result = try await step.run(context(try await inputs(server)))
        let video = try #require(result.outputs["video"]?.stringValue)
        #expect(try await MediaProbe.probe(URL(fileURLWithPath: video)).duration > 8.5)

        let searches = server.requests.filter { $0.path.hasPrefix("/videos/search") }
        #expect(searches.count == 3)
        #expect(searches.allSatisfy { $0.headers["authorization"] == Self.key })
        #expect(searches.allSatisfy { $0.path.contains("orientation=portrait") && $0.path.contains("per_page=15") })
        #expect(searches[0].path.contains("query=volcano%20lava"), "\(searches[0].path)")
        let downloads = server.requests.filter { $0.path.hasPrefix("/files/") }.map(\.path)
        #expect(downloads == ["/files/11-sd.mp4", "/files/12-sd.mp4", "/files/13-sd.mp4"])
        for id in [11, 12, 13] {
            #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("pexels/\(id).mp4").path))
        }
        guard case .list(let credits)? = result.outputs["credits"] else {
            Issue.record("no credits")
            return
        }
        #expect(credits.count == 3)
        let attribution = try #require(result.outputs["attribution"]?.stringValue)
        #expect(
            attribution.contains("Video by Author 11 on Pexels (Pexels License): https://www.pexels.com/video/clip-11/")
        )

        // A second video finds the clips in the cache: searches, no downloads.
        _ = try await step.run(context(try await inputs(server)))
        #expect(server.requests.filter { $0.path.hasPrefix("/files/") }.count == 3)
    }

    @Test func pixabaySendsTheKeyAsItsAPIWantsAndCreditsTheMaker() async throws {
        let clip = try await clipBytes()
        let server = try FakeStockServer { request, base in
            request.path.hasPrefix("/api/videos/")
                ? FakeStockServer.pixabaySearch(ids: [31, 32, 33], base: base) : .init(body: clip)
        }
        defer { server.stop() }
        let result = try await VideoStep(shrink: 8).run(context(try await inputs(server, provider: "pixabay")))
        let search = try #require(server.requests.first)
        #expect(search.path.hasPrefix("/api/videos/?key=\(Self.key)&q="), "\(search.path)")
        #expect(server.requests.contains { $0.path == "/files/31-s.mp4" })
        let attribution = try #require(result.outputs["attribution"]?.stringValue)
        #expect(attribution.contains("Video by maker31 on Pixabay (Pixabay Content License)"))
    }

    @Test func aRejectedKeyFailsWithoutShowingIt() async throws {
        let server = try FakeStockServer { _, _ in .json(#"{"error": "bad key"}"#, status: 401) }
        defer { server.stop() }
        let error = await #expect(throws: StepFailure.self) {
            try await VideoStep(shrink: 8).run(context(try await inputs(server, provider: "pixabay")))
        }
        #expect(error?.kind == .auth)
        #expect(error?.message.contains(Self.key) == false)
        #expect(error?.message.contains("Pixabay search") == true, "\(error?.message ?? "")")
    }

    @Test func a429IsWaitedOutForItsRetryAfter() async throws {
        let clip = try await clipBytes()
        let searches = Mutex(0)
        let server = try FakeStockServer { request, base in
            guard request.path.hasPrefix("/videos/search") else { return .init(body: clip) }
            let count = searches.withLock { count in
                count += 1
                return count
            }
            return count == 1
                ? .json(#"{"error": "slow down"}"#, status: 429, headers: ["Retry-After": "7"])
                : FakeStockServer.pexelsSearch(ids: [41, 42, 43], base: base)
        }
        defer { server.stop() }
        let waits = Mutex<[Duration]>([])
        let step = VideoStep(shrink: 8, pause: { wait in waits.withLock { $0.append(wait) } })
        let result = try await step.run(context(try await inputs(server)))
        #expect(waits.withLock { $0 } == [.seconds(7)])
        guard case .list(let credits)? = result.outputs["credits"] else {
            Issue.record("no credits")
            return
        }
        #expect(credits.count == 3)
    }

    @Test(arguments: [("2", 3), ("3600", 0)])
    func rateLimitsBeyondTheBoundFailTheStepAsRateLimited(retryAfter: String, expectedWaits: Int) async throws {
        let server = try FakeStockServer { _, _ in
            .json(#"{"error": "slow down"}"#, status: 429, headers: ["Retry-After": retryAfter])
        }
        defer { server.stop() }
        let waits = Mutex<[Duration]>([])
        let step = VideoStep(shrink: 8, pause: { wait in waits.withLock { $0.append(wait) } })
        let error = await #expect(throws: StepFailure.self) { try await step.run(context(try await inputs(server))) }
        #expect(error?.kind == .rateLimit)
        #expect(waits.withLock { $0.count } == expectedWaits)
        #expect(server.requests.count == expectedWaits + 1)
    }

    @Test func brokenDownloadsAreReportedAndTheSceneFallsBackToTheLibrary() async throws {
        try FileManager.default.createDirectory(
            at: fixture.configDirectory.appendingPathComponent("library"), withIntermediateDirectories: true)
        for name in ["volcano", "field", "harbour"] {
            try await fixture.ffmpeg([
                "-f", "lavfi", "-i", "color=c=red:s=96x96", "-frames:v", "1", "library/\(name).png",
            ])
        }
        let clip = try await clipBytes()
        let server = try FakeStockServer { request, base in
            if request.path.hasPrefix("/videos/search") {
                return FakeStockServer.pexelsSearch(ids: [51, 52], base: base)
            }
            if request.path.hasPrefix("/files/51") {
                return .init(body: Array(clip.prefix(2000)), declaredLength: clip.count)
            }
            return .init(body: Array(repeating: 0x42, count: 4096))  // not a video
        }
        defer { server.stop() }
        let progress = ProgressLines()
        let result = try await VideoStep(shrink: 8).run(
            context(try await inputs(server, extra: ["library": .string("library")]), progress: progress))
        guard case .list(let scenes)? = result.outputs["scenes"] else {
            Issue.record("no scenes")
            return
        }
        let sources = scenes.compactMap { scene -> String? in
            guard case .map(let fields) = scene else { return nil }
            return fields["source"]?.stringValue
        }
        #expect(sources.count == 3)
        #expect(sources.allSatisfy { $0.contains("/library/") }, "\(sources)")
        #expect(result.outputs["credits"] == nil)
        let lines = progress.lines
        #expect(lines.contains { $0.contains("Pexels video 51") }, "\(lines)")
        #expect(lines.contains { $0.contains("video 52 is not a video ffmpeg can read") }, "\(lines)")
        let cached =
            (try? FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("pexels").path)) ?? []
        #expect(cached.isEmpty, "\(cached)")
    }

    @Test func anEmptyResultFallsBackToTheColour() async throws {
        let server = try FakeStockServer { _, _ in .json(#"{"page": 1, "per_page": 15, "videos": []}"#) }
        defer { server.stop() }
        let result = try await VideoStep(shrink: 8).run(
            context(try await inputs(server, extra: ["color": .string("#2a9d8f")])))
        guard case .list(let scenes)? = result.outputs["scenes"] else {
            Issue.record("no scenes")
            return
        }
        let sources = scenes.compactMap { scene -> String? in
            guard case .map(let fields) = scene else { return nil }
            return fields["source"]?.stringValue
        }
        #expect(sources.count == 3 && sources.allSatisfy { !$0.contains("/") }, "\(sources)")
        #expect(result.outputs["attribution"] == nil)
        let video = try #require(result.outputs["video"]?.stringValue)
        #expect(try await MediaProbe.probe(URL(fileURLWithPath: video)).duration > 8.5)
    }
}

/// Progress lines a step reported.
final class ProgressLines: Sendable {
    private let recorded = Mutex<[String]>([])
    func add(_ line: String) { recorded.withLock { $0.append(line) } }
    var lines: [String] { recorded.withLock { $0 } }
}
