import Hummingbird

/// The sign-in form (shown with `401` in place of any page when no session cookie is sent). It needs no stylesheet,
/// so it renders before the visitor may read `/assets`.
enum SignInPage {
    static func render(next: String, error: String?) -> HTML {
        let message: HTML = error.map { "<p role=\"alert\"><strong>\($0)</strong></p>" } ?? .empty
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in · Showrunner</title>
            <link rel="icon" href="data:,"></head><body>
            <h1>Showrunner</h1>
            <p>Sign in with the API token (<code>api_token</code> of <code>showrunner.yaml</code>).</p>
            \(message)
            <form method="post" action="/signin">
            <input type="hidden" name="next" value="\(safeNext(next))">
            <label>Token <input type="password" name="token" id="token" autocomplete="current-password" autofocus>\
            </label>
            <button type="submit" id="signin">Sign in</button>
            </form></body></html>
            """
    }

    static func response(status: HTTPResponse.Status, next: String, error: String? = nil) -> Response {
        Layout.response(render(next: next, error: error), status: status)
    }

    /// A local path to go back to after signing in; anything else (another site, `//host`) goes to `/channels`.
    static func safeNext(_ next: String) -> String {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next != "/signin" else {
            return "/channels"
        }
        return next
    }
}
