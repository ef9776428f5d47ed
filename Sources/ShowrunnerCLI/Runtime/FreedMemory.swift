import CGlibcMalloc

/// Gives the heap's free pages back to the kernel. glibc keeps memory freed inside its arenas mapped (it returns
/// only a free top of each); after the start-up decoded every account file on every core, that is megabytes the
/// daemon no longer uses (10,000 accounts: about 4 MB, bench/daemon/README.md). `malloc_trim` releases the whole
/// pages of every free chunk.
enum FreedMemory {
    static func release() { _ = malloc_trim(0) }
}
