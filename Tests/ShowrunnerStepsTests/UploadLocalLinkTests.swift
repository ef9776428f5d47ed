import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// `upload.local` publishes a run folder's video as a hard link (one copy of the bytes on disk); it copies a file
/// from the config folder, and any file when the output folder is on another file system.
struct UploadLocalLinkTests {
    let fixture: StepFixture
    init() throws { fixture = try StepFixture() }

    /// The video and thumbnail in the run's folder (absolute paths).
    private func writeRunFiles() throws -> (video: String, thumbnail: String) {
        let video = fixture.artifactsDirectory.appendingPathComponent("video.mp4")
        let thumbnail = fixture.artifactsDirectory.appendingPathComponent("thumb.png")
        try Data("video bytes".utf8).write(to: video)
        try Data("png bytes".utf8).write(to: thumbnail)
        return (video.path, thumbnail.path)
    }

    private func inputs(video: String, thumbnail: String, dir: String? = nil) -> [String: ConfigValue] {
        var inputs: [String: ConfigValue] = [
            "video": .string(video), "thumbnail": .string(thumbnail), "title": .string("Linked"),
        ]
        if let dir { inputs["dir"] = .string(dir) }
        return inputs
    }

    private static func inode(_ path: String) throws -> (inode: UInt64, links: UInt64) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileReadNoSuchFile) }
        return (UInt64(info.st_ino), UInt64(info.st_nlink))
    }

    @Test func thePublishedVideoAndThumbnailShareTheRunFilesInodes() async throws {
        let (source, thumb) = try writeRunFiles()
        let result = try await UploadLocalStep().run(fixture.context(inputs(video: source, thumbnail: thumb)))
        guard case .string(let published)? = result.outputs["path"] else { throw CocoaError(.fileNoSuchFile) }
        #expect(try Self.inode(published).inode == Self.inode(source).inode)
        #expect(try Self.inode(source).links == 2)
        let thumbnail = URL(fileURLWithPath: published).deletingPathExtension().appendingPathExtension("png").path
        #expect(try Self.inode(thumbnail).links == 2)
        // Deleting the run's copy (retention) leaves the published file whole.
        try FileManager.default.removeItem(atPath: source)
        #expect(try String(contentsOfFile: published, encoding: .utf8) == "video bytes")
    }

    @Test func anotherFileSystemGetsACopy() async throws {
        let shm = URL(fileURLWithPath: "/dev/shm")
        var here = stat()
        var there = stat()
        guard stat(fixture.configDirectory.path, &here) == 0, stat(shm.path, &there) == 0, here.st_dev != there.st_dev
        else { return }  // no second file system to publish to
        let folder = shm.appendingPathComponent("showrunner-link-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (source, thumb) = try writeRunFiles()
        let result = try await UploadLocalStep().run(
            fixture.context(inputs(video: source, thumbnail: thumb, dir: folder.path)))
        guard case .string(let published)? = result.outputs["path"] else { throw CocoaError(.fileNoSuchFile) }
        #expect(published.hasPrefix(folder.path))
        #expect(try String(contentsOfFile: published, encoding: .utf8) == "video bytes")
        #expect(try Self.inode(published).links == 1)
    }

    @Test func aFileFromTheConfigFolderIsCopied() async throws {
        try fixture.write("video bytes", to: "render/video.mp4")
        try fixture.write("png bytes", to: "render/thumb.png")
        let result = try await UploadLocalStep().run(
            fixture.context(inputs(video: "render/video.mp4", thumbnail: "render/thumb.png")))
        guard case .string(let published)? = result.outputs["path"] else { throw CocoaError(.fileNoSuchFile) }
        #expect(try Self.inode(published).links == 1)
        #expect(try Self.inode(fixture.configDirectory.appendingPathComponent("render/video.mp4").path).links == 1)
    }
}
