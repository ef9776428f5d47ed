/// Typed access to a step's inputs; a wrong or missing value is a permanent failure that names the input.
extension StepContext {
    public func string(_ name: String) throws(StepFailure) -> String? {
        switch inputs[name] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case .int(let value)?: return String(value)
        case .double(let value)?: return String(value)
        case .bool(let value)?: return String(value)
        case .list?, .map?: throw StepFailure(.permanent, "input '\(name)' must be text, not a list or mapping.")
        }
    }

    public func requiredString(_ name: String) throws(StepFailure) -> String {
        guard let value = try string(name), !value.trimmingBlanks().isEmpty else {
            throw StepFailure(.permanent, "input '\(name)' is empty; the \(stepID) step needs it.")
        }
        return value
    }

    public func int(_ name: String) throws(StepFailure) -> Int? {
        switch inputs[name] {
        case nil, .null?: return nil
        case .int(let value)?: return value
        case .string(let text)?:
            guard let value = Int(text.trimmingBlanks()) else {
                throw StepFailure(.permanent, "input '\(name)' must be a whole number, found '\(text)'.")
            }
            return value
        default: throw StepFailure(.permanent, "input '\(name)' must be a whole number.")
        }
    }

    public func bool(_ name: String) throws(StepFailure) -> Bool? {
        switch inputs[name] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case .string("true")?: return true
        case .string("false")?: return false
        default: throw StepFailure(.permanent, "input '\(name)' must be true or false.")
        }
    }

    /// A list of texts; a single text is split on commas (`tags: "a, b"`).
    public func stringList(_ name: String) throws(StepFailure) -> [String]? {
        switch inputs[name] {
        case nil, .null?: return nil
        case .list(let items)?:
            var result: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    throw StepFailure(.permanent, "input '\(name)' must be a list of texts.")
                }
                result.append(text)
            }
            return result
        case .string(let text)?:
            return text.split(separator: ",").map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
        default: throw StepFailure(.permanent, "input '\(name)' must be a list of texts.")
        }
    }
}
