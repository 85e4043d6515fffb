import Foundation
import Testing

/// check-jsonschema (an independent implementation, Python) must give the same valid/invalid verdict as
/// gkml on every catalog file we ship and on every schema-invalid fixture (issue 2 §5).
@Suite("check-jsonschema agreement")
struct PeerAgreementTests {
    /// Files relative to the repository root, sorted.
    func files(under folder: String, where keep: (String) -> Bool) throws -> [String] {
        let base = GKML.root.appendingPathComponent(folder)
        let enumerator = try #require(FileManager.default.enumerator(atPath: base.path))
        return enumerator.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") && keep($0) }
            .map { folder + "/" + $0 }
            .sorted()
    }

    /// check-jsonschema's verdict per file: false for a validation or parse error.
    func peerVerdicts(_ files: [String], schema: String) throws -> [String: Bool] {
        let process = Process()
        process.executableURL = try GKML.tool("check-jsonschema")
        process.arguments = ["--schemafile", schema, "-o", "JSON"] + files
        process.currentDirectoryURL = GKML.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = try #require(
            try JSONSerialization.jsonObject(with: data) as? [String: Any],
            "check-jsonschema printed no JSON report")
        var verdicts = Dictionary(uniqueKeysWithValues: files.map { ($0, true) })
        for key in ["errors", "parse_errors"] {
            for entry in (report[key] as? [[String: Any]]) ?? [] {
                if let file = entry["filename"] as? String { verdicts[file] = false }
            }
        }
        return verdicts
    }

    /// gkml's verdict per file with the same schema file (pure schema mode).
    func gkmlVerdicts(_ files: [String], schema: String) throws -> [String: Bool] {
        let result = try GKML.run(["validate", "--schema", schema, "--format", "json"] + files)
        let report = try GKML.json(result)
        let reported = try #require(report["files"] as? [[String: Any]])
        return Dictionary(
            uniqueKeysWithValues: reported.compactMap { file in
                (file["path"] as? String).map { ($0, file["valid"] as? Bool ?? false) }
            })
    }

    func expectAgreement(_ files: [String], schema: String) throws {
        #expect(!files.isEmpty)
        let peer = try peerVerdicts(files, schema: schema)
        let ours = try gkmlVerdicts(files, schema: schema)
        for file in files {
            #expect(ours[file] != nil, "gkml did not report \(file)")
            #expect(
                ours[file] == peer[file],
                "\(file): gkml says \(ours[file].map { $0 ? "valid" : "invalid" } ?? "?"), check-jsonschema says \(peer[file].map { $0 ? "valid" : "invalid" } ?? "?")"
            )
        }
    }

    @Test func catalogsAgree() throws {
        let catalogs = try files(under: "catalogs") { !$0.hasSuffix("gkml.yaml") }
        try expectAgreement(catalogs, schema: "schemas/catalog.schema.json")
        // Everything we ship is valid.
        #expect(try gkmlVerdicts(catalogs, schema: "schemas/catalog.schema.json").values.allSatisfy { $0 })
    }

    @Test func workspacesAgree() throws {
        try expectAgreement(
            try files(under: "catalogs") { $0.hasSuffix("gkml.yaml") }, schema: "schemas/workspace.schema.json")
    }

    @Test func invalidFixturesAgree() throws {
        let fixtures =
            try files(under: "Tests/Fixtures/schema-invalid") { _ in true }
            + files(under: "Tests/Fixtures/valid") { _ in true }
        try expectAgreement(fixtures, schema: "schemas/catalog.schema.json")
        let ours = try gkmlVerdicts(fixtures, schema: "schemas/catalog.schema.json")
        #expect(ours.filter { $0.key.contains("schema-invalid") }.values.allSatisfy { !$0 })
    }

    @Test func embeddedSchemasEqualTheFiles() throws {
        for which in ["catalog", "workspace"] {
            let printed = try GKML.run(["schema", which]).stdout
            let file = try String(
                contentsOf: GKML.root.appendingPathComponent("schemas/\(which).schema.json"), encoding: .utf8)
            #expect(
                printed == file,
                "schemas/\(which).schema.json differs from the copy compiled into gkml: run scripts/embed-resources")
        }
    }
}

/// The JSON report is a contract: real reports (clean, with errors, with coverage and suppressed findings)
/// conform to schemas/validate-report.schema.json, checked by gkml's own engine and by check-jsonschema.
@Test func validateJSONConformsToItsPublishedSchema() throws {
    let dir = try GKML.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let cases: [[String]] = [
        ["catalogs/example"],
        ["Tests/Fixtures/schema-invalid", "Tests/Fixtures/invalid"],
        ["no/such/file.yaml"],
    ]
    for (n, arguments) in cases.enumerated() {
        let result = try GKML.run(["validate", "--format", "json"] + arguments)
        let report = dir.appendingPathComponent("report-\(n).json")
        try Data(result.stdout.utf8).write(to: report)
        let ours = try GKML.run([
            "validate", "--schema", "schemas/validate-report.schema.json", report.path, "--format", "json",
        ])
        #expect(ours.status == 0, "report for \(arguments) does not conform: \(ours.stdout.prefix(2000))")
        let peer = Process()
        peer.executableURL = try GKML.tool("check-jsonschema")
        peer.arguments = ["--schemafile", "schemas/validate-report.schema.json", report.path]
        peer.currentDirectoryURL = GKML.root
        peer.standardOutput = FileHandle.nullDevice
        peer.standardError = FileHandle.nullDevice
        try peer.run()
        peer.waitUntilExit()
        #expect(peer.terminationStatus == 0, "check-jsonschema rejects the report for \(arguments)")
    }
}
