import Foundation

/// A new folder under the temporary directory, removed with the last reference to it: a test's files do not outlive
/// the test (a suite run used to leave hundreds of folders in /tmp).
public final class TemporaryFolder: Sendable {
    public let url: URL

    /// `prefix` names the folder (`prefix-UUID`) so that a leftover one says which tests made it.
    public init(prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
