import Foundation
import ShowrunnerCore
import ShowrunnerSteps

/// `validate`'s checks of this machine (programs, font, voices) as diagnostics on the accounts that need them.
enum MachineChecks {
    /// A problem of the machine rather than of a file is reported against this pseudo-file.
    static let machine = "(this machine)"

    static func diagnostics(for report: ValidationReport, configDirectory: URL) async -> [Diagnostic] {
        let valid = report.accounts.compactMap { account -> (AccountReport, MediaPreflight.Usage)? in
            guard account.isValid, let value = account.account, let mergedPipeline = account.mergedPipeline else {
                return nil
            }
            return (account, MediaPreflight.Usage(account: value, pipeline: mergedPipeline))
        }
        let byID = Dictionary(valid.map { ($0.0.id, $0.0) }) { first, _ in first }
        let lifetime = ChildLifetime.missingWrapperWarning.map { [Diagnostic(.warning, file: machine, $0)] } ?? []
        return lifetime
            + (await MediaPreflight(configDirectory: configDirectory).check(valid.map(\.1))).map { problem in
                guard let id = problem.accountID, let account = byID[id] else {
                    return Diagnostic(.error, file: machine, problem.message)
                }
                let (key, message) = located(problem.message)
                return account.document.sourceMap.diagnostic(.error, at: key, message)
            }
    }

    /// The key a voice problem is about (`voice.model: …`) and the message without it; `voice.voice` by default.
    static func located(_ message: String) -> (String, String) {
        for key in ["voice.voice", "voice.model", "voice.python"] where message.hasPrefix(key + ": ") {
            return (key, String(message.dropFirst(key.count + 2)))
        }
        return ("voice.voice", message)
    }
}
