/// The topics file `showrunner init` writes: titles with their scripts, cut into scenes with search keywords,
/// so the first video is a real short with no API key.
enum InitTopics {
    static let yaml = """
        # Topics with their scripts (docs/config.md, "Topics files"): each topic is a title and its scenes,
        # {text, keywords}; the keywords pick a picture from the media library or stock footage. A bare
        # title (- Some title) works too: the pipeline's `script` var is spoken after it.

        - title: The two-minute rule
          scenes:
            - text: >-
                Some tasks sit on your list for weeks, although each would take less than two minutes. The
                two-minute rule, from David Allen's book Getting Things Done, says: if it takes less than two
                minutes, do it now.
              keywords: [to do list, desk]
            - text: >-
                Writing the task down, reading it again tomorrow and feeling bad about it costs more time than
                the task itself. Replying to a short message, filing one document or washing one cup are done
                before you could have planned them.
              keywords: [email, office]
            - text: >-
                There is a second version for habits. Start any new habit with a version that takes two
                minutes: read one page, put on your running shoes, write one sentence. Starting is the hard
                part, and two minutes is small enough to start today.
              keywords: [running shoes, book]

        - title: Why sleep beats coffee
          scenes:
            - text: >-
                Coffee works by blocking adenosine, the chemical that builds up in your brain the longer you
                are awake and makes you feel sleepy. It hides the tiredness; it does not remove it.
              keywords: [coffee, morning]
            - text: >-
                Caffeine has a half-life of about five hours, so half of an afternoon coffee is still in your
                body at bedtime, and it can make deep sleep shorter even when you fall asleep easily.
              keywords: [clock, night]
            - text: >-
                Sleep is when adenosine is actually cleared, and when the brain stores what you learned during
                the day. Most adults need seven to nine hours. If you rely on coffee to get through every
                morning, the cheaper fix is often an earlier bedtime.
              keywords: [sleep, bedroom]

        """
}
