#if canImport(Glibc)
    import Glibc
#endif

/// Hands the heap's free pages back to the kernel. A full rescan decodes every config file on both cores and
/// frees the intermediate values; glibc keeps those pages (in one arena per thread, returning only a free top of
/// each) unless asked, so a daemon with 10,000 accounts would otherwise hold its start-up peak as resident memory for
/// its whole life. Called after large reloads and once the start-up has scheduled every account.
public enum HeapTrim {
    public static func releaseFreePages() {
        #if canImport(Glibc)
            // glibc's malloc_trim(3) is not in the Glibc module; looked up once.
            guard let trim = trimFunction else { return }
            _ = trim(0)
        #endif
    }

    #if canImport(Glibc)
        private typealias Trim = @convention(c) (Int) -> Int32
        private static let trimFunction: Trim? = dlsym(
            UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim"
        ).map { unsafeBitCast($0, to: Trim.self) }
    #endif
}
