import Foundation
import ShowrunnerCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The private folder of one attempt of a media step, `<artifacts>/.attempt-<n>/`: the tools write every
/// intermediate and output there, and only a finished, checked attempt renames its files into the step's folder.
/// So the published `video.mp4` is always the whole file of one attempt, never one that two attempts (or an
/// orphaned ffmpeg of a crashed one) wrote at once.
struct AttemptWorkspace: Sendable {
    /// The step's artifacts folder: where published files go.
    let artifacts: URL
    /// This attempt's own folder.
    let folder: URL

    static let prefix = ".attempt-"

    /// Creates this attempt's folder, empty, after removing the folders earlier attempts left behind (their
    /// processes were ended by `AttemptProcessScope` before this attempt began).
    static func open(_ context: StepContext) throws(StepFailure) -> AttemptWorkspace {
        let artifacts = context.artifactsDirectory
        try OutputFolder.prepare(artifacts)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: artifacts.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: artifacts.appendingPathComponent(name))
        }
        let folder = artifacts.appendingPathComponent("\(prefix)\(context.attempt)", isDirectory: true)
        try OutputFolder.prepare(folder)
        return AttemptWorkspace(artifacts: artifacts, folder: folder)
    }

    /// Runs `body` in the workspace; on success renames every file it wrote into the step's folder (`primary`
    /// last) and returns the published path of `primary` with what `body` returned; on failure or cancellation
    /// removes the workspace.
    func produce<Value>(
        _ primary: String, _ body: (URL) async throws -> Value
    ) async throws -> (URL, Value) {
        do {
            let value = try await body(folder)
            try publish(primary: primary)
            return (artifacts.appendingPathComponent(primary), value)
        } catch {
            discard()
            throw error
        }
    }

    /// Renames each file of the workspace over its namesake in the step's folder (`rename(2)`: readers see the old
    /// file or the new one, whole), the primary output last, then removes the workspace. Each file's bytes are
    /// flushed to disk before its rename and the folder after, so a power cut cannot leave a recorded artifact
    /// empty or missing.
    func publish(primary: String) throws(StepFailure) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        do {
            for name in names.filter({ $0 != primary }) + [primary] {
                let source = folder.appendingPathComponent(name).path
                let target = artifacts.appendingPathComponent(name).path
                try POSIXFile.sync(source)
                guard rename(source, target) == 0 else {
                    throw FileOperationError(operation: "publish", path: target, code: errno)
                }
            }
            try POSIXFile.sync(artifacts.path, folder: true)
        } catch {
            throw StepFailure(.transient, "\(error).")
        }
        discard()
    }

    func discard() {
        try? FileManager.default.removeItem(at: folder)
    }
}
