import Foundation
import Hummingbird

/// `/api/openapi.json`: the OpenAPI 3.1 document describing every route, pretty-printed with sorted keys so it reads
/// well from `curl` and diffs cleanly.
struct OpenAPIController {
    let json: ByteBuffer

    init(document: OpenAPIDocument) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The document is built from literals; encoding it cannot fail.
        json = ByteBuffer(bytes: (try? encoder.encode(document)) ?? Data("{}".utf8))
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/openapi.json", use: openAPI)
    }

    @Sendable func openAPI(_ request: Request, context: BasicRequestContext) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .contentLength: "\(json.readableBytes)"],
            body: .init(byteBuffer: json))
    }
}
