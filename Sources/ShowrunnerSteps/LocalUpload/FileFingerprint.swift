import Foundation
import ShowrunnerCore

/// A file's size and 64-bit FNV-1a checksum, read in 1 MiB chunks. Enough to tell "the same bytes" from "other
/// bytes" when publishing again; not a cryptographic hash.
struct FileFingerprint: Sendable, Hashable {
    var size: Int
    var fnv1a64: String

    init(size: Int, fnv1a64: String) {
        self.size = size
        self.fnv1a64 = fnv1a64
    }

    init(of url: URL) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hash = FNV1a64()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hash.update(chunk)
            size += chunk.count
        }
        self.init(size: size, fnv1a64: hash.hex)
    }

    /// Nil when `url` does not exist.
    static func ifExists(_ url: URL) throws -> FileFingerprint? {
        FileManager.default.fileExists(atPath: url.path) ? try FileFingerprint(of: url) : nil
    }
}
