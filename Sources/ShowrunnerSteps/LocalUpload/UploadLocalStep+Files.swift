import Foundation
import ShowrunnerCore

/// File-system calls of `upload.local`, each failure turned into a permanent `StepFailure` that names the path and
/// the OS error.
extension UploadLocalStep {
    func readFingerprint(_ url: URL) throws(StepFailure) -> FileFingerprint {
        do {
            return try FileFingerprint(of: url)
        } catch {
            throw StepFailure(.permanent, "cannot read \(url.path): \(Self.reason(error))")
        }
    }

    func readFingerprintIfExists(_ url: URL) throws(StepFailure) -> FileFingerprint? {
        do {
            return try FileFingerprint.ifExists(url)
        } catch {
            throw StepFailure(.permanent, "cannot read \(url.path): \(Self.reason(error))")
        }
    }

    func createFolder(_ folder: URL) throws(StepFailure) {
        do {
            try AtomicFile.createFolder(folder)
        } catch {
            throw StepFailure(.permanent, "cannot create the folder \(folder.path): \(Self.reason(error))")
        }
    }

    func writing(_ target: URL, _ body: () throws -> Void) throws(StepFailure) {
        do {
            try body()
        } catch {
            throw StepFailure(.permanent, "cannot write \(target.path): \(Self.reason(error))")
        }
    }

    /// The OS's words for a file error (`Not a directory`, `Permission denied`).
    static func reason(_ error: any Error) -> String {
        if let error = error as? FileOperationError { return error.reason + "." }
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code))) + "."
        }
        return nsError.localizedDescription
    }
}
