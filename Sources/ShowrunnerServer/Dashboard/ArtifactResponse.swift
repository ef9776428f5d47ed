import Foundation
import Hummingbird
import NIOCore

/// A file answered with HTTP Range support (so a `<video>` can seek): `200` for the whole file, `206` with
/// `Content-Range` for one range, `416` for a range outside the file. Read in 64 KB chunks.
enum ArtifactResponse {
    static let chunk = 64 * 1024

    static func make(file: URL, rangeHeader: String?, head: Bool = false) throws -> Response {
        let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
        var headers: HTTPFields = [
            .contentType: contentType(file), .acceptRanges: "bytes", .cacheControl: "private, max-age=3600",
        ]
        let range: ByteRange
        let status: HTTPResponse.Status
        switch ByteRange.parse(rangeHeader, size: size) {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        case .whole:
            range = ByteRange(lower: 0, upper: size - 1)
            status = .ok
        case .range(let requested):
            range = requested
            status = .partialContent
            headers[.contentRange] = "bytes \(requested.lower)-\(requested.upper)/\(size)"
        }
        headers[.contentLength] = String(max(0, range.count))
        guard !head, range.count > 0 else { return Response(status: status, headers: headers) }
        let body = ResponseBody(contentLength: range.count) { writer in
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(range.lower))
            var left = range.count
            while left > 0 {
                guard let data = try handle.read(upToCount: min(chunk, left)), !data.isEmpty else { break }
                left -= data.count
                try await writer.write(ByteBuffer(bytes: data))
            }
            try await writer.finish(nil)
        }
        return Response(status: status, headers: headers, body: body)
    }

    static func contentType(_ file: URL) -> String {
        switch file.pathExtension.lowercased() {
        case "mp4": "video/mp4"
        case "webm": "video/webm"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "wav": "audio/wav"
        case "mp3": "audio/mpeg"
        case "vtt": "text/vtt; charset=utf-8"
        case "srt", "txt", "md": "text/plain; charset=utf-8"
        case "json": "application/json"
        default: "application/octet-stream"
        }
    }
}
