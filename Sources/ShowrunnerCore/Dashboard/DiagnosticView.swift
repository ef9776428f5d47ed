/// A diagnostic with the source line it points at, for showing under the message.
public struct DiagnosticView: Sendable, Equatable, Encodable {
    public var diagnostic: Diagnostic
    /// The text of line `diagnostic.line` as the file is now (at most `SourceLine.maxLength` characters).
    public var sourceLine: String?

    public init(diagnostic: Diagnostic, sourceLine: String?) {
        self.diagnostic = diagnostic
        self.sourceLine = sourceLine
    }

    enum CodingKeys: String, CodingKey {
        case severity, file, line, column, message, rendered
        case keyPath = "key_path"
        case sourceLine = "source_line"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(diagnostic.severity, forKey: .severity)
        try container.encode(diagnostic.file, forKey: .file)
        try container.encode(diagnostic.line, forKey: .line)
        try container.encode(diagnostic.column, forKey: .column)
        try container.encode(diagnostic.keyPath, forKey: .keyPath)
        try container.encode(diagnostic.message, forKey: .message)
        try container.encode(diagnostic.rendered, forKey: .rendered)
        try container.encode(sourceLine, forKey: .sourceLine)
    }
}
