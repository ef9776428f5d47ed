import ArgumentParser

/// `showrunner auth`: one-time authorisations with providers.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "One-time authorisation with a provider (YouTube).",
        subcommands: [AuthYouTubeCommand.self]
    )
}
