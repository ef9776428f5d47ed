/// Why the engine refused to start, resume or retry a run; the API answers 404 for an unknown run, else 409.
public enum RunRefusal: Error, Equatable, CustomStringConvertible {
    case noSuchRun(String)
    case alreadyRunning(String, owner: String)
    case nothingToRetry(String, RunStatus)
    case fireAlreadyRecorded(String)
    case alreadyRetried(String, by: String)
    case accountNotConfigured(String)

    public var description: String {
        switch self {
        case .noSuchRun(let id): "No run with id '\(id)'."
        case .alreadyRunning(let id, let owner):
            "Run '\(id)' is being executed by \(owner); it cannot be taken over."
        case .nothingToRetry(let id, let status):
            "Run '\(id)' is \(status.rawValue); only failed, cancelled or interrupted runs can be retried."
        case .fireAlreadyRecorded(let id): "This fire already produced a run (\(id))."
        case .accountNotConfigured(let id):
            "Account '\(id)' has no valid configuration to run with; fix its file first."
        case .alreadyRetried(let id, let retry):
            "Run '\(id)' was already retried as '\(retry)'; retry that run instead."
        }
    }
}
