import ShowrunnerYAML

/// The type of a plain (unquoted) YAML scalar under the YAML 1.2 core schema. Files are composed from libyaml's events
/// without tag resolution, and typed here instead.
enum PlainScalar {
    /// For typed fields: `true`/`false`, and YAML 1.1's `yes`/`no`/`on`/`off`, any case.
    static func bool(_ scalar: YAMLNode.Scalar) -> Bool? {
        switch scalar.string.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    /// A free value (`with:`, `vars:`): quoted scalars are text; plain ones are null, `true`/`false`, integers
    /// and decimals as YAML 1.2 reads them (so `no` and `0755` stay text, not a boolean or an octal).
    static func value(_ scalar: YAMLNode.Scalar) -> ConfigValueKind {
        guard scalar.style == .plain else { return .string }
        let text = scalar.string
        if scalar.isNull { return .null }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if isInteger(text), let value = Int(text) { return .int(value) }
        if isDecimal(text), let value = Double(text) { return .double(value) }
        return .string
    }

    enum ConfigValueKind: Equatable {
        case null, string
        case bool(Bool)
        case int(Int)
        case double(Double)
    }

    private static func isInteger(_ text: String) -> Bool {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return false }
        return digits.count == 1 || digits.first != "0"
    }

    private static func isDecimal(_ text: String) -> Bool {
        let allowed = text.allSatisfy { $0.isASCIIDigit || "+-.eE".contains($0) }
        return allowed && text.contains(where: \.isASCIIDigit)
            && (text.contains(".") || text.lowercased().contains("e"))
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
