import Foundation
import Testing

/// Every input the fuzz harness (bench/fuzz, docs/fuzzing.md) found to crash, hang or run slowly is kept under
/// Tests/Fixtures/fuzz/ and goes through validate, text and JSON, and through --fix on a copy: an answer with
/// findings, never a crash.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = GKML.fixtures.appendingPathComponent("fuzz")

    static var fixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }

    @Test func thereAreFixtures() {
        #expect(Self.fixtures.count >= 1, "no fuzz fixtures under \(Self.folder.path)")
    }

    @Test(arguments: fixtures) func validatesWithoutCrashing(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let json = try GKML.run(["validate", path, "--format", "json"])
        let text = try GKML.run(["validate", path])
        for result in [json, text] {
            #expect([0, 1, 2].contains(result.status), "\(name): exit \(result.status)\n\(result.stderr)")
            #expect(!result.all.contains("Fatal error"), "\(name): \(result.all.suffix(2_000))")
        }
        #expect(json.status == text.status)
        let findings = try GKML.findings(json)
        #expect(
            findings.allSatisfy { !($0["message"] as? String ?? "").isEmpty }, "\(name): a finding without a message")

        // --fix on a copy: it terminates, and what it wrote validates again without a crash.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gkml-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: path, toPath: copy.path)
        let fixed = try GKML.run(["validate", "--fix", copy.path])
        #expect([0, 1, 2].contains(fixed.status), "\(name) --fix: exit \(fixed.status)\n\(fixed.stderr)")
        #expect(!fixed.all.contains("Fatal error"), "\(name) --fix: \(fixed.all.suffix(2_000))")
        let again = try GKML.run(["validate", copy.path])
        #expect([0, 1, 2].contains(again.status))
    }
}
