extension Diagnostic {
    private enum WireKeys: String, CodingKey {
        case severity, file, line, column, message, rendered
        case keyPath = "key_path"
    }

    /// The form the HTTP API and the dashboard send: every key present (null when unknown), plus `rendered`.
    public func encodeWireForm(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: WireKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(keyPath, forKey: .keyPath)
        try container.encode(message, forKey: .message)
        try container.encode(rendered, forKey: .rendered)
    }
}
