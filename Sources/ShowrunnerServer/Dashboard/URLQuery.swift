import Foundation

/// Builds the query string of a dashboard link (percent-encoded, empty values dropped).
enum URLQuery {
    static func string(_ items: [(String, String?)]) -> String {
        let parts = items.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(encode(name))=\(encode(value))"
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// Percent-encodes every byte but ASCII letters, digits and `-._~` (RFC 3986's unreserved set); an id made
    /// of those only (most) is returned as it is.
    static func encode(_ value: String) -> String {
        guard !value.utf8.allSatisfy(unreserved) else { return value }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count * 3)
        for byte in value.utf8 {
            if unreserved(byte) {
                bytes.append(byte)
            } else {
                bytes += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func unreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: true
        default: false
        }
    }

    /// A path segment (a run or account id) percent-encoded.
    static func segment(_ value: String) -> String { encode(value) }
}
