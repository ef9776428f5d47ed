#if canImport(Glibc)
    import Glibc
    import ShowrunnerCore
    import Testing

    /// Pages freed between blocks still in use leave the process: resident before the trim, not after (asked of
    /// the kernel with mincore, page by page, so other tests running beside this one do not blur it).
    struct HeapTrimTests {
        @Test func freedPagesBetweenLiveBlocksGoBackToTheKernel() throws {
            // 2,048 runs of 15 freed 4-KiB blocks, each between two kept ones: glibc keeps such pages mapped.
            let blocks = (0..<32_768).map { _ in
                let block = malloc(4096)!
                memset(block, 1, 4096)
                return block
            }
            for (index, block) in blocks.enumerated() where index % 16 != 0 { free(block) }
            defer { for (index, block) in blocks.enumerated() where index % 16 == 0 { free(block) } }
            // One page well inside each run of freed blocks.
            let pages = stride(from: 8, to: blocks.count, by: 16).map { pageAfter(blocks[$0]) }
            #expect(residentShare(of: pages) > 0.9)
            HeapTrim.releaseFreePages()
            #expect(residentShare(of: pages) < 0.1)
        }

        /// The first page boundary at or after `address`.
        private func pageAfter(_ address: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            return UnsafeMutableRawPointer(bitPattern: (Int(bitPattern: address) + page - 1) / page * page)!
        }

        /// The share of `pages` that are in memory.
        private func residentShare(of pages: [UnsafeMutableRawPointer]) -> Double {
            var resident = 0
            var state: UInt8 = 0
            for page in pages where mincore(page, 1, &state) == 0 && state & 1 == 1 { resident += 1 }
            return Double(resident) / Double(pages.count)
        }
    }
#endif
