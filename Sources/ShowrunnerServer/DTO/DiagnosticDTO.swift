import Hummingbird
import ShowrunnerCore
import ShowrunnerEngine

/// A config problem: where (file, line, column, key path) and what, plus the compiler-style line.
struct DiagnosticDTO: Encodable {
    let diagnostic: Diagnostic

    func encode(to encoder: any Encoder) throws {
        try diagnostic.encodeWireForm(to: encoder)
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
