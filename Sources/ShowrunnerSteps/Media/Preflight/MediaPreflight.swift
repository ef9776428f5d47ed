import Foundation
import ShowrunnerCore

/// Checks, before anything runs, that this machine has what the media steps need: `espeak-ng` for espeak voices,
/// the Python and the voice model for Piper voices (`PiperRuntime`),
/// `ffmpeg` and `ffprobe` for thumbnails and videos, the DejaVu Sans Bold font for their text, and each espeak
/// voice the accounts name. Every problem says which Debian package to install. Only what the accounts use is
/// checked: no `video` step, no ffmpeg requirement.
///
///     let usages = accounts.map { MediaPreflight.Usage(account: $0.account, pipeline: $0.mergedPipeline) }
///     for problem in await MediaPreflight().check(usages) { print(problem) }
public struct MediaPreflight: Sendable {
    /// One problem; `accountID` is nil for a problem of the machine (a missing program or font).
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var accountID: String?
        /// One sentence that ends with what to install.
        public var message: String

        public init(accountID: String?, message: String) {
            self.accountID = accountID
            self.message = message
        }

        public var description: String { accountID.map { "\($0): \(message)" } ?? message }
    }

    /// What one account uses: its voice and the step kinds (`uses:`) of its pipeline.
    public struct Usage: Sendable, Hashable {
        public var accountID: String
        public var voice: Voice
        public var kinds: Set<String>

        public init(accountID: String, voice: Voice, kinds: Set<String>) {
            self.accountID = accountID
            self.voice = voice
            self.kinds = kinds
        }

        /// The account's voice and the kinds of `pipeline` (the account's pipeline with its overrides applied).
        public init(account: Account, pipeline: Pipeline) {
            self.init(accountID: account.id, voice: account.voice, kinds: Set(pipeline.steps.map(\.uses)))
        }

        var speaksWithEspeak: Bool { kinds.contains("tts") && voice.provider == .espeak }
        var speaksWithPiper: Bool { kinds.contains("tts") && voice.provider == .piper }
        var drawsText: Bool { !kinds.isDisjoint(with: ["thumbnail", "video"]) }
    }

    let probe: Probe
    /// Where relative `voice.model` and `voice.python` paths start, and the first place the venv is looked for.
    let configDirectory: URL

    /// `probe`: how programs, files and voice listings are looked up (`.system` by default; tests pass fakes).
    public init(
        probe: Probe = .system,
        configDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        self.probe = probe
        self.configDirectory = configDirectory
    }

    /// Every problem found, machine problems first, then each account's voice in order.
    public func check(_ usages: [Usage]) async -> [Problem] {
        var problems: [Problem] = []
        let speakers = usages.filter(\.speaksWithEspeak)
        let hasEspeak = speakers.isEmpty || probe.findProgram("espeak-ng") != nil
        if !hasEspeak {
            problems.append(missing("espeak-ng", package: "espeak-ng", for: "the tts step's espeak voices", speakers))
        }
        let drawers = usages.filter(\.drawsText)
        if !drawers.isEmpty {
            for program in ["ffmpeg", "ffprobe"] where probe.findProgram(program) == nil {
                problems.append(missing(program, package: "ffmpeg", for: "the thumbnail and video steps", drawers))
            }
            if await !hasFont() {
                let message =
                    "the font DejaVu Sans Bold is missing; thumbnails and subtitles are drawn with it. "
                    + "Install it with: apt-get install \(FontLocator.package)."
                problems.append(Problem(accountID: nil, message: message))
            }
        }
        if hasEspeak, !speakers.isEmpty { problems += await voiceProblems(speakers) }
        return problems + piperProblems(usages.filter(\.speaksWithPiper))
    }

    private func missing(_ program: String, package: String, for use: String, _ usages: [Usage]) -> Problem {
        let accounts = usages.map(\.accountID).joined(separator: ", ")
        return Problem(
            accountID: nil,
            message: "\(program) is not installed; \(use) need it (accounts: \(accounts)). "
                + "Install it with: apt-get install \(package).")
    }

    /// DejaVu Sans Bold through fontconfig, or at its usual path.
    private func hasFont() async -> Bool {
        let matched = await probe.output("fc-match", ["-f", "%{file}", FontLocator.pattern])?.trimmingSpaces()
        if let matched, matched.contains("DejaVuSans"), probe.fileExists(matched) { return true }
        return probe.fileExists(FontLocator.fallbackPath)
    }

    /// Each Piper voice whose Python or model file is missing, named (`voice.model: the Piper voice model … does
    /// not exist`).
    private func piperProblems(_ speakers: [Usage]) -> [Problem] {
        speakers.compactMap { usage -> Problem? in
            do {
                _ = try PiperRuntime.resolve(
                    usage.voice, configDirectory: configDirectory, fileExists: probe.fileExists)
                return nil
            } catch {
                let key = (error as? PiperRuntime.Problem)?.key ?? "voice.model"
                return Problem(accountID: usage.accountID, message: "\(key): voice provider 'piper': \(error)")
            }
        }
    }

    private func voiceProblems(_ speakers: [Usage]) async -> [Problem] {
        guard let voices = await probe.output("espeak-ng", ["--voices"]),
            let variants = await probe.output("espeak-ng", ["--voices=variant"])
        else {
            return [
                Problem(
                    accountID: nil,
                    message:
                        "espeak-ng cannot list its voices; reinstall it with: "
                        + "apt-get install --reinstall espeak-ng espeak-ng-data."
                )
            ]
        }
        let catalog = EspeakVoiceCatalog(voices: voices, variants: variants)
        return speakers.compactMap { usage in
            catalog.check(usage.voice.voice).map { problem in
                let text = EspeakSpeech.message(problem, voice: usage.voice.voice)
                return Problem(accountID: usage.accountID, message: "voice.voice: " + text)
            }
        }
    }
}
