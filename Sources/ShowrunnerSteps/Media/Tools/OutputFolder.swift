import Foundation
import ShowrunnerCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder a media step writes into (its artifacts folder): created when missing and checked for writing up
/// front, so an unwritable folder fails the attempt with a clear message instead of a tool's cryptic one.
enum OutputFolder {
    static func prepare(_ folder: URL) throws(StepFailure) {
        do {
            try AtomicFile.createFolder(folder)
        } catch {
            throw StepFailure(.permanent, "cannot use the output folder: \(error).")
        }
        let probe = folder.appendingPathComponent(".write-check-\(UUID().uuidString)").path
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let error = FileOperationError(operation: "write in the output folder", path: folder.path, code: errno)
            throw StepFailure(.permanent, "\(error).")
        }
        close(fd)
        unlink(probe)
    }

    /// Writes `text` to `url`, a file of an attempt's workspace (synced when the workspace is published); a
    /// failure is permanent and names the file.
    static func write(_ text: String, to url: URL) throws(StepFailure) {
        do {
            try Data(text.utf8).write(to: url)
        } catch {
            throw .file("write", url.path, error)
        }
    }

    /// Publishes `text` at `url` in a step's folder, whole and synced to disk (`AtomicFile`); a failure is
    /// permanent and names the file.
    static func publish(_ text: String, to url: URL) throws(StepFailure) {
        do {
            try AtomicFile.store(Data(text.utf8), to: url)
        } catch {
            throw .file("write", url.path, error)
        }
    }
}
