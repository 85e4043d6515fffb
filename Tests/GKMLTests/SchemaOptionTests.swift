import Foundation
import Testing

/// `gkml validate --schema FILE` with offline `--schema-map`.
@Suite("validate --schema")
struct SchemaOptionTests {
    func workspace() throws -> URL {
        let dir = try GKML.temporaryFolder()
        try Data(
            #"{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"name":{"type":"string"},"ref":{"$ref":"https://example.org/schemas/sub.json"}},"required":["name"]}"#
                .utf8
        )
        .write(to: dir.appendingPathComponent("s.json"))
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("local"), withIntermediateDirectories: true)
        try Data(#"{"type":"integer","minimum":3}"#.utf8).write(to: dir.appendingPathComponent("local/sub.json"))
        try Data("name: 名称\nref: 2\n".utf8).write(to: dir.appendingPathComponent("bad.yaml"))
        try Data(#"{"name": "x", "ref": 5}"#.utf8).write(to: dir.appendingPathComponent("good.json"))
        return dir
    }

    @Test func validatesYAMLAndJSONWithMappedRefs() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try GKML.run(
            [
                "validate", "--schema", "s.json", "bad.yaml", "good.json",
                "--schema-map", "https://example.org/schemas/=local", "--format", "json",
            ], in: dir)
        #expect(result.status == 1)
        let report = try GKML.json(result)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.count == 2)
        let bad = try #require(files.first { $0["path"] as? String == "bad.yaml" })
        #expect(bad["valid"] as? Bool == false)
        let finding = try #require((bad["findings"] as? [[String: Any]])?.first)
        #expect(finding["line"] as? Int == 2 && finding["column"] as? Int == 6)
        #expect((finding["message"] as? String)?.contains("2 小于最小值 3") == true)
        #expect(files.first { $0["path"] as? String == "good.json" }?["valid"] as? Bool == true)
    }

    @Test func unmappedRemoteRefIsAClearErrorNotANetworkFetch() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try GKML.run(["validate", "--schema", "s.json", "good.json"], in: dir)
        #expect(result.status == 2)
        #expect(result.stdout.contains("schema-ref-unresolved"))
        #expect(result.stdout.contains("--schema-map"))
    }

    @Test func aSchemaThatIsItselfInvalid() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"type": 12, "minimum": "three"}"#.utf8).write(to: dir.appendingPathComponent("broken.json"))
        let result = try GKML.run(["validate", "--schema", "broken.json", "good.json", "--format", "json"], in: dir)
        #expect(result.status == 2)
        #expect(try GKML.findings(result).contains { $0["code"] as? String == "schema-invalid" })
    }
}

extension SchemaOptionTests {
    /// Issue 15: every valid JSON string escape is accepted in a `.json` instance, a surrogate pair in a
    /// top-level string included, and is one character to the schema (maxLength 1); a lone surrogate is a
    /// clear error with its line and column.
    @Test func jsonInstancesWithSurrogateEscapes() throws {
        let dir = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"type":"string","maxLength":1}"#.utf8).write(to: dir.appendingPathComponent("one.json"))
        try Data(#""\ud83d\udca9""#.utf8).write(to: dir.appendingPathComponent("pair.json"))
        try Data("\n\"\\ud83d\"".utf8).write(to: dir.appendingPathComponent("lone.json"))
        let good = try GKML.run(["validate", "--schema", "one.json", "pair.json"], in: dir)
        #expect(good.status == 0, "\(good.all)")
        let bad = try GKML.run(["validate", "--schema", "one.json", "lone.json", "--format", "json"], in: dir)
        #expect(bad.status == 1, "\(bad.all)")
        let finding = try #require(try GKML.findings(bad).first)
        #expect(finding["code"] as? String == "yaml-lone-surrogate")
        #expect(finding["line"] as? Int == 2 && finding["column"] as? Int == 2)
        let english = try GKML.run(["validate", "--schema", "one.json", "lone.json", "--lang", "en"], in: dir)
        #expect(english.stdout.contains("lone.json:2:2:"), "\(english.all)")
        #expect(english.stdout.contains("U+D83D, a lone UTF-16 surrogate"), "\(english.all)")
    }
}
