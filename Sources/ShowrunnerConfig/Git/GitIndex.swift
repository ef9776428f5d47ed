import Foundation

/// The entries of a git index file (`.git/index`, versions 2–4): path, size and mtime of each tracked file.
struct GitIndex {
    struct Entry {
        var path: String
        var size: Int64
        var modifiedSeconds: Int64
    }

    var entries: [Entry]

    static func read(_ url: URL) -> GitIndex? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return parse([UInt8](data))
    }

    static func parse(_ bytes: [UInt8]) -> GitIndex? {
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("DIRC".utf8) else { return nil }
        let version = word(bytes, 4)
        guard (2...4).contains(version) else { return nil }
        var entries: [Entry] = []
        var offset = 12
        var previousPath: [UInt8] = []
        for _ in 0..<word(bytes, 8) {
            guard offset + 62 <= bytes.count else { return nil }
            let flags = Int(bytes[offset + 60]) << 8 | Int(bytes[offset + 61])
            var pathStart = offset + 62
            if version >= 3, flags & 0x4000 != 0 { pathStart += 2 }
            var path: [UInt8]
            var end: Int
            if version == 4 {
                guard let (strip, afterNumber) = varint(bytes, pathStart) else { return nil }
                guard let nul = bytes[afterNumber...].firstIndex(of: 0) else { return nil }
                path = Array(previousPath.dropLast(min(strip, previousPath.count))) + bytes[afterNumber..<nul]
                end = nul + 1
            } else {
                guard let nul = bytes[pathStart...].firstIndex(of: 0) else { return nil }
                path = Array(bytes[pathStart..<nul])
                end = offset + ((nul - offset + 8) / 8) * 8
            }
            entries.append(
                Entry(
                    path: String(decoding: path, as: UTF8.self), size: Int64(word(bytes, offset + 36)),
                    modifiedSeconds: Int64(word(bytes, offset + 8))))
            previousPath = path
            offset = end
        }
        return GitIndex(entries: entries)
    }

    private static func word(_ bytes: [UInt8], _ offset: Int) -> Int {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
    }

    /// Git's offset encoding for v4 path compression.
    private static func varint(_ bytes: [UInt8], _ start: Int) -> (Int, Int)? {
        var index = start
        guard index < bytes.count else { return nil }
        var value = Int(bytes[index] & 0x7F)
        while bytes[index] & 0x80 != 0 {
            index += 1
            guard index < bytes.count else { return nil }
            value = ((value + 1) << 7) | Int(bytes[index] & 0x7F)
        }
        return (value, index + 1)
    }
}
