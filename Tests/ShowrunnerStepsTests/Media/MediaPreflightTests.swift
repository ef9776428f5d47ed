import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct MediaPreflightTests {
    /// A machine with `programs` on PATH, `files` on disk, and espeak's real listing format.
    private func probe(programs: Set<String>, files: Set<String>, fcMatch: String? = nil) -> MediaPreflight.Probe {
        MediaPreflight.Probe(
            findProgram: { programs.contains($0) ? "/usr/bin/\($0)" : nil },
            output: { program, arguments in
                guard programs.contains(program) else { return nil }
                switch (program, arguments) {
                case ("espeak-ng", ["--voices"]): return EspeakListing.voices
                case ("espeak-ng", ["--voices=variant"]): return EspeakListing.variants
                case ("fc-match", _): return fcMatch
                default: return nil
                }
            },
            fileExists: { files.contains($0) })
    }

    private let everything: Set = ["espeak-ng", "ffmpeg", "ffprobe", "fc-match"]
    private let font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    private let allKinds: Set = ["tts", "subtitles", "thumbnail", "video"]

    @Test func aCompleteMachineHasNoProblems() async {
        let preflight = MediaPreflight(probe: probe(programs: everything, files: [font], fcMatch: font))
        let usage = MediaPreflight.Usage(accountID: "cooking", voice: Voice(voice: "en-us+f3"), kinds: allKinds)
        #expect(await preflight.check([usage]).isEmpty)
    }

    @Test func missingProgramsAndFontSayWhichPackageToInstall() async {
        let preflight = MediaPreflight(probe: probe(programs: [], files: []))
        let usages = [
            MediaPreflight.Usage(accountID: "cooking", voice: Voice(), kinds: allKinds),
            MediaPreflight.Usage(accountID: "travel", voice: Voice(), kinds: ["tts", "video"]),
        ]
        let problems = await preflight.check(usages)
        #expect(problems.allSatisfy { $0.accountID == nil })
        #expect(
            problems.map(\.message) == [
                "espeak-ng is not installed; the tts step's espeak voices need it (accounts: cooking, travel). "
                    + "Install it with: apt-get install espeak-ng.",
                "ffmpeg is not installed; the thumbnail and video steps need it (accounts: cooking, travel). "
                    + "Install it with: apt-get install ffmpeg.",
                "ffprobe is not installed; the thumbnail and video steps need it (accounts: cooking, travel). "
                    + "Install it with: apt-get install ffmpeg.",
                "the font DejaVu Sans Bold is missing; thumbnails and subtitles are drawn with it. "
                    + "Install it with: apt-get install fonts-dejavu-core.",
            ])
    }

    @Test func unknownVoicesAreReportedPerAccount() async {
        let preflight = MediaPreflight(probe: probe(programs: everything, files: [font]))
        let usages = [
            MediaPreflight.Usage(accountID: "a", voice: Voice(voice: "xx-yy"), kinds: ["tts"]),
            MediaPreflight.Usage(accountID: "b", voice: Voice(voice: "en-us+nope"), kinds: ["tts"]),
            MediaPreflight.Usage(accountID: "c", voice: Voice(voice: "en-gb"), kinds: ["tts"]),
            MediaPreflight.Usage(accountID: "d", voice: Voice(provider: .openai, voice: "alloy"), kinds: ["tts"]),
        ]
        let problems = await preflight.check(usages)
        #expect(problems.map(\.accountID) == ["a", "b"])
        #expect(problems[0].message.hasPrefix("voice.voice: espeak-ng has no voice 'xx-yy'"))
        #expect(problems[1].description.hasPrefix("b: voice.voice: espeak-ng has no variant 'nope'"))
    }

    @Test func onlyWhatTheAccountsUseIsRequired() async {
        let preflight = MediaPreflight(probe: probe(programs: [], files: []))
        let usages = [
            MediaPreflight.Usage(accountID: "a", voice: Voice(provider: .openai), kinds: ["tts", "subtitles"]),
            MediaPreflight.Usage(accountID: "b", voice: Voice(), kinds: ["topic.list", "command"]),
        ]
        #expect(await preflight.check(usages).isEmpty)
    }

    @Test func aFontconfigMatchThatIsNotDejaVuFallsBackToTheUsualPath() async {
        let other = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"
        let usage = MediaPreflight.Usage(accountID: "a", voice: Voice(), kinds: ["thumbnail"])
        let without = MediaPreflight(probe: probe(programs: everything, files: [other], fcMatch: other))
        #expect(await without.check([usage]).map(\.message).first?.contains("fonts-dejavu-core") == true)
        let with = MediaPreflight(probe: probe(programs: everything, files: [other, font], fcMatch: other))
        #expect(await with.check([usage]).isEmpty)
    }

    @Test func theSystemProbeFindsProgramsOnThePath() {
        #expect(MediaPreflight.Probe.searchPath(for: "sh", path: "/nonexistent:/bin:/usr/bin") != nil)
        #expect(MediaPreflight.Probe.searchPath(for: "no-such-program-here", path: "/bin:/usr/bin") == nil)
    }
}
