import Hummingbird
import ShowrunnerCore
import ShowrunnerEngine

/// A config problem: where (file, line, column, key path) and what, plus the compiler-style line.
struct DiagnosticDTO: Encodable {
    let diagnostic: Diagnostic

    enum CodingKeys: String, CodingKey {
        case severity, file, line, column, message, rendered
        case keyPath = "key_path"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(diagnostic.severity, forKey: .severity)
        try container.encode(diagnostic.file, forKey: .file)
        try container.encode(diagnostic.line, forKey: .line)
        try container.encode(diagnostic.column, forKey: .column)
        try container.encode(diagnostic.keyPath, forKey: .keyPath)
        try container.encode(diagnostic.message, forKey: .message)
        try container.encode(diagnostic.rendered, forKey: .rendered)
    }
}

struct DiagnosticListDTO: ResponseEncodable {
    let diagnostics: [DiagnosticDTO]
}

/// What a reload applied, left unchanged, removed, and found in error.
struct ReloadReportDTO: ResponseEncodable {
    let report: ReloadReport

    enum CodingKeys: String, CodingKey { case applied, unchanged, removed, errors }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.applied, forKey: .applied)
        try container.encode(report.unchanged, forKey: .unchanged)
        try container.encode(report.removed, forKey: .removed)
        try container.encode(report.errors.map(DiagnosticDTO.init), forKey: .errors)
    }
}
