import Foundation
import ShowrunnerCore
import Testing

@testable import ShowrunnerSteps

/// A file a step cannot write fails permanently, naming the path and the OS's words, whichever call failed:
/// Foundation's `Data.write` (a workspace's scratch input) or our own synced publish (captions).
struct StepFailureFileTests {
    static let missing = "/nonexistent-\(UUID().uuidString)/out.txt"

    /// Foundation's words here ("The file doesn’t exist."): on Linux it gives no POSIX error underneath.
    @Test func aPlainWriteNamesThePathAndWhy() {
        #expect {
            try OutputFolder.write("x", to: URL(fileURLWithPath: Self.missing))
        } throws: { error in
            let failure = error as? StepFailure
            return failure?.kind == .permanent && failure?.message.hasPrefix("cannot write \(Self.missing): ") == true
                && failure?.message.contains("exist") == true
        }
    }

    @Test func aSyncedPublishNamesThePathAndTheOSError() {
        #expect(throws: StepFailure(.permanent, "cannot write \(Self.missing): No such file or directory.")) {
            try OutputFolder.publish("x", to: URL(fileURLWithPath: Self.missing))
        }
    }
}
