import Foundation
import ShowrunnerCore

/// Reads a media library folder: every image and video clip in it (not in subfolders), with tags from the file
/// name and from a sidecar of the same name ending `.txt`, `.yaml` or `.yml` (its words: `tags: [lava, volcano]`
/// or a line of words both work).
enum MediaLibrary {
    static let stillExtensions: Set<String> = ["png", "jpg", "jpeg", "webp", "bmp", "tif", "tiff"]
    static let clipExtensions = MediaBackground.videoExtensions
    static let sidecarExtensions = ["txt", "yaml", "yml"]

    static func scan(_ folder: URL, input: String) throws(StepFailure) -> [LibraryItem] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw StepFailure(.permanent, "input '\(input)': the media library folder \(folder.path) does not exist.")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw StepFailure(
                .permanent, "cannot read the media library folder \(folder.path): \(error.localizedDescription)")
        }
        let items = names.compactMap { name in item(folder.appendingPathComponent(name), among: Set(names)) }
        guard !items.isEmpty else {
            throw StepFailure(
                .permanent,
                "the media library folder \(folder.path) has no usable media; add images (png, jpg, webp) or video "
                    + "clips (mp4, mov, webm, mkv).")
        }
        return items
    }

    private static func item(_ url: URL, among names: Set<String>) -> LibraryItem? {
        let fileExtension = url.pathExtension.lowercased()
        let kind: LibraryItem.Kind
        if stillExtensions.contains(fileExtension) {
            kind = .still
        } else if clipExtensions.contains(fileExtension) {
            kind = .clip
        } else {
            return nil
        }
        let base = url.deletingPathExtension()
        let sidecar = sidecarExtensions.lazy.map { base.appendingPathExtension($0) }
            .first { names.contains($0.lastPathComponent) }
            .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
        return LibraryItem(url: url, kind: kind, tags: tags(fileName: base.lastPathComponent, sidecar: sidecar))
    }

    /// The words of the file name and of the sidecar's text.
    static func tags(fileName: String, sidecar: String?) -> Set<String> {
        Keywords.words(in: fileName).union(Keywords.words(in: sidecar ?? ""))
    }
}
