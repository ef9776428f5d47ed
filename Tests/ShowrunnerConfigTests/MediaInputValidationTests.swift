import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerConfig

/// `validate` checks the video step's media inputs that are known before a run: the library folder, the music
/// (a file must be audio), the intro, outro and logo.
struct MediaInputValidationTests {
    static let pipeline = """
        name: p
        steps:
          - id: script
            uses: script.template
            with: { title: t, text: x }
          - id: voice
            uses: tts
          - id: video
            uses: video
            with:
              background: { library: media/library }
              music: "{{ vars.music }}"
              intro: media/intro.mp4

        """

    static let account = """
        channel: { type: c }
        schedule: { cron: "0 9 * * *" }
        pipeline: p
        vars: { music: media/music }

        """

    private func diagnostics(
        account: String = account, pipeline: String = pipeline, files: Set<String>
    ) -> [String] {
        var fixture = ConfigFixture()
        fixture.pipelines = ["p": pipeline]
        fixture.accounts = ["a": account]
        fixture.files = files
        return fixture.diagnostics()
    }

    @Test func presentMediaPasses() {
        #expect(diagnostics(files: ["media/library", "media/music", "media/intro.mp4"]) == [])
    }

    @Test func aMissingLibraryFolderAndIntroAreErrorsWhereTheyAreWritten() {
        let found = diagnostics(files: ["media/music"])
        #expect(
            found == [
                "accounts.d/a.yaml:3:11: error: pipeline: pipeline 'p' (pipelines/p.yaml) has errors; fix them first.",
                "pipelines/p.yaml:11:30: error: steps[2].with.background.library: step 'video': the folder "
                    + "'media/library' does not exist (paths are relative to the config folder); create it or fix "
                    + "the path (scripts/make-media.sh makes the example's media).",
                "pipelines/p.yaml:13:14: error: steps[2].with.intro: step 'video': the file 'media/intro.mp4' does "
                    + "not exist (paths are relative to the config folder); create it or fix the path.",
            ], "\(found)")
    }

    @Test func musicThatIsNotAudioIsAnErrorOnTheAccountsLine() {
        let found = diagnostics(
            account: Self.account.replacingOccurrences(of: "media/music", with: "media/notes.txt")
                + "steps:\n  video:\n    with: { intro: clips/hello.mov }\n",
            files: ["media/library", "media/notes.txt", "media/intro.mp4"])
        #expect(
            found == [
                "accounts.d/a.yaml:4:16: error: vars.music: step 'video' (music): 'media/notes.txt' is not an audio "
                    + "file; use an mp3, wav, ogg, opus, m4a or flac file, or a folder of them.",
                "accounts.d/a.yaml:7:20: error: steps.video.with.intro: step 'video' (intro): the file "
                    + "'clips/hello.mov' does not exist (paths are relative to the config folder); create it or fix "
                    + "the path.",
            ], "\(found)")
    }
}
