import Foundation
import ShowrunnerCore

/// The bytes of a config file as text (read by `BoundedFile`, never more than `maxBytes` plus one, to tell that a
/// file is too large), checked to be UTF-8, with the line and column of the first invalid byte (`InvalidUTF8`).
enum ConfigText {
    /// 1 MiB, as Kubernetes limits a ConfigMap: far above any real config file, far below what hurts the daemon.
    static let maxBytes = 1 << 20

    /// The text, or a diagnostic: too large, or not UTF-8 (at the first invalid byte).
    enum Decoded {
        case text(String)
        case problem(Diagnostic)
    }

    static func decode(_ data: Data, file: String) -> Decoded {
        if let problem = sizeProblem(byteCount: data.count, file: file) { return .problem(problem) }
        if let text = String(validating: data, as: UTF8.self) { return .text(text) }
        let invalid = InvalidUTF8.first(in: data)
        return .problem(Diagnostic(.error, file: file, location: invalid, invalid.problem))
    }

    static func sizeProblem(byteCount: Int, file: String) -> Diagnostic? {
        guard byteCount > maxBytes else { return nil }
        return Diagnostic(
            .error, file: file, location: SourceLocation(line: 1, column: 1),
            "the file is larger than \(maxBytes / 1024 / 1024) MiB, too large for a config file; it was not read. "
                + "Keep long lists (topics) in their own files.")
    }
}

extension Diagnostic {
    init(_ severity: Severity, file: String, location invalid: InvalidUTF8, _ message: String) {
        self.init(severity, file: file, location: SourceLocation(line: invalid.line, column: invalid.column), message)
    }
}
