import HTTPTypes

/// A request path split the way Hummingbird's router splits it (empty segments dropped, so `//api/runs` is
/// `/api/runs`): the auth and 405 checks must see the same path the router routes.
struct APIPath: Equatable {
    let segments: [Substring]

    init(_ path: String) {
        segments = path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// Under `/api`: needs the bearer token when one is configured.
    var isProtected: Bool { segments.first == "api" }

    /// Open even with the dashboard's sign-in: health, metrics (SPEC §8) and the sign-in form itself.
    var isOpen: Bool { segments.count == 1 && ["healthz", "metrics", "signin"].contains(segments[0]) }

    /// Whether this path matches a route template such as `/api/runs/{id}`.
    func matches(template: APIPath) -> Bool {
        guard segments.count == template.segments.count else { return false }
        return zip(segments, template.segments).allSatisfy { segment, pattern in
            (pattern.first == "{" && pattern.last == "}") || segment == pattern
        }
    }
}

/// One route: a method and a path template.
struct APIRoute: Hashable, CustomStringConvertible {
    let method: HTTPRequest.Method
    let path: String

    var description: String { "\(method.rawValue) \(path)" }
}
