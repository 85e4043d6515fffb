#if canImport(CMimalloc)
    import CMimalloc
#endif

/// The memory allocator gkml runs on: mimalloc where the package links it (Linux), else the system's malloc.
enum Allocator {
    /// The allocator's name and version, e.g. "mimalloc 2.0.9" (for `gkml --version`'s long form and the tests).
    static var description: String {
        #if canImport(CMimalloc)
            // Naming a mimalloc symbol also keeps the library among the executable's needed libraries: a linker
            // with --as-needed drops a library nothing calls. Loaded before the C library, mimalloc then serves
            // every malloc and free of the process, the Swift runtime's included.
            let version = Int(mi_version())
            return "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
        #else
            return "system malloc"
        #endif
    }
}
