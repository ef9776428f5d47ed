import Foundation
import Testing

@testable import ShowrunnerCLI

/// Memory freed between blocks still in use goes back to the kernel: the process's private resident memory falls.
struct FreedMemoryTests {
    @Test func freedBlocksBetweenLiveOnesLeaveResidentMemory() throws {
        // 128 MiB in 4-KiB blocks, every 16th kept: glibc keeps the freed ones mapped, as it does after start-up.
        let blocks = (0..<32_768).map { _ in
            let block = malloc(4096)!
            memset(block, 1, 4096)
            return block
        }
        for (index, block) in blocks.enumerated() where index % 16 != 0 { free(block) }
        defer { for (index, block) in blocks.enumerated() where index % 16 == 0 { free(block) } }
        let before = try residentPrivateBytes()
        FreedMemory.release()
        let after = try residentPrivateBytes()
        #expect(before - after > 64 << 20, "RssAnon \(before >> 20) MiB before, \(after >> 20) MiB after")
    }

    /// `RssAnon` of `/proc/self/status`, in bytes.
    private func residentPrivateBytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("RssAnon:") })
        let kibibytes = try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
        return kibibytes << 10
    }
}
