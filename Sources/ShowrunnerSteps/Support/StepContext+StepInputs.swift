import Foundation
import ShowrunnerCore

/// Input shapes the built-in kinds need beyond Core's typed accessors.
extension StepContext {
    /// A text input with surrounding whitespace and newlines removed; nil when absent or blank.
    func trimmedString(_ name: String) throws(StepFailure) -> String? {
        try string(name)?.nonBlankTrimmed()
    }

    /// A list of scalars (`run: [ffmpeg, -y, 3]`), each as text.
    func scalarList(_ name: String) throws(StepFailure) -> [String]? {
        switch inputs[name] {
        case nil, .null?: return nil
        case .list(let items)?:
            var result: [String] = []
            for item in items {
                guard let text = item.scalarText else {
                    throw StepFailure(.permanent, "input '\(name)' must be a list of texts, not nested lists.")
                }
                result.append(text)
            }
            return result
        default: throw StepFailure(.permanent, "input '\(name)' must be a list, like [program, argument].")
        }
    }

    /// A mapping of names to scalars (`env`, `headers`), each value as text.
    func scalarMap(_ name: String) throws(StepFailure) -> [String: String]? {
        switch inputs[name] {
        case nil, .null?: return nil
        case .map(let entries)?:
            var result: [String: String] = [:]
            for (key, value) in entries {
                guard let text = value.scalarText else {
                    throw StepFailure(.permanent, "input '\(name).\(key)' must be text, not a list or mapping.")
                }
                result[key] = text
            }
            return result
        default: throw StepFailure(.permanent, "input '\(name)' must be a mapping of names to texts.")
        }
    }
}

extension ConfigValue {
    /// Strings, numbers and booleans as text; nil for null, lists and mappings.
    var scalarText: String? {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .bool(let value): String(value)
        case .null, .list, .map: nil
        }
    }
}
