import Foundation
import Testing

@testable import ShowrunnerSteps

struct CompositionRecipeTests {
    let frame = Frame(width: 1080, height: 1920)
    let still = URL(fileURLWithPath: "/lib/lava.png")
    let clip = URL(fileURLWithPath: "/lib/sea.mp4")

    private func recipe(
        _ scenes: [ScenePart], transition: Double = 0.4, intro: URL? = nil, outro: URL? = nil, logo: URL? = nil,
        subtitles: String? = "subtitles.ass"
    ) -> CompositionRecipe {
        CompositionRecipe(
            frame: frame, scenes: scenes, transition: transition, intro: intro, outro: outro, logo: logo,
            subtitles: subtitles, audio: URL(fileURLWithPath: "/work/sound-2.wav"), duration: scenes.last?.end ?? 0,
            threads: 1, output: "video.mp4")
    }

    private var threeScenes: [ScenePart] {
        [
            ScenePart(source: .still(still), start: 0, end: 3.2),
            ScenePart(source: .clip(clip), start: 3.2, end: 7),
            ScenePart(source: .color("navy"), start: 7, end: 10),
        ]
    }

    @Test func crossfadesAreCentredOnTheCutsAndBlendOnlyWhereScenesOverlap() {
        let graph = recipe(threeScenes).filterGraph
        // 0.4 s is 12 frames; the fades into scenes 1 and 2 start at 3.0 s and 6.8 s (frames 90 and 204).
        #expect(graph.contains("[s0]split=2[s0b0][s0t0];[s0b0]trim=start_frame=0:end_frame=90,setpts=PTS-STARTPTS[b0]"))
        #expect(graph.contains("[s0t0]trim=start_frame=90:end_frame=102,setpts=PTS-STARTPTS[t0]"))
        #expect(graph.contains("[s1]split=3[s1h1][s1b1][s1t1];[s1h1]trim=start_frame=0:end_frame=12,"))
        #expect(graph.contains("[s1b1]trim=start_frame=12:end_frame=114,setpts=PTS-STARTPTS[b1]"))
        #expect(graph.contains("[s2b2]trim=start_frame=12,setpts=PTS-STARTPTS[b2]"))
        #expect(graph.contains("[t0][h1]xfade=transition=fade:duration=0.400:offset=0,format=yuv420p[f0]"))
        #expect(graph.contains("[t1][h2]xfade=transition=fade:duration=0.400:offset=0,format=yuv420p[f1]"))
        #expect(graph.contains("[b0][f0][b1][f1][b2]concat=n=5:v=1:a=0[main]"))
        // Each input runs its share plus half a fade on each side that has a neighbour, and a spare frame when a
        // tail is cut from it.
        #expect(graph.contains("trim=duration=3.433,"))
        #expect(graph.contains("trim=duration=4.233,"))
        #expect(graph.contains("trim=duration=3.200,"))
    }

    @Test func noTransitionIsAConcat() {
        let graph = recipe(threeScenes, transition: 0).filterGraph
        #expect(graph.contains("[s0][s1][s2]concat=n=3:v=1:a=0[main]"))
        #expect(!graph.contains("xfade"))
        #expect(graph.contains("trim=duration=3.200,"))
    }

    @Test func aStillIsHeldThenMovedAClipIsLoopedAndFilled() {
        let recipe = recipe(threeScenes)
        let graph = recipe.filterGraph
        #expect(
            graph.hasPrefix(
                "[0:v]scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,setsar=1,format=yuv420p,"
                    + "loop=loop=-1:size=1:start=0,fps=30,trim=duration=3.433,setpts=PTS-STARTPTS,"
                    + "scale=w='trunc(1080*(1+0.12*t/3.433)/2)*2':h=-2:eval=frame:flags=bilinear,crop=1080:1920"))
        #expect(
            graph.contains(
                "[1:v]fps=30,scale=1080:1920:force_original_aspect_ratio=increase:flags=bilinear,crop=1080:1920,"
                    + "setsar=1,format=yuv420p,trim=duration=4.233,setpts=PTS-STARTPTS[s1]"))
        let arguments = recipe.arguments.joined(separator: " ")
        #expect(arguments.contains("-i file:/lib/lava.png -threads 1 -stream_loop -1 -i file:/lib/sea.mp4"))
        #expect(arguments.contains("-f lavfi -i color=c=navy:s=1080x1920:r=30"))
        #expect(arguments.contains("-map [v] -map 3:a:0"))
        #expect(arguments.hasSuffix("-movflags +faststart -t 10.000 video.mp4"))
    }

    @Test func stillsTakeTurnsZoomingAndPanning() {
        let stills = (0..<3).map { ScenePart(source: .still(still), start: Double($0 * 3), end: Double($0 * 3 + 3)) }
        let graph = recipe(stills).filterGraph
        #expect(graph.contains("[1:v]scale=1210:2150:force_original_aspect_ratio=increase,crop=1210:2150"))
        #expect(graph.contains("crop=1080:1920:x='(iw-ow)*t/3.433':y='(ih-oh)/2'[s1]"))
        #expect(graph.contains("crop=1080:1920:x='(iw-ow)*(1-t/3.200)':y='(ih-oh)/2'[s2]"))
    }

    @Test func logoSubtitlesIntroAndOutroWrapTheScenes() {
        let recipe = recipe(
            threeScenes, intro: URL(fileURLWithPath: "/b/intro.mp4"), outro: URL(fileURLWithPath: "/b/outro.mp4"),
            logo: URL(fileURLWithPath: "/b/logo.png"))
        let graph = recipe.filterGraph
        #expect(graph.contains("[5:v]scale=180:-2,format=rgba,colorchannelmixer=aa=0.85[logo]"))
        #expect(graph.contains("[main][logo]overlay=W-w-36:36:format=auto[marked]"))
        #expect(graph.contains("[marked]subtitles=filename=subtitles.ass,format=yuv420p[body]"))
        #expect(graph.contains("[3:v]fps=30,scale=1080:1920"))
        #expect(graph.hasSuffix("[intro][body][outro]concat=n=3:v=1:a=0[v]"))
        #expect(recipe.arguments.joined(separator: " ").contains("-map [v] -map 6:a:0"))
    }

    @Test func oneSceneNeedsNoJoin() {
        let graph = recipe([ScenePart(source: .color("black"), start: 0, end: 5)], subtitles: nil).filterGraph
        #expect(
            graph == "[0:v]setsar=1,format=yuv420p,trim=duration=5.000,setpts=PTS-STARTPTS[s0];[s0]null[main];"
                + "[main]format=yuv420p[v]")
    }
}

struct MixRecipeTests {
    let voice = URL(fileURLWithPath: "/run/voice.wav")

    @Test func theMusicIsLoopedFadedAndDuckedUnderTheVoice() {
        let recipe = MixRecipe(
            voice: voice, music: URL(fileURLWithPath: "/m/bed.mp3"), musicVolume: -20, lead: 1.5, duration: 30,
            output: "mix.wav")
        #expect(recipe.arguments.joined(separator: " ").contains("-stream_loop -1 -i file:/m/bed.mp3"))
        let graph = recipe.filterGraph
        #expect(graph.contains("adelay=delays=1500:all=1,apad=whole_dur=30.000,asplit=2[voice][key]"))
        #expect(
            graph.contains(
                "atrim=duration=30.000,asetpts=PTS-STARTPTS,afade=t=in:d=1.500,afade=t=out:st=27.500:d=2.500,"
                    + "volume=-20.0dB[bed]"))
        #expect(graph.contains("[bed][key]sidechaincompress="))
        #expect(graph.hasSuffix("[voice][ducked]amix=inputs=2:duration=first:normalize=0[mix]"))
    }

    @Test func withoutMusicTheVoiceIsOnlyPlaced() {
        let recipe = MixRecipe(voice: voice, music: nil, musicVolume: -18, lead: 0, duration: 4, output: "mix.wav")
        #expect(
            recipe.filterGraph
                == "[0:a]\(MixRecipe.layout),adelay=delays=0:all=1,apad=whole_dur=4.000[mix]")
    }

    @Test func loudnessIsReadFromTheLastR128SummaryAndCorrected() {
        let stderr = """
            [Parsed_ebur128_6 @ 0x1] Summary:

              Integrated loudness:
                I:         -70.0 LUFS
            [Parsed_ebur128_6 @ 0x2] Summary:

              Integrated loudness:
                I:         -21.4 LUFS
                Threshold: -32.0 LUFS

              True peak:
                Peak:       -4.4 dBFS
            """
        let measured = Loudness.parse(stderr)
        #expect(measured == Loudness.Measurement(integrated: -21.4, truePeak: -4.4))
        #expect(Loudness.correction(after: 0, measured: measured!).map { ($0 * 100).rounded() } == 740)
        #expect(Loudness.correction(after: 7, measured: .init(integrated: -14.2, truePeak: -1.6)) == nil)
        // 6.8 dB bought 6.1 LU (the limiter took the rest): the third pass asks for what 0.7 LU costs at that rate.
        let third = Loudness.correction(
            after: 6.8, measured: .init(integrated: -14.7, truePeak: -1.5), previous: (gain: 0, integrated: -20.8))
        #expect(third.map { ($0 * 100).rounded() } == 758)
        // A slope outside 0.5…1 (a measurement that moved the wrong way) falls back to the plain step.
        let plain = Loudness.correction(
            after: 6, measured: .init(integrated: -15, truePeak: -2), previous: (gain: 5, integrated: -14.5))
        #expect(plain == 7)
        #expect(Loudness.parse("Summary:\n I: -70.0 LUFS\n Peak: -inf dBFS") == nil)
        #expect(
            Loudness.passArguments("mix.wav", gain: 2.5, output: "s.wav").joined(separator: " ").contains(
                "volume=2.50dB,alimiter=limit=0.79"))
    }
}
