import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

struct EspeakTests {
    static let voices = """
        Pty Language       Age/Gender VoiceName          File                 Other Languages
         5  af              --/M      Afrikaans          gmw/af
         5  cmn             --/M      Chinese_(Mandarin,_latin_as_English) sit/cmn              (zh-cmn 5)(zh 5)
         2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)
         2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
        """
    static let variants = """
        Pty Language       Age/Gender VoiceName          File                 Other Languages
         5  variant         --/M      Adam               !v/adam
         5  variant         --/F      f3                 !v/f3
         5  variant         --/M      Klatt              !v/klatt
        """
    let catalog = EspeakVoiceCatalog(voices: voices, variants: variants)

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
