import Foundation
import ShowrunnerCore

/// Reads a video in chunks at any offset, so that an upload streams the file (one chunk in memory at a time) and
/// can continue from whatever the server says it holds.
final class VideoFileReader: Sendable {
    let url: URL
    private let handle: FileHandle

    init(_ url: URL) throws(StepFailure) {
        self.url = url
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw StepFailure(.permanent, "cannot open the video \(url.path): \(error.localizedDescription)")
        }
    }

    deinit { try? handle.close() }

    /// Up to `length` bytes from `offset`; fewer only at the end of the file.
    func chunk(at offset: Int, length: Int) throws(StepFailure) -> Data {
        do {
            try handle.seek(toOffset: UInt64(offset))
            return try handle.read(upToCount: length) ?? Data()
        } catch {
            throw StepFailure(.permanent, "cannot read the video \(url.path): \(error.localizedDescription)")
        }
    }
}
