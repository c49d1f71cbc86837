#if canImport(Glibc)
import Glibc
#endif

enum Memory {
    /// Hands the memory freed so far back to the system, so that the search
    /// indexer's processes, started next, can have it. The allocator keeps
    /// freed memory for reuse: jemalloc (which praktika links) for about ten
    /// seconds, glibc until told. Both are looked up at run time, as Swift's
    /// Glibc module declares neither.
    static func returnFreedPages() {
        #if canImport(Glibc)
        typealias Control = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?, UnsafeMutableRawPointer?, Int) -> Int32
        typealias Trim = @convention(c) (Int) -> Int32
        if let control = dlsym(nil, "mallctl") {
            // MALLCTL_ARENAS_ALL is 4096: every arena.
            _ = unsafeBitCast(control, to: Control.self)("arena.4096.purge", nil, nil, nil, 0)
        } else if let trim = dlsym(nil, "malloc_trim") {
            _ = unsafeBitCast(trim, to: Trim.self)(0)
        }
        #endif
    }
}
