import Foundation
import Testing

@testable import JSONSchema

/// Runs the official JSON Schema Test Suite (draft 2020-12), pinned: the copy that `scripts/test` extracts from the
/// `jsonschema` 4.26.0 source distribution on PyPI into `.test-deps/JSON-Schema-Test-Suite`.
enum TestSuite {
    /// The suite version the expected counts below belong to.
    static let pinnedVersion = "jsonschema-4.26.0"

    /// The test suite folder: `$JSON_SCHEMA_TEST_SUITE`, or `.test-deps/JSON-Schema-Test-Suite` in this repository.
    /// Missing, the tests fail with a message that says how to get it.
    static let root: URL? = {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["JSON_SCHEMA_TEST_SUITE"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        // Tests/JSONSchemaTests/TestSuiteTests.swift → the repository root.
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidate = repository.appendingPathComponent(".test-deps/JSON-Schema-Test-Suite")
        return fm.fileExists(atPath: candidate.path) ? candidate : nil
    }()

    static let missing: String =
        "JSON Schema Test Suite not found: run scripts/test, which fetches it into .test-deps/ (or set JSON_SCHEMA_TEST_SUITE)"

    static var testsDir: URL? { root?.appendingPathComponent("tests/draft2020-12") }

    /// The suite's remotes, served as `http://localhost:1234/…`.
    static let registry: SchemaRegistry = {
        var registry = SchemaRegistry()
        guard let remotes = root?.appendingPathComponent("remotes") else { return registry }
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: remotes, includingPropertiesForKeys: nil) else { return registry }
        let prefix = remotes.standardizedFileURL.path
        for case let url as URL in walker where url.pathExtension == "json" {
            let path = url.standardizedFileURL.path
            let relative = String(path.dropFirst(prefix.count + 1))
            if let data = try? Data(contentsOf: url), let value = try? JSONParser.parse(data) {
                registry.register(value, uri: "http://localhost:1234/" + relative)
            }
        }
        return registry
    }()

    struct Score {
        var passed = 0
        var total = 0
        var failures: [String] = []
    }

    static func jsonFiles(in dir: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// Runs one test file; a failure is "file: group: test".
    static func run(file: URL, options: CompileOptions) -> Score {
        var score = Score()
        let name = file.lastPathComponent
        guard let data = try? Data(contentsOf: file), let groups = try? JSONParser.parse(data).arrayValue else {
            score.failures.append("\(name): cannot read the file")
            return score
        }
        for group in groups {
            let groupName = group["description"]?.stringValue ?? "?"
            let tests = group["tests"]?.arrayValue ?? []
            let schema: CompiledSchema
            do {
                schema = try CompiledSchema.compile(group["schema"] ?? .null, registry: registry, options: options)
            } catch {
                score.total += tests.count
                for t in tests {
                    score.failures.append(
                        "\(name): \(groupName): \(t["description"]?.stringValue ?? "?"): compile error: \(error)")
                }
                continue
            }
            for t in tests {
                score.total += 1
                let data = t["data"] ?? .null
                let testName = "\(name): \(groupName): \(t["description"]?.stringValue ?? "?")"
                guard let expected = t["valid"]?.boolValue else {
                    score.failures.append("\(testName): the test has no boolean \"valid\"")
                    continue
                }
                let fast = schema.isValid(data)
                let result = schema.validate(data)
                if fast == expected && result.isValid == expected {
                    score.passed += 1
                } else {
                    score.failures.append(
                        "\(testName): expected \(expected ? "valid" : "invalid"), isValid=\(fast), validate=\(result.isValid)"
                    )
                }
            }
        }
        return score
    }

    static func run(files: [URL], options: CompileOptions) -> (Score, [(String, Score)]) {
        var total = Score()
        var perFile: [(String, Score)] = []
        for f in files {
            let s = run(file: f, options: options)
            perFile.append((f.lastPathComponent, s))
            total.passed += s.passed
            total.total += s.total
            total.failures += s.failures
        }
        return (total, perFile)
    }
}

@Suite struct JSONSchemaTestSuite {
    @Test func required() throws {
        let dir = try #require(TestSuite.testsDir, "\(TestSuite.missing)")
        let files = TestSuite.jsonFiles(in: dir)
        let (score, _) = TestSuite.run(files: files, options: CompileOptions())
        print("JSON Schema Test Suite draft2020-12 required: \(score.passed)/\(score.total)")
        for f in score.failures { Issue.record("\(f)") }
        let versionFile = dir.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("VERSION")
        let version = (try? String(contentsOf: versionFile, encoding: .utf8)).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(version == TestSuite.pinnedVersion, "not the pinned suite: \(version ?? "no VERSION file")")
        #expect(files.count == PinnedSuite.required.files, "\(dir.path): \(files.count) test files")
        #expect(score.total == PinnedSuite.required.tests)
    }

    @Test func optional() throws {
        let dir = try #require(TestSuite.testsDir, "\(TestSuite.missing)").appendingPathComponent("optional")
        let files = TestSuite.jsonFiles(in: dir)
        let (score, perFile) = TestSuite.run(files: files, options: CompileOptions())
        for (name, s) in perFile { print("  optional/\(name): \(s.passed)/\(s.total)") }
        print("JSON Schema Test Suite draft2020-12 optional: \(score.passed)/\(score.total)")
        for f in score.failures where !KnownOptionalFailures.isExpected(f) { Issue.record("\(f)") }
        // An empty or missing folder must fail, not pass with nothing run.
        #expect(files.count == PinnedSuite.optional.files, "\(dir.path): \(files.count) test files")
        #expect(score.total == PinnedSuite.optional.tests)
        for known in KnownOptionalFailures.prefixes {
            #expect(
                score.failures.contains { $0.hasPrefix(known.prefix) },
                "\(known.prefix) no longer fails: remove it from KnownOptionalFailures and docs/jsonschema.md")
        }
    }

    @Test func formats() throws {
        let dir = try #require(TestSuite.testsDir, "\(TestSuite.missing)").appendingPathComponent("optional/format")
        let files = TestSuite.jsonFiles(in: dir)
        let (score, perFile) = TestSuite.run(files: files, options: CompileOptions(formatAssertion: true))
        for (name, s) in perFile { print("  optional/format/\(name): \(s.passed)/\(s.total)") }
        print("JSON Schema Test Suite draft2020-12 optional/format (assertion on): \(score.passed)/\(score.total)")
        for f in score.failures where !KnownOptionalFailures.isExpected(f) { Issue.record("\(f)") }
        // An empty or missing folder must fail, not pass with nothing run.
        #expect(files.count == PinnedSuite.format.files, "\(dir.path): \(files.count) test files")
        #expect(score.total == PinnedSuite.format.tests)
    }
}

/// The size of the pinned suite (the one in the PyPI sdist of jsonschema 4.26.0, under `json/tests/draft2020-12`),
/// so that a missing, empty or different copy fails instead of passing with nothing checked.
enum PinnedSuite {
    static let required = (files: 46, tests: 1257)
    static let optional = (files: 13, tests: 158)
    static let format = (files: 21, tests: 491)
}

/// Optional tests that are known to fail, with the reason (also listed in docs/jsonschema.md).
enum KnownOptionalFailures {
    static let prefixes: [(prefix: String, reason: String)] = [
        (
            "dependencies-compatibility.json:",
            "draft 2020-12 gives the old `dependencies` keyword no meaning; gkml must agree with other 2020-12 validators"
        ),
        (
            "cross-draft.json:",
            "historic drafts (2019-09 and earlier) are not implemented: such a `$schema` is rejected with SchemaError.unsupportedDialect"
        ),
    ]

    static func isExpected(_ failure: String) -> Bool {
        prefixes.contains { failure.hasPrefix($0.prefix) }
    }
}
