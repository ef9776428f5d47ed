import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOPosix
import ShowrunnerCore

/// One HTTP request.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
    /// Overrides the client's timeout for this request: the time from sending it to the reply's last byte.
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

/// The HTTP client the steps and providers share: AsyncHTTPClient (one connection pool for the process, no cache,
/// no cookies, redirects followed), our own `User-Agent`, and a deadline per request. Every status is a response;
/// transport errors become transient `StepFailure`s; cancellation cancels the request and throws
/// `CancellationError`.
public struct HTTPClient: Sendable {
    public static let userAgent = "Showrunner/0.1"
    /// One pool for the process, never shut down, on an event loop of its own: a server or database handler that
    /// holds one of NIO's shared loops cannot delay a request's deadline. A refused or failed connection fails the
    /// request at once (the step's retry policy decides what next) instead of retrying until the deadline.
    private static let pool: AsyncHTTPClient.HTTPClient = {
        var configuration = AsyncHTTPClient.HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 5, allowCycles: false), decompression: .disabled)
        configuration.connectionPool.retryConnectionEstablishment = false
        return AsyncHTTPClient.HTTPClient(
            eventLoopGroup: MultiThreadedEventLoopGroup(numberOfThreads: 1), configuration: configuration)
    }()

    /// How long a request may take, from sending it to the reply's last byte, unless the request sets its own.
    public let timeout: Duration
    /// The most of a reply's body kept in memory (512 MiB unless told); a larger reply fails the request.
    public let maxBodyBytes: Int

    public init(timeout: Duration = .seconds(60), maxBodyBytes: Int = 512 << 20) {
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let limit = request.timeout ?? timeout
        do {
            let response = try await Self.exchange(
                request, by: .now() + .nanoseconds(limit.nanoseconds), maxBodyBytes: maxBodyBytes)
            var headers: [String: String] = [:]
            for (name, value) in response.headers {  // repeated fields joined, as RFC 9110 allows
                headers[name.lowercased()] = headers[name.lowercased()].map { "\($0), \(value)" } ?? value
            }
            return HTTPResponse(
                status: Int(response.status.code), headers: headers,
                body: response.body.map { Data(buffer: $0) } ?? Data())
        } catch is ResponseAccumulator.ResponseTooBigError {
            throw StepFailure(.permanent, "\(request.summary) got a reply larger than \(maxBodyBytes) bytes.")
        } catch {
            try Task.checkCancellation()
            throw HTTPFailure.transport(error, request: request.summary, timeout: limit)
        }
    }

    /// The whole reply by `deadline`, gathered on the pool's event loop: one hand-off to the calling task, however
    /// busy the other threads are, and the deadline covers the body too.
    private static func exchange(
        _ request: HTTPRequest, by deadline: NIODeadline, maxBodyBytes: Int
    ) async throws -> AsyncHTTPClient.HTTPClient.Response {
        var headers = HTTPHeaders([("User-Agent", userAgent)])
        for (name, value) in request.headers { headers.replaceOrAdd(name: name, value: value) }
        let outgoing = try AsyncHTTPClient.HTTPClient.Request(
            url: request.url, method: HTTPMethod(rawValue: request.method), headers: headers,
            body: request.body.map { .bytes($0) })
        let task = pool.execute(
            request: outgoing, delegate: ResponseAccumulator(request: outgoing, maxBodySize: maxBodyBytes),
            deadline: deadline)
        return try await withTaskCancellationHandler {
            try await task.futureResult.get()
        } onCancel: {
            task.cancel()
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds, `Int64.max` past 292 years.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, carry) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflow || carry ? .max : total
    }
}
