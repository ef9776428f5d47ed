/// A command cannot go on: `main` prints `error: message` on stderr and exits 1 (commands never exit themselves,
/// so they can run in-process in tests).
struct CommandFailure: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}
