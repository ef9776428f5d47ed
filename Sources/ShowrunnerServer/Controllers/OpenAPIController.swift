import Hummingbird

/// `/api/openapi.json`: the OpenAPI 3.1 document describing every route.
struct OpenAPIController {
    let document: OpenAPIDocument

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/openapi.json", use: openAPI)
    }

    @Sendable func openAPI(_ request: Request, context: BasicRequestContext) async throws -> OpenAPIDocument {
        document
    }
}
