import Foundation
import Testing

/// gkml names its allocator in `--version`, and the name is the truth: on Linux with mimalloc installed
/// (Package.swift, docs/benchmark.md "Ninth round") the dynamic loader binds the allocations of the Swift runtime
/// and of libyaml to libmimalloc; on the system allocator, to the C library.
@Suite struct AllocatorTests {
    @Test func versionNamesTheAllocator() throws {
        let result = try GKML.run(["--version"])
        #expect(result.status == 0, "\(result.all)")
        let line = result.stdout.trimmingCharacters(in: .newlines)
        #expect(line == "0.1.0 (system malloc)" || line.hasPrefix("0.1.0 (mimalloc 2."), "\(line)")
        // .ci/run installs mimalloc before it builds, and says which allocator the build must have.
        if let expected = ProcessInfo.processInfo.environment["GKML_EXPECT_ALLOCATOR"] {
            #expect(line.contains("(\(expected)"), "expected \(expected): \(line)")
        }
    }

    #if os(Linux)
        /// glibc's loader reports each symbol it binds (LD_DEBUG=bindings): malloc and free of the Swift runtime and
        /// of libyaml go to the allocator `--version` names. A mimalloc dropped at link time (a linker with
        /// --as-needed drops a library nothing calls) or loaded after the C library would bind them to libc.so.6.
        @Test func theRuntimeAndLibyamlAllocateWithTheNamedAllocator() throws {
            let version = try GKML.run(["--version"]).stdout
            let provider = version.contains("mimalloc") ? "libmimalloc.so" : "libc.so.6"
            let result = try GKML.run(["--version"], environment: ["LD_DEBUG": "bindings"])
            #expect(result.status == 0, "\(result.stdout)")
            let bindings = result.stderr.split(separator: "\n").filter { $0.contains("binding file") }
            #expect(!bindings.isEmpty, "LD_DEBUG printed no bindings")
            for library in ["libswiftCore.so", "libyaml-0.so"] {
                for symbol in ["malloc", "free"] {
                    let lines = bindings.filter { $0.contains("file \(library)") || $0.contains("/\(library)") }
                        .filter { $0.contains("symbol `\(symbol)'") }
                    #expect(!lines.isEmpty, "\(library) binds no \(symbol)")
                    for line in lines {
                        #expect(line.split(separator: " to ").last?.contains(provider) == true, "\(line)")
                    }
                }
            }
        }
    #endif
}
