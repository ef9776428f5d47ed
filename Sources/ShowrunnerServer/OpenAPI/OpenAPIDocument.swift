import HTTPTypes

/// The OpenAPI 3.1 document of the API, served at `/api/openapi.json`. A test keeps its paths equal to the router's
/// routes, so the 405 check may read the routes from it.
struct OpenAPIDocument: Encodable, Sendable {
    struct Info: Encodable, Sendable {
        var title: String
        var version: String
        var description: String
    }

    struct Operation: Encodable, Sendable {
        var operationId: String
        var summary: String
        var tags: [String]
        var parameters: [Parameter]
        var responses: [String: ResponseDoc]
        /// `[]` for the open routes; nil inherits the document's bearer requirement.
        var security: [[String: [String]]]?
    }

    struct Parameter: Encodable, Sendable {
        var name: String
        var `in`: String
        var required: Bool
        var description: String
        var schema: JSONValue
    }

    struct ResponseDoc: Encodable, Sendable {
        var description: String
        var content: [String: MediaType]?
        var headers: [String: JSONValue]?
    }

    struct MediaType: Encodable, Sendable {
        var schema: JSONValue
    }

    struct Components: Encodable, Sendable {
        var schemas: [String: JSONValue]
        var securitySchemes: [String: JSONValue]
    }

    var openapi = "3.1.0"
    var info: Info
    /// Path template → lowercase method → operation.
    var paths: [String: [String: Operation]]
    var components: Components
    var security: [[String: [String]]]

    /// Every documented route.
    var routes: [APIRoute] {
        paths.flatMap { path, operations in
            operations.keys.compactMap { HTTPRequest.Method($0.uppercased()) }.map { APIRoute(method: $0, path: path) }
        }
    }

    static let showrunner = OpenAPIDocument(
        info: Info(
            title: "Showrunner API", version: "1",
            description: """
                Scheduler, accounts, run history and config diagnostics of a running Showrunner daemon. When \
                api_token is set, every /api/* route needs 'Authorization: Bearer <token>'. Errors are \
                {"error":{"message":"…"}}. Dates are ISO 8601 (UTC).
                """),
        paths: Paths.all.merging(Paths.dashboard) { first, _ in first },
        components: Components(
            schemas: Schemas.all.merging(Schemas.dashboard) { first, _ in first },
            securitySchemes: ["bearer": ["type": "http", "scheme": "bearer", "description": "The api_token."]]),
        security: [["bearer": []]])
}
