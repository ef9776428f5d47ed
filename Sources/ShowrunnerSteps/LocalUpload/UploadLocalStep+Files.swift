import Foundation
import ShowrunnerCore

/// File-system calls of `upload.local`, each failure turned into a permanent `StepFailure` that names the path and
/// the OS error.
extension UploadLocalStep {
    func readFingerprint(_ url: URL) throws(StepFailure) -> FileFingerprint {
        do {
            return try FileFingerprint(of: url)
        } catch {
            throw .file("read", url.path, error)
        }
    }

    func readFingerprintIfExists(_ url: URL) throws(StepFailure) -> FileFingerprint? {
        do {
            return try FileFingerprint.ifExists(url)
        } catch {
            throw .file("read", url.path, error)
        }
    }

    func createFolder(_ folder: URL) throws(StepFailure) {
        do {
            try AtomicFile.createFolder(folder)
        } catch {
            throw .file("create the folder", folder.path, error)
        }
    }

    func writing(_ target: URL, _ body: () throws -> Void) throws(StepFailure) {
        do {
            try body()
        } catch {
            throw .file("write", target.path, error)
        }
    }
}
