import Foundation
import ShowrunnerCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP request.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
    /// Overrides the client's timeout for this request.
    public var timeout: Duration?

    public init(
        method: String = "GET", url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: Duration? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// `GET https://host/path`, for messages (callers redact secrets).
    public var summary: String { "\(method) \(url.absoluteString)" }
}

/// A reply of any status.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header names in lowercase.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The `Content-Type` says JSON (`application/json`, `application/problem+json`, …).
    public var isJSON: Bool { header("content-type")?.lowercased().contains("json") == true }
}

/// The HTTP client the steps and providers share: a URLSession without cache or cookies (nothing is written to
/// `HOME`), our own `User-Agent`, and a per-request timeout. Every status is a response; transport errors become
/// transient `StepFailure`s; cancellation cancels the request and throws `CancellationError`.
public struct HTTPClient: Sendable {
    public static let userAgent = "Showrunner/0.1"

    private let session: URLSession
    public let timeout: Duration

    public init(timeout: Duration = .seconds(60)) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = timeout.timeInterval
        self.session = URLSession(configuration: configuration)
        self.timeout = timeout
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let urlRequest = makeURLRequest(request)
        do {
            let (body, response) = try await CancellableDataTask.data(for: urlRequest, in: session)
            guard let http = response as? HTTPURLResponse else {
                throw StepFailure(.transient, "\(request.summary) got a reply that is not HTTP.")
            }
            let headers = http.allHeaderFields.reduce(into: [String: String]()) { result, field in
                result["\(field.key)"] = "\(field.value)"
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: body)
        } catch let failure as StepFailure {
            throw failure
        } catch {
            try Task.checkCancellation()
            throw HTTPFailure.transport(error, request: request.summary, timeout: request.timeout ?? timeout)
        }
    }

    private func makeURLRequest(_ request: HTTPRequest) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = (request.timeout ?? timeout).timeInterval
        urlRequest.setValue(Self.userAgent, forHTTPHeaderField: "User-Agent")
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        return urlRequest
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
