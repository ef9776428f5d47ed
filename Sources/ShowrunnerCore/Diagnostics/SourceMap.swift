/// Where each key path of one config file was written, so checks on the model can point back at the YAML.
public struct SourceMap: Sendable, Hashable {
    public let file: String
    private var locations: [String: SourceLocation] = [:]

    public init(file: String) { self.file = file }

    public mutating func record(_ keyPath: String, _ location: SourceLocation) {
        locations[keyPath] = location
    }

    /// Whether `keyPath` itself was written in the file.
    public func contains(_ keyPath: String) -> Bool { locations[keyPath] != nil }

    /// The location of `keyPath`, or of its nearest recorded parent (`steps[2].with.file` → `steps[2].with`).
    public func location(of keyPath: String) -> SourceLocation? {
        var path = Substring(keyPath)
        while true {
            if let location = locations[String(path)] { return location }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return locations[""] }
            path = path[..<cut]
        }
    }

    /// A diagnostic for `keyPath` in this file.
    public func diagnostic(_ severity: Diagnostic.Severity, at keyPath: String, _ message: String) -> Diagnostic {
        Diagnostic(severity, file: file, location: location(of: keyPath), keyPath: keyPath, message)
    }
}
