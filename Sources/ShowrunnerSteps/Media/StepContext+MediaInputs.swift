import Foundation
import ShowrunnerCore

/// Input shapes the media kinds need.
extension StepContext {
    /// A positive number of seconds (`duration_s: 61.3`, or the same as text).
    func seconds(_ name: String) throws(StepFailure) -> Double {
        let value: Double?
        switch inputs[name] {
        case .double(let number)?: value = number
        case .int(let number)?: value = Double(number)
        case .string(let text)?: value = Double(text.trimmingSpaces())
        case nil, .null?: throw StepFailure(.permanent, "input '\(name)' is missing; the \(stepID) step needs it.")
        default: value = nil
        }
        guard let value, value.isFinite, value > 0 else {
            throw StepFailure(.permanent, "input '\(name)' must be a positive number of seconds.")
        }
        return value
    }

    /// A file input resolved against the config folder; a permanent failure when the file does not exist.
    func existingFile(_ name: String, what: String) throws(StepFailure) -> URL {
        let url = path(try requiredString(name).trimmingSpaces())
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw StepFailure(.permanent, "input '\(name)': the \(what) \(url.path) does not exist.")
        }
        return url
    }
}
