import Foundation
import ShowrunnerCore
import ShowrunnerTestSupport
import Testing

@testable import ShowrunnerSteps

/// Renders small videos from a library and measures them with ffprobe and ffmpeg's meters.
struct SceneRenderTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    /// What recent videos used, as the store would answer.
    struct FixedHistory: RecentMedia {
        var used: [String: [String]]
        func recentMedia(accountID: String, output: String, runs: Int) async throws -> [String] { used[output] ?? [] }
    }

    private let step = VideoStep(shrink: 8)

    /// The fixture's context, with `recent` as what the account's recent videos used.
    private func context(_ inputs: [String: ConfigValue], recent: [String: [String]] = [:]) -> StepContext {
        let base = fixture.context(inputs)
        var stores = base.stores
        stores.recentMedia = FixedHistory(used: recent)
        return StepContext(
            inputs: base.inputs, account: base.account, run: base.run, stepID: base.stepID, attempt: base.attempt,
            artifactsDirectory: base.artifactsDirectory, configDirectory: base.configDirectory,
            settings: base.settings, dryRun: base.dryRun, now: base.now, randomIndex: base.randomIndex,
            stores: stores, redact: base.redact, progress: base.progress)
    }

    /// Solid-colour stills (named by their tags) and one looped clip, in `library/`.
    private func makeLibrary() async throws {
        try FileManager.default.createDirectory(
            at: fixture.configDirectory.appendingPathComponent("library"), withIntermediateDirectories: true)
        for (name, colour) in [("volcano", "red"), ("sky", "blue"), ("field", "green"), ("ocean", "black")] {
            try await fixture.ffmpeg([
                "-f", "lavfi", "-i", "color=c=\(colour):s=96x96", "-frames:v", "1", "library/\(name).png",
            ])
        }
        try await fixture.ffmpeg([
            "-f", "lavfi", "-i", "color=c=yellow:s=64x64:r=25", "-t", "0.6", "-pix_fmt", "yuv420p", "library/clip.mp4",
        ])
        try fixture.write(Array("tags: [harvest, crops]\n".utf8), to: "library/clip.yaml")
        try fixture.write(Array("not media, ignored".utf8), to: "library/README.md")
    }

    private func voice(_ expression: String, seconds: Double) async throws {
        try await fixture.ffmpeg(["-f", "lavfi", "-i", "aevalsrc='\(expression)':s=22050:d=\(seconds)", "voice.wav"])
    }

    private func render(
        _ step: VideoStep, _ inputs: [String: ConfigValue], recent: [String: [String]] = [:]
    ) async throws -> (URL, StepResult) {
        let result = try await step.run(context(inputs, recent: recent))
        guard case .string(let path)? = result.outputs["video"] else {
            throw ProgramFailed(program: "video", arguments: [])
        }
        return (URL(fileURLWithPath: path), result)
    }

    private func paths(_ value: ConfigValue?) -> [String] {
        guard case .list(let items)? = value else { return [] }
        return items.compactMap(\.stringValue).map { ($0 as NSString).lastPathComponent }
    }

    @Test func scenesCutAtSentenceBoundariesWithMatchingPicturesNoneTwice() async throws {
        try await makeLibrary()
        try await voice("0.3*sin(2*PI*440*t)", seconds: 12)
        let sentences = ConfigValueFixtures.sentences([
            ("The volcano woke up.", 0.1, 2.9), ("Ash hid the sky for a year.", 3.1, 5.9),
            ("The crops failed before harvest.", 6.1, 8.9), ("People left for the ocean.", 9.1, 11.8),
        ])
        let (video, result) = try await render(
            step,
            [
                "audio": .string("voice.wav"), "background": .map(["library": .string("library")]),
                "sentences": sentences, "transition": .int(0),
            ])
        let probed = try await MediaProbe.probe(video)
        #expect(probed.video?.codec_name == "h264" && probed.audio?.codec_name == "aac")
        #expect(probed.video?.width == 134 && probed.video?.height == 240)
        #expect(abs(probed.duration - 12) < 0.1)
        let used = paths(result.outputs["media"])
        #expect(used == ["volcano.png", "sky.png", "clip.mp4", "ocean.png"])
        #expect(Set(used).count == used.count)
        #expect(result.outputs["still"]?.stringValue?.hasSuffix("/library/volcano.png") == true)
        let cuts = try await MediaMeter.sceneChanges(video)
        let expected = [3.0, 6.0, 9.0]
        #expect(cuts.count == expected.count, "scene changes at \(cuts)")
        for (cut, boundary) in zip(cuts, expected) {
            #expect(abs(cut - boundary) <= 1.0 / 30 + 0.001, "cut at \(cut), sentence boundary at \(boundary)")
        }
    }

    @Test func recentPicturesAreAvoidedAndCrossfadesKeepTheLength() async throws {
        try await makeLibrary()
        try await voice("0.3*sin(2*PI*440*t)", seconds: 6)
        let recent = ["volcano.png", "sky.png"].map {
            fixture.configDirectory.appendingPathComponent("library/\($0)").path
        }
        let (video, result) = try await render(
            step,
            [
                "audio": .string("voice.wav"), "background": .map(["library": .string("library")]),
                "text": .string("First a quiet sentence here. Then a second one follows it."),
            ], recent: ["media": recent])
        #expect(paths(result.outputs["media"]) == ["clip.mp4", "field.png"])
        #expect(abs(try await MediaProbe.probe(video).duration - 6) < 0.1)
    }

    @Test func musicIsDuckedUnderTheVoiceAndTheMixIsAtMinus14LUFS() async throws {
        // The voice speaks (a 1.5 kHz tone) from 2.5 to 5.5 s and from 8.5 s; the music is a 110 Hz tone.
        try await voice("if(between(t,2.5,5.5)+between(t,8.5,10),0.5*sin(2*PI*1500*t),0)", seconds: 10)
        try await fixture.ffmpeg(["-f", "lavfi", "-i", "sine=f=110:d=3:sample_rate=44100", "bed.wav"])
        let (video, result) = try await render(
            step, ["audio": .string("voice.wav"), "background": .string("black"), "music": .string("bed.wav")])
        #expect(paths(result.outputs["music"].map { .list([$0]) }) == ["bed.wav"])
        let loudness = try await MediaMeter.loudness(video)
        #expect(abs(loudness.integrated + 14) <= 1, "integrated \(loudness.integrated) LUFS")
        #expect(loudness.truePeak <= -1, "true peak \(loudness.truePeak) dBTP")
        let underSpeech = try await MediaMeter.lowLevel(video, from: 3.0, to: 5.3)
        let inPause = try await MediaMeter.lowLevel(video, from: 6.0, to: 7.3)
        #expect(inPause - underSpeech >= 8, "music \(underSpeech) dB under speech, \(inPause) dB in the pause")
    }

    @Test(arguments: [("short", 1080, 1920), ("landscape", 1920, 1080), ("square", 1080, 1080)])
    func everyFormatHasItsFrameSize(_ format: String, _ width: Int, _ height: Int) async throws {
        try await voice("0.3*sin(2*PI*440*t)", seconds: 0.6)
        let (video, _) = try await render(
            VideoStep(), ["audio": .string("voice.wav"), "background": .string("navy"), "format": .string(format)])
        let probed = try await MediaProbe.probe(video)
        #expect(probed.video?.width == width && probed.video?.height == height)
        #expect(probed.video?.pix_fmt == "yuv420p")
    }

    @Test func introOutroAndLogoFrameTheNarration() async throws {
        try await voice("0.3*sin(2*PI*440*t)", seconds: 2)
        for (name, colour) in [("intro", "red"), ("outro", "blue")] {
            try await fixture.ffmpeg([
                "-f", "lavfi", "-i", "color=c=\(colour):s=320x180:r=30", "-t", "1", "-pix_fmt", "yuv420p",
                "\(name).mp4",
            ])
        }
        try await fixture.ffmpeg(["-f", "lavfi", "-i", "color=c=white:s=60x60", "-frames:v", "1", "logo.png"])
        let (video, result) = try await render(
            step,
            [
                "audio": .string("voice.wav"), "background": .string("black"), "intro": .string("intro.mp4"),
                "outro": .string("outro.mp4"), "logo": .string("logo.png"),
            ])
        #expect(abs(try await MediaProbe.probe(video).duration - 4) < 0.15)
        #expect(result.outputs["duration_s"] == .double(4))
        // The logo sits in the top right corner of the narration, not over the intro.
        #expect(try await MediaMeter.grey(video, at: 2, x: 134 - 12, y: 8) > 200)
        #expect(try await MediaMeter.grey(video, at: 2, x: 10, y: 200) < 40)
        #expect(try await MediaMeter.grey(video, at: 0.5, x: 134 - 12, y: 8) < 120)
    }

    @Test func aReadyASSFileIsBurnedInAsItIs() async throws {
        try await voice("0.3*sin(2*PI*440*t)", seconds: 1)
        let cues = [SubtitleCue(start: 0, end: 900, lines: ["Word by word"])]
        let ass = ASSDocument.render(cues, format: .square)
        try fixture.write(Array(ass.utf8), to: "words.ass")
        let (video, _) = try await render(
            step, ["audio": .string("voice.wav"), "subtitles": .string("words.ass"), "format": .string("square")])
        #expect(abs(try await MediaProbe.probe(video).duration - 1) < 0.1)
        let burned = try String(
            contentsOf: fixture.artifactsDirectory.appendingPathComponent("subtitles.ass"), encoding: .utf8)
        #expect(burned == ass)
    }

    @Test func badMediaFailsNamingTheFile() async throws {
        try await voice("0.3*sin(2*PI*440*t)", seconds: 1)
        let config = fixture.configDirectory.path
        func failure(_ inputs: [String: ConfigValue]) async -> StepFailure? {
            var all: [String: ConfigValue] = ["audio": .string("voice.wav")]
            all.merge(inputs) { $1 }
            return await Result(asyncCatching: { try await step.run(context(all)) }).failure
        }
        try FileManager.default.createDirectory(
            at: fixture.configDirectory.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try fixture.write(Array("notes".utf8), to: "empty/notes.txt")
        #expect(
            await failure(["background": .map(["library": .string("empty")])])?.message
                == "the media library folder \(config)/empty has no usable media; add images (png, jpg, webp) or "
                + "video clips (mp4, mov, webm, mkv).")
        #expect(
            await failure(["background": .map(["library": .string("nowhere")])])?.message
                == "input 'background': the media library folder \(config)/nowhere does not exist.")
        try FileManager.default.createDirectory(
            at: fixture.configDirectory.appendingPathComponent("broken"), withIntermediateDirectories: true)
        try fixture.write(Array(repeating: 7, count: 2000), to: "broken/scene.mp4")
        let corrupt = await failure(["background": .map(["library": .string("broken")])])
        #expect(corrupt?.kind == .permanent)
        #expect(
            corrupt?.message.hasPrefix("the library file \(config)/broken/scene.mp4 is not a picture or video") == true)
        try fixture.write(Array("la la la".utf8), to: "song.mp3")
        let music = await failure(["music": .string("song.mp3")])
        #expect(music?.kind == .permanent)
        #expect(music?.message.hasPrefix("the music file \(config)/song.mp3 is not audio ffmpeg can read") == true)
        #expect(
            await failure(["music": .string("tunes/")])?.message
                == "input 'music': the music file or folder \(config)/tunes does not exist.")
    }

    @Test func aThumbnailTakesTheVideosBestFrame() async throws {
        try await fixture.ffmpeg([
            "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30", "-t", "2", "-pix_fmt", "yuv420p", "rendered.mp4",
        ])
        let result = try await ThumbnailStep().run(
            fixture.context(["title": .string("The year without a summer"), "background": .string("rendered.mp4")]))
        let image = try #require(result.outputs["image"]?.stringValue)
        let probed = try await MediaProbe.probe(URL(fileURLWithPath: image))
        #expect(probed.video?.codec_name == "png" && probed.video?.width == 1280 && probed.video?.height == 720)
    }
}
