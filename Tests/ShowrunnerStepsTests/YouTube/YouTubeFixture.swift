import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport

@testable import ShowrunnerSteps

/// A fake YouTube, a config folder with credentials, a video and a thumbnail, in-memory stores, and the step wired
/// to them with no waiting between recoveries. Call `stop()` when done.
final class YouTubeFixture: Sendable {
    static let chunk = 256 * 1024
    /// 2026-03-08T18:00:00Z = 11:00 PDT (DST began at 2:00 that morning).
    static let now = Date(timeIntervalSince1970: 1_772_992_800)
    static let refreshToken = "1//refresh-secret-token"
    static let clientSecret = "GOCSPX-client-secret"

    let server: FakeYouTubeServer
    let files: StepFixture
    let uploads = InMemoryUploadStore()
    let ledger = InMemoryQuotaLedger()
    let video: URL
    let thumbnail: URL
    let step: YouTubeUploadStep

    /// A video of `size` bytes (a few chunks plus a tail, by default).
    init(faults: [FakeYouTubeServer.Fault] = [], size: Int = 4 * chunk + 12_345, recovery: UploadRecovery? = nil) throws
    {
        server = try FakeYouTubeServer(faults: faults)
        files = try StepFixture()
        video = try Self.write(Self.pattern(size), to: files.configDirectory.appendingPathComponent("video.mp4"))
        thumbnail = try Self.write(
            Data(repeating: 0x89, count: 2048), to: files.configDirectory.appendingPathComponent("thumb.png"))
        try files.write(
            """
            {"type": "authorized_user", "client_id": "client-1.apps.googleusercontent.com",
             "client_secret": "\(Self.clientSecret)", "refresh_token": "\(Self.refreshToken)"}
            """, to: "secrets/yt.json")
        let folder = files.configDirectory
        let resolver: SecretReference.Resolver = { reference throws(StepFailure) in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(reference.name).path)
            else { throw StepFailure(.permanent, "secret file \(reference.name) is missing.") }
            return String(decoding: data, as: UTF8.self)
        }
        step = YouTubeUploadStep(
            http: HTTPClient(timeout: .seconds(60)), resolveSecret: resolver,
            recovery: recovery ?? UploadRecovery(setbacks: 4, delay: .zero, maxDelay: .zero))
    }

    func stop() { server.stop() }

    var bytes: Data { (try? Data(contentsOf: video)) ?? Data() }

    func settings(_ quota: ProviderSettings.Quota = ProviderSettings.Quota()) -> DaemonSettings {
        var providers = ProviderSettings()
        providers.youtube.tokenURL = server.tokenURL
        providers.youtube.apiBase = server.apiBase
        providers.youtube.uploadBase = server.uploadBase
        providers.youtube.quota = quota
        return DaemonSettings(providers: providers)
    }

    static func account(_ id: String = "cooking", project: String = "default", playlist: String? = "PL1") -> Account {
        let youtube = YouTubeSettings(
            credentials: "${file:secrets/yt.json}", privacy: .unlisted, categoryID: "26", playlistID: playlist,
            madeForKids: false, syntheticMedia: true, project: project)
        return Account(
            id: id, channel: Channel(type: "cooking", youtube: youtube), schedule: nil, pipeline: .named("shorts"))
    }

    /// The step's inputs: this video and thumbnail, a title, 256 KiB chunks.
    func inputs(_ extra: [String: ConfigValue] = [:]) -> [String: ConfigValue] {
        [
            "video": .string(video.path), "thumbnail": .string(thumbnail.path), "title": .string("Five-minute pasta"),
            "description": .string("Quick and good."), "tags": .strings("pasta", "quick dinner"),
            "chunk_size": .int(Self.chunk),
        ].merging(extra) { $1 }
    }

    func context(
        _ inputs: [String: ConfigValue]? = nil, account: Account = YouTubeFixture.account(),
        quota: ProviderSettings.Quota = ProviderSettings.Quota(), now: Date = YouTubeFixture.now, dryRun: Bool = false,
        redact: @escaping @Sendable (String) -> String = { $0 }
    ) -> StepContext {
        let run = RunRecord(id: "run-1", accountID: account.id, pipeline: "shorts", trigger: .manual, createdAt: now)
        return StepContext(
            inputs: inputs ?? self.inputs(), account: account, run: run, stepID: "upload", attempt: 1,
            artifactsDirectory: files.artifactsDirectory, configDirectory: files.configDirectory,
            settings: settings(quota), dryRun: dryRun, now: { now },
            stores: StepStores(topics: files.topics, uploads: uploads, quota: ledger), redact: redact)
    }

    /// The one complete video, when there is exactly one and its bytes are the file's.
    var theOnlyVideoMatchingTheFile: FakeYouTubeServer.Video? {
        let videos = server.videos
        guard videos.count == 1, videos[0].bytes == bytes else { return nil }
        return videos[0]
    }

    /// Bytes that differ from chunk to chunk, so a misplaced chunk shows.
    static func pattern(_ size: Int, seed: UInt64 = .random(in: 1...UInt64.max)) -> Data {
        var data = Data(count: size)
        var state = seed
        data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
            for index in stride(from: 0, to: size, by: 8) {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17  // xorshift64
                withUnsafeBytes(of: state) { word in
                    for offset in 0..<min(8, size - index) { buffer[index + offset] = word[offset] }
                }
            }
        }
        return data
    }

    private static func write(_ data: Data, to url: URL) throws -> URL {
        try data.write(to: url)
        return url
    }
}
