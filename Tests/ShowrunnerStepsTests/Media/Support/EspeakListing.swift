/// What `espeak-ng --voices` and `--voices=variant` print on a machine with a few voices, for tests that stub it.
enum EspeakListing {
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
}
