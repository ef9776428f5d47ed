import Hummingbird

/// The page shell every dashboard page shares: navigation, the CSRF token for the script, the one stylesheet and
/// script the binary serves. `page` names the page for the script (`data-page`).
enum Layout {
    static let navigation: [(path: String, title: String)] = [
        ("/channels", "Channels"), ("/upcoming", "Upcoming"), ("/runs", "Runs"), ("/config", "Config"),
        ("/quota", "Quota"), ("/stats", "Statistics"),
    ]

    static func page(
        title: String, page: String, csrf: String, body: HTML, attributes: [(String, String)] = []
    ) -> HTML {
        let links = navigation.map { item -> HTML in
            let current: HTML = item.path == "/\(page)" ? " aria-current=\"page\"" : ""
            return "<a href=\"\(item.path)\"\(current)>\(item.title)</a>"
        }
        let extra = attributes.map { name, value -> HTML in " data-\(name)=\"\(value)\"" }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Showrunner</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/assets/dashboard.css">
            <meta name="csrf-token" content="\(csrf)">
            <script src="/assets/dashboard.js" defer></script>
            </head><body data-page="\(page)"\(extra)>
            <header><strong class="brand">Showrunner</strong><nav>\(links)</nav>
            <span id="live" class="live" title="live updates">offline</span>
            <form method="post" action="/signout" class="signout"><input type="hidden" name="csrf" value="\(csrf)">\
            <button type="submit">Sign out</button></form></header>
            <main>
            \(body)
            </main></body></html>
            """
    }

    /// A POST form of one button; `data-async` makes the script send it without leaving the page.
    static func button(
        _ label: String, action: String, csrf: String, back: String, style: String = "", async: Bool = true
    ) -> HTML {
        let mode: HTML = async ? " data-async" : .empty
        return """
            <form method="post" action="\(action)" class="inline"\(mode)>\
            <input type="hidden" name="csrf" value="\(csrf)"><input type="hidden" name="back" value="\(back)">\
            <button type="submit" class="\(style)">\(label)</button></form>
            """
    }

    /// An HTML response with the dashboard's security headers (the CSP comes from the middleware).
    static func response(_ html: HTML, status: HTTPResponse.Status = .ok, cookie: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html.text)))
    }

    /// The placeholder of a page another part of the dashboard fills in.
    static func placeholder(title: String, page: String, csrf: String, text: String) -> HTML {
        Layout.page(
            title: title, page: page, csrf: csrf,
            body: "<h1>\(title)</h1><p class=\"muted\">\(text)</p>")
    }
}
