import Foundation
import ShowrunnerCore

extension StepFailure {
    /// A file or folder a step could not `operation` ("read", "write", "create the folder"): permanent (the same
    /// call fails again), naming the path and the OS's words for why (`Permission denied.`, `Not a directory.`).
    static func file(_ operation: String, _ path: String, _ error: any Error) -> StepFailure {
        StepFailure(.permanent, "cannot \(operation) \(path): \(osReason(error))")
    }

    /// The OS's words for a file error, from our POSIX calls or from Foundation's.
    static func osReason(_ error: any Error) -> String {
        if let error = error as? FileOperationError { return error.reason + "." }
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code))) + "."
        }
        return nsError.localizedDescription
    }
}
