import Foundation
import ShowrunnerCore

/// A `command` step's inputs, checked: the argv (no shell), the environment overrides, the working folder and
/// what to write on stdin.
struct CommandInvocation: Sendable, Equatable {
    /// `arguments[0]` is the program as written in the config.
    var arguments: [String]
    /// The program's path when `arguments[0]` names one (relative paths are relative to the config folder); nil
    /// means `arguments[0]` is looked up on `PATH`.
    var executablePath: String?
    /// Merged over the inherited environment.
    var environment: [String: String]
    var workingDirectory: URL
    var standardInput: String?

    var program: String { arguments[0] }

    static func from(_ context: StepContext) throws(StepFailure) -> CommandInvocation {
        guard let arguments = try context.scalarList("run"), let program = arguments.first, !program.isEmpty else {
            throw StepFailure(.permanent, "input 'run' must name a program, like run: [ffmpeg, -version].")
        }
        let executablePath = program.contains("/") ? context.path(program).path : nil
        return CommandInvocation(
            arguments: arguments, executablePath: executablePath,
            environment: try context.scalarMap("env") ?? [:],
            workingDirectory: try workingDirectory(context), standardInput: try context.string("stdin"))
    }

    /// `workdir` relative to the config folder, or the step's artifacts folder; it must exist.
    private static func workingDirectory(_ context: StepContext) throws(StepFailure) -> URL {
        guard let workdir = try context.trimmedString("workdir") else {
            try? FileManager.default.createDirectory(at: context.artifactsDirectory, withIntermediateDirectories: true)
            return context.artifactsDirectory
        }
        let url = context.path(workdir)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw StepFailure(.permanent, "workdir '\(workdir)' is not a folder (looked for \(url.path)).")
        }
        return url
    }

    /// The argv as a shell would show it, for dry runs and messages.
    var commandLine: String {
        arguments.map(Self.quoted).joined(separator: " ")
    }

    private static func quoted(_ argument: String) -> String {
        let plain = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !argument.isEmpty && argument.unicodeScalars.allSatisfy(plain.contains) { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
