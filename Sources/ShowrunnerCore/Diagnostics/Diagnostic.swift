/// One problem found in the config: where (file, line, column, key path) and one sentence on what to do.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }

    public var severity: Severity
    /// The file, relative to the config folder.
    public var file: String
    public var line: Int?
    public var column: Int?
    /// Where in the file's structure (`schedule.cron`, `steps[4].needs`); nil for whole-file problems.
    public var keyPath: String?
    /// One sentence ending with a period.
    public var message: String

    public init(
        _ severity: Severity, file: String, location: SourceLocation? = nil, keyPath: String? = nil,
        _ message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = location?.line
        self.column = location?.column
        self.keyPath = keyPath
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case severity, file, line, column
        case keyPath = "key_path"
        case message
    }

    /// `file:line:col: error: key.path: message`, as compilers print it.
    public var rendered: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        let key = keyPath.map { "\($0): " } ?? ""
        return "\(place): \(severity.rawValue): \(key)\(message)"
    }
}
