import Foundation

/// Where a run's artifacts may be read from: only regular files inside `STATE/runs/<run-id>/`, after every symlink
/// is resolved, named by a step folder and a file name (one path segment each, never `.` or `..`).
struct ArtifactFiles: Sendable {
    let stateDirectory: URL

    struct Artifact: Sendable, Equatable {
        var step: String
        var name: String

        var kind: String {
            switch (name as NSString).pathExtension.lowercased() {
            case "png", "jpg", "jpeg", "webp": "image"
            case "mp4", "webm", "mov": "video"
            case "srt", "vtt": "captions"
            case "wav", "mp3", "m4a", "ogg": "audio"
            default: "file"
            }
        }

        func url(runID: String) -> String {
            "/runs/\(URLQuery.segment(runID))/artifacts/\(URLQuery.segment(step))/\(URLQuery.segment(name))"
        }
    }

    /// One path segment that cannot climb or nest.
    static func isSegment(_ text: String) -> Bool {
        !text.isEmpty && text != "." && text != ".." && !text.contains("/") && !text.contains("\\")
            && !text.contains("\0")
    }

    func runFolder(_ runID: String) -> URL {
        stateDirectory.appendingPathComponent("runs", isDirectory: true).appendingPathComponent(
            runID, isDirectory: true)
    }

    /// The file, or nil when the names are not plain segments, it does not exist, is not a regular file, or its real
    /// path is outside the run's folder (a symlink pointing elsewhere).
    func resolve(runID: String, step: String, name: String) -> URL? {
        guard [runID, step, name].allSatisfy(Self.isSegment) else { return nil }
        let folder = runFolder(runID).resolvingSymlinksInPath().standardizedFileURL.path
        let file = runFolder(runID).appendingPathComponent(step).appendingPathComponent(name)
            .resolvingSymlinksInPath().standardizedFileURL
        guard file.path.hasPrefix(folder + "/") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { return nil }
        return file
    }

    /// The artifact a recorded path names, when it can be served (it lies in the run's folder).
    func artifact(recordedPath: String, runID: String) -> Artifact? {
        let url = URL(fileURLWithPath: recordedPath)
        let name = url.lastPathComponent
        let step = url.deletingLastPathComponent().lastPathComponent
        guard resolve(runID: runID, step: step, name: name) != nil else { return nil }
        return Artifact(step: step, name: name)
    }
}
