/// A diagnostic with the source line it points at, for showing under the message.
public struct DiagnosticView: Sendable, Equatable, Encodable {
    public var diagnostic: Diagnostic
    /// The text of line `diagnostic.line` as the file is now (at most `SourceLine.maxLength` characters).
    public var sourceLine: String?

    public init(diagnostic: Diagnostic, sourceLine: String?) {
        self.diagnostic = diagnostic
        self.sourceLine = sourceLine
    }

    private enum CodingKeys: String, CodingKey { case sourceLine = "source_line" }

    public func encode(to encoder: any Encoder) throws {
        try diagnostic.encodeWireForm(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sourceLine, forKey: .sourceLine)
    }
}
