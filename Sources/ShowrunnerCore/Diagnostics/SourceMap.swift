/// Where each key path of one config file was written (for diagnostics).
///
/// Compact, because the daemon keeps one per account for its whole life: the key paths are one run of UTF-8
/// bytes and each entry is 12 bytes (where its path ends, line, column) — about a third of a dictionary of
/// strings. A lookup scans the entries; maps hold a few dozen paths and are read only to place a diagnostic.
public struct SourceMap: Sendable, Hashable {
    /// Where one recorded path ends in `paths`, and its 1-based line and column.
    private struct Entry: Sendable, Hashable {
        var end: UInt32
        var line: UInt32
        var column: UInt32
    }

    public let file: String
    /// Every recorded key path's UTF-8 bytes, back to back, in recording order.
    private var paths: [UInt8] = []
    private var entries: [Entry] = []

    public init(file: String) { self.file = file }

    /// Records (or replaces) the location of `keyPath`.
    public mutating func record(_ keyPath: String, _ location: SourceLocation) {
        let line = UInt32(clamping: location.line)
        let column = UInt32(clamping: location.column)
        if let index = index(of: keyPath) {
            entries[index].line = line
            entries[index].column = column
            return
        }
        paths.append(contentsOf: keyPath.utf8)
        entries.append(Entry(end: UInt32(paths.count), line: line, column: column))
    }

    /// Records the location of `keyPath` unless it is recorded already (the first record wins); one scan.
    public mutating func recordFirst(_ keyPath: String, _ location: SourceLocation) {
        guard index(of: keyPath) == nil else { return }
        paths.append(contentsOf: keyPath.utf8)
        entries.append(
            Entry(
                end: UInt32(paths.count), line: UInt32(clamping: location.line),
                column: UInt32(clamping: location.column)))
    }

    /// `recordFirst("\(parent).\(key)", location)` without building the joined path (a decoder records every
    /// key of every mapping this way).
    public mutating func recordFirst(parent: String, key: String, _ location: SourceLocation) {
        guard !parent.isEmpty else { return recordFirst(key, location) }
        var parent = parent
        var key = key
        let known = parent.withUTF8 { parentBytes in
            key.withUTF8 { keyBytes in index(parent: parentBytes, key: keyBytes) != nil }
        }
        guard !known else { return }
        paths.append(contentsOf: parent.utf8)
        paths.append(UInt8(ascii: "."))
        paths.append(contentsOf: key.utf8)
        entries.append(
            Entry(
                end: UInt32(paths.count), line: UInt32(clamping: location.line),
                column: UInt32(clamping: location.column)))
    }

    /// The entry of `parent.key`, searched from the latest like `index(of:)`.
    private func index(parent: UnsafeBufferPointer<UInt8>, key: UnsafeBufferPointer<UInt8>) -> Int? {
        let length = parent.count + 1 + key.count
        return paths.withUnsafeBufferPointer { bytes in
            var index = entries.count - 1
            while index >= 0 {
                let end = Int(entries[index].end)
                let start = index == 0 ? 0 : Int(entries[index - 1].end)
                if end - start == length, bytes[start + parent.count] == UInt8(ascii: "."),
                    UnsafeBufferPointer(rebasing: bytes[start..<(start + parent.count)]).elementsEqual(parent),
                    UnsafeBufferPointer(rebasing: bytes[(start + parent.count + 1)..<end]).elementsEqual(key)
                {
                    return index
                }
                index -= 1
            }
            return nil
        }
    }

    /// Whether `keyPath` itself was written in the file.
    public func contains(_ keyPath: String) -> Bool { index(of: keyPath) != nil }

    /// The location of `keyPath`, or of its nearest recorded parent (`steps[2].with.file` → `steps[2].with`).
    public func location(of keyPath: String) -> SourceLocation? {
        var path = Substring(keyPath)
        while true {
            if let index = index(of: path) {
                return SourceLocation(line: Int(entries[index].line), column: Int(entries[index].column))
            }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else {
                return index(of: "").map {
                    SourceLocation(line: Int(entries[$0].line), column: Int(entries[$0].column))
                }
            }
            path = path[..<cut]
        }
    }

    /// A diagnostic for `keyPath` in this file.
    public func diagnostic(_ severity: Diagnostic.Severity, at keyPath: String, _ message: String) -> Diagnostic {
        Diagnostic(severity, file: file, location: location(of: keyPath), keyPath: keyPath, message)
    }

    /// `diagnostic` (of this file, made without a line and column) placed at its key path.
    public func placing(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let keyPath = diagnostic.keyPath, let location = location(of: keyPath) else { return diagnostic }
        var placed = diagnostic
        placed.line = location.line
        placed.column = location.column
        return placed
    }

    /// The entry of `keyPath`, searched from the latest: a decoder records a mapping's keys and then reads each
    /// value at its key, so the path asked for is usually among the last few.
    private func index(of keyPath: some StringProtocol) -> Int? {
        var keyPath = String(keyPath)
        return keyPath.withUTF8 { key in
            paths.withUnsafeBufferPointer { bytes in
                var index = entries.count - 1
                while index >= 0 {
                    let end = Int(entries[index].end)
                    let start = index == 0 ? 0 : Int(entries[index - 1].end)
                    if end - start == key.count, UnsafeBufferPointer(rebasing: bytes[start..<end]).elementsEqual(key) {
                        return index
                    }
                    index -= 1
                }
                return nil
            }
        }
    }
}
