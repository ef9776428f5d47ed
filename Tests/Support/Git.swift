import Foundation

/// Runs `git` in a test folder, with an identity set so commits work on a bare machine.
public enum Git {
    /// The command's standard output, trimmed; throws when git fails, with its standard error.
    @discardableResult
    public static func run(_ arguments: [String], in folder: URL) async throws -> String {
        let output = try await TestProgram.succeeding(
            "git", ["-c", "user.email=t@example.com", "-c", "user.name=t"] + arguments, in: folder)
        return String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
