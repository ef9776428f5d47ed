import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Publishing files so readers never see half of one: write a hidden temporary file in the target's folder, flush
/// it to disk, rename it over the target, then flush the folder, so a power cut cannot undo a publish the store has
/// recorded. POSIX calls throughout, so a failure names the OS error.
enum AtomicFile {
    static func copy(_ source: URL, to target: URL) throws {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw FileOperationError(operation: "read", path: source.path, code: errno) }
        defer { close(input) }
        try publish(target) { output, temporary in
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count == 0 { return }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw FileOperationError(operation: "read", path: source.path, code: errno) }
                try POSIXFile.writeAll(output, buffer[..<count], path: temporary)
            }
        }
    }

    static func store(_ data: Data, to target: URL) throws {
        try publish(target) { output, temporary in try POSIXFile.writeAll(output, Array(data)[...], path: temporary) }
    }

    /// Creates `folder` and its missing parents (`mkdir -p`).
    static func createFolder(_ folder: URL) throws {
        var missing: [URL] = []
        var current = folder
        while !FileManager.default.fileExists(atPath: current.path) && current.path != "/" {
            missing.append(current)
            current = current.deletingLastPathComponent()
        }
        for url in missing.reversed() where mkdir(url.path, 0o777) != 0 && errno != EEXIST {
            throw FileOperationError(operation: "create the folder", path: url.path, code: errno)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw FileOperationError(operation: "create the folder", path: folder.path, code: ENOTDIR)
        }
    }

    private static func publish(_ target: URL, _ fill: (Int32, String) throws -> Void) throws {
        let temporary = temporaryPath(for: target)
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw FileOperationError(operation: "create", path: temporary, code: errno) }
        do {
            try fill(output, temporary)
            guard fsync(output) == 0 else { throw FileOperationError(operation: "flush", path: temporary, code: errno) }
        } catch {
            close(output)
            unlink(temporary)
            throw error
        }
        close(output)
        try replace(target, with: temporary)
    }

    /// A hidden name beside `target`, for a file being made before it takes `target`'s place.
    static func temporaryPath(for target: URL) -> String {
        target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).\(UUID().uuidString).tmp"
        )
        .path
    }

    /// Renames `temporary` over `target` (removing it when that fails), then flushes the folder's entries.
    static func replace(_ target: URL, with temporary: String) throws {
        guard rename(temporary, target.path) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileOperationError(operation: "rename into", path: target.path, code: code)
        }
        try POSIXFile.sync(target.deletingLastPathComponent().path, folder: true)
    }
}
