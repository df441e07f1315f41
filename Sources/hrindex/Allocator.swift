#if os(Linux)
  import CMimalloc
  import Glibc

  /// The memory allocator this program runs on.
  ///
  /// `hrindex` links mimalloc (Debian's libmimalloc) ahead of the C library, so its `malloc`
  /// serves the whole process, Swift's runtime included: a build allocates and frees millions of
  /// small objects on two threads, which glibc's malloc does markedly slower (README, "How it is built").
  /// Whether the link took effect is checked, not assumed: a block from `malloc` is asked whether
  /// it lies in mimalloc's heap. `--timings` prints the answer; a test requires mimalloc.
  enum Allocator {
    static var description: String {
      guard let probe = malloc(64) else { return "unknown" }
      defer { free(probe) }
      guard mi_is_in_heap_region(probe) else { return "not mimalloc (the C library's malloc, or a preloaded one)" }
      let version = Int(mi_version())
      return "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
    }
  }
#else
  enum Allocator {
    static var description: String { "the system's malloc" }
  }
#endif
