import Foundation
import ShowrunnerCore
import ShowrunnerSteps

/// `doctor`'s checks of programs, the font and the voices; each is an error only when an account needs it.
struct DoctorMachine {
    let probe: MediaPreflight.Probe
    let configDirectory: URL
    /// What each valid account uses.
    let usages: [MediaPreflight.Usage]

    private var preflight: MediaPreflight { MediaPreflight(probe: probe, configDirectory: configDirectory) }
    private var drawers: [MediaPreflight.Usage] {
        usages.filter { !$0.kinds.isDisjoint(with: ["thumbnail", "video"]) }
    }
    private func speakers(_ provider: Voice.Provider) -> [MediaPreflight.Usage] {
        usages.filter { $0.kinds.contains("tts") && $0.voice.provider == provider }
    }

    func checks() async -> [DoctorCheck] {
        var found: [DoctorCheck] = []
        for name in ["ffmpeg", "ffprobe"] {
            found.append(await program(name, version: ["-version"], package: "ffmpeg", needed: !drawers.isEmpty))
        }
        found.append(await font())
        let espeak = speakers(.espeak)
        found.append(await program("espeak-ng", version: ["--version"], package: "espeak-ng", needed: !espeak.isEmpty))
        if !espeak.isEmpty, probe.findProgram("espeak-ng") != nil { found.append(await voices(espeak)) }
        for usage in speakers(.piper) { found.append(await piper(usage)) }
        return found
    }

    private func program(_ name: String, version: [String], package: String, needed: Bool) async -> DoctorCheck {
        guard let path = probe.findProgram(name) else {
            return .missing(name, needed: needed, "not installed; install it with: apt-get install \(package)")
        }
        let line = await preflight.firstLine(of: path, version) ?? "does not run"
        return DoctorCheck(name, .ok, "\(path) (\(line))")
    }

    private func font() async -> DoctorCheck {
        guard let path = await preflight.fontPath() else {
            return .missing(
                "font", needed: !drawers.isEmpty,
                "DejaVu Sans Bold is missing; install it with: apt-get install \(MediaPreflight.fontPackage)")
        }
        return DoctorCheck("font", .ok, path)
    }

    /// Every espeak voice the accounts name exists.
    private func voices(_ speakers: [MediaPreflight.Usage]) async -> DoctorCheck {
        let spoken = speakers.map { MediaPreflight.Usage(accountID: $0.accountID, voice: $0.voice, kinds: ["tts"]) }
        let problems = await preflight.check(spoken)
        guard problems.isEmpty else {
            return DoctorCheck("voices", .error, problems.map(\.description).joined(separator: "; "))
        }
        let names = Set(speakers.map(\.voice.voice)).sorted().joined(separator: ", ")
        return DoctorCheck("voices", .ok, "espeak-ng has \(names)")
    }

    /// The Piper voice's Python and model exist and the Python imports `piper`.
    private func piper(_ usage: MediaPreflight.Usage) async -> DoctorCheck {
        let name = "piper \(usage.accountID)"
        switch preflight.piper(usage.voice) {
        case .failure(let problem):
            return DoctorCheck(name, .error, problem.description)
        case .success(let runtime):
            guard await probe.output(runtime.python, ["-c", "import piper"]) != nil else {
                return DoctorCheck(
                    name, .error,
                    "\(runtime.python) cannot import piper; run scripts/install-deps.sh or set voice.python")
            }
            return DoctorCheck(name, .ok, "\(runtime.model) with \(runtime.python)")
        }
    }
}
