import Foundation

/// A single `Range: bytes=…` request header resolved against a file size (RFC 9110 §14.1.2): `first-last`,
/// `first-` or `-suffix`. Several ranges are not supported (the whole file is sent instead).
struct ByteRange: Equatable, Sendable {
    let lower: Int
    /// Inclusive.
    let upper: Int

    var count: Int { upper - lower + 1 }

    enum Parsed: Equatable {
        /// No usable header: send the whole file (200).
        case whole
        case range(ByteRange)
        /// A syntactically valid range outside the file: 416.
        case unsatisfiable
    }

    static func parse(_ header: String?, size: Int) -> Parsed {
        guard let header else { return .whole }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes="), !trimmed.contains(",") else { return .whole }
        let spec = trimmed.dropFirst("bytes=".count)
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .whole }
        let first = parts[0].trimmingCharacters(in: .whitespaces)
        let last = parts[1].trimmingCharacters(in: .whitespaces)
        if first.isEmpty {
            guard let suffix = Int(last), suffix >= 0 else { return .whole }
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .range(ByteRange(lower: max(0, size - suffix), upper: size - 1))
        }
        guard let lower = Int(first), lower >= 0 else { return .whole }
        let upper: Int
        if last.isEmpty {
            upper = size - 1
        } else {
            guard let value = Int(last), value >= lower else { return .whole }
            upper = min(value, size - 1)
        }
        guard lower < size else { return .unsatisfiable }
        return .range(ByteRange(lower: lower, upper: upper))
    }
}
