import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct EspeakTests {
    let catalog = EspeakVoiceCatalog(voices: EspeakListing.voices, variants: EspeakListing.variants)

    @Test(arguments: [
        "en-us", "EN-US", "en", "af", "zh", "zh-cmn", "cmn", "gmw/en-US", "en-US", "en-us+f3", "en+Klatt", "en+adam",
    ])
    func installedVoices(_ voice: String) {
        #expect(catalog.check(voice) == nil)
    }

    @Test func unknownLanguagesAndVariantsAreNamed() {
        #expect(catalog.check("xx-yy") == .unknownLanguage("xx-yy"))
        #expect(catalog.check("en-us+nope") == .unknownVariant("nope"))
        #expect(catalog.check("nope+f3") == .unknownLanguage("nope"))
        #expect(
            EspeakSpeech.message(.unknownVariant("nope"), voice: "en-us+nope")
                == "espeak-ng has no variant 'nope' (voice: en-us+nope); `espeak-ng --voices=variant` lists them.")
    }

    @Test(arguments: [
        (1.0, nil as Int?, ["-v", "en-us+f3", "-s", "175", "-p", "50", "-w", "out.wav", "-f", "in.txt"]),
        (1.2, 70, ["-v", "en-us+f3", "-s", "210", "-p", "70", "-w", "out.wav", "-f", "in.txt"]),
        (0.25, 99, ["-v", "en-us+f3", "-s", "80", "-p", "99", "-w", "out.wav", "-f", "in.txt"]),
        (4.0, 0, ["-v", "en-us+f3", "-s", "450", "-p", "0", "-w", "out.wav", "-f", "in.txt"]),
    ])
    func speedAndPitchAreMapped(_ speed: Double, _ pitch: Int?, _ expected: [String]) {
        let voice = Voice(voice: "en-us+f3", speed: speed, pitch: pitch)
        #expect(EspeakSpeech.arguments(voice: voice, output: "out.wav", script: "in.txt") == expected)
    }
}
