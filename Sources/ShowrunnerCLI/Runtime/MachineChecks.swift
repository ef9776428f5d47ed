import ShowrunnerCore
import ShowrunnerSteps

/// `validate`'s checks of this machine (programs, font, voices) as diagnostics on the accounts that need them.
enum MachineChecks {
    /// A problem of the machine rather than of a file is reported against this pseudo-file.
    static let machine = "(this machine)"

    static func diagnostics(for report: ValidationReport) async -> [Diagnostic] {
        let valid = report.accounts.compactMap { account -> (AccountReport, MediaPreflight.Usage)? in
            guard account.isValid, let value = account.account, let mergedPipeline = account.mergedPipeline else {
                return nil
            }
            return (account, MediaPreflight.Usage(account: value, pipeline: mergedPipeline))
        }
        let byID = Dictionary(valid.map { ($0.0.id, $0.0) }) { first, _ in first }
        let lifetime = ChildLifetime.missingWrapperWarning.map { [Diagnostic(.warning, file: machine, $0)] } ?? []
        return lifetime
            + (await MediaPreflight().check(valid.map(\.1))).map { problem in
                guard let id = problem.accountID, let account = byID[id] else {
                    return Diagnostic(.error, file: machine, problem.message)
                }
                let message =
                    problem.message.hasPrefix("voice.voice: ") ? String(problem.message.dropFirst(13)) : problem.message
                return account.document.sourceMap.diagnostic(.error, at: "voice.voice", message)
            }
    }
}
