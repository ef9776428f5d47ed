import Foundation
import Testing

@testable import ShowrunnerSteps

/// `POSIXFile.sync`: what a power cut keeps, and the file systems that cannot flush a folder.
struct POSIXFileSyncTests {
    @Test func aFileAndItsFolderAreFlushed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.txt")
        try Data("a".utf8).write(to: file)
        try POSIXFile.sync(file.path)
        try POSIXFile.sync(folder.path, folder: true)
    }

    /// `/proc`'s folders answer `fsync` with `EINVAL`, as some network and virtual file systems do.
    @Test func aFolderThatCannotBeFlushedIsNotAnError() throws {
        try POSIXFile.sync("/proc/self", folder: true)
    }

    @Test func aMissingFileIsAnErrorThatNamesIt() {
        #expect(throws: FileOperationError.self) { try POSIXFile.sync("/nonexistent-\(UUID().uuidString)") }
        #expect {
            try POSIXFile.sync("/nonexistent-folder", folder: true)
        } throws: { error in
            "\(error)".hasPrefix("cannot open /nonexistent-folder:")
        }
    }
}
