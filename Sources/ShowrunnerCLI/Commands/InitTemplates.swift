import ShowrunnerConfig

/// The files `showrunner init` writes.
enum InitTemplates {
    /// The editor schemas the YAML files point at (`# yaml-language-server: $schema=…`).
    static var schemaFiles: [(path: String, contents: String)] {
        ConfigSchema.Kind.allCases.map { (".schema/\($0.rawValue).json", ConfigSchema.json($0) + "\n") }
    }

    static let files: [(path: String, contents: String)] = [
        ("accounts.d/my-channel.yaml", account),
        ("pipelines/shorts.yaml", pipeline),
        ("topics/my-channel.yaml", InitTopics.yaml),
        ("showrunner.yaml", settings),
        (".gitignore", "state/\nout/\nsecrets/\n"),
    ]

    static let account = """
        # yaml-language-server: $schema=../.schema/account.json
        # One account = one channel. The file name is the account id unless you set id:.
        name: My Channel
        channel:
          type: productivity
          language: en
        schedule:
          cron: "0 9 * * MON-FRI"     # minute hour day-of-month month day-of-week
          timezone: UTC               # any IANA zone, e.g. Europe/Berlin
        voice:
          provider: piper             # offline neural voice (en_US-joe-medium), installed into .venv by
                                      # scripts/install-deps.sh; nothing is downloaded when a video is made
          # provider: espeak          # the light fallback without Piper: apt install espeak-ng
          # voice: en-us
        pipeline: shorts
        vars:
          topics_file: topics/my-channel.yaml
          colour: "#2a9d8f"
          script: Here is one idea you can use today. Try it once and see what changes.

        """

    static let pipeline = """
        # yaml-language-server: $schema=../.schema/pipeline.json
        name: shorts
        description: 60-second vertical short, rendered offline and saved to out/
        defaults:
          retry: { attempts: 3, delay: 2s, max_delay: 5m }
          timeout: 10m
        steps:
          - id: topic
            uses: topic.list
            with: { file: "{{ vars.topics_file }}" }
          - id: script
            uses: script.template      # the topic's own script wins over text
            with:
              title: "{{ steps.topic.title }}"
              text: "{{ steps.topic.title }}. {{ vars.script }}"
          - id: voice
            uses: tts
          - id: subtitles
            uses: subtitles
            with: { style: words, format: short }   # 1-3 words on screen, the spoken one highlighted
          - id: video
            uses: video
            needs: [voice, subtitles]
            with:
              format: short
              background: "{{ vars.colour }}"
              # Scenes cut at sentence boundaries, one picture each (docs/config.md, "Video"):
              # background: { library: media/library }     # a folder of your own clips and images
              # background: { stock: pexels, api_key: "${env:PEXELS_API_KEY}" }   # stock footage
              # music: media/music                          # ducked under the voice
          - id: thumbnail
            uses: thumbnail
            needs: [script, video]
            optional: true
            with: { background: "{{ steps.video.video }}" }   # the video's most typical frame
          - id: upload
            uses: upload.local
            needs: [video, thumbnail]
            with: { dir: "out/{{ account.id }}" }

        """

    static let settings = """
        # yaml-language-server: $schema=.schema/settings.json
        # Daemon settings; every key is optional.
        state_dir: state
        listen: 127.0.0.1:8080
        max_concurrent_runs: 4
        watch: inotify

        """
}
