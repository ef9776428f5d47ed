import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers the requests Hummingbird would answer with an empty body or leave hanging: a request NIO cannot parse
/// (a 100 KB path, 2,000 headers, a method such as `FOO`) gets a `400` with the API's JSON error, and `CONNECT` (a
/// tunnel this API never grants) a `405`. Both close the connection. NIO frames every answer to `CONNECT` without a
/// body (RFC 9112 §6.3), so that `405` carries its message in no body, only in its status.
final class UnparsableRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    /// Set once an answer was written: the rest of the connection's input is dropped.
    private var answered = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        if case .head(let head) = unwrapInboundIn(data), head.method == .connect {
            answer(
                .methodNotAllowed, "CONNECT is not supported: this is a JSON API, not a proxy.", context: context)
            return
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError, !answered else { return context.fireErrorCaught(error) }
        answer(
            .badRequest,
            "The request could not be read as HTTP/1.1: an unknown method, or a request line or headers that are "
                + "malformed, too long or too many.", context: context)
    }

    private func answer(_ status: HTTPResponse.Status, _ message: String, context: ChannelHandlerContext) {
        answered = true
        var body = context.channel.allocator.buffer(capacity: message.utf8.count + 32)
        body.writeString(#"{"error":{"message":"\#(Self.escaped(message))"}}"#)
        var head = HTTPResponse(status: status)
        head.headerFields[.contentType] = "application/json; charset=utf-8"
        head.headerFields[.contentLength] = String(body.readableBytes)
        head.headerFields[.connection] = "close"
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    /// The messages above are constant; only quotes and backslashes would need escaping.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
