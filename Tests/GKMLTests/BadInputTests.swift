import Foundation
import Testing

/// Every bad input of issue 2 answered with a code, file:line:col where a position exists, and no crash.
@Suite("Bad input")
struct BadInputTests {
    /// Validates one fixture and returns its findings (code, line, column) and the exit status.
    func check(_ relative: String, extra: [String] = []) throws -> (
        status: Int32, findings: [(code: String, line: Int?, column: Int?, message: String)], text: String
    ) {
        let path = "Tests/Fixtures/" + relative
        let json = try GKML.run(["validate", path, "--format", "json"] + extra)
        let text = try GKML.run(["validate", path] + extra)
        #expect(json.status == text.status)
        #expect(!text.all.contains("Fatal error"), "crash output: \(text.all)")
        let findings = try GKML.findings(json).map {
            (
                code: $0["code"] as? String ?? "", line: $0["line"] as? Int, column: $0["column"] as? Int,
                message: $0["message"] as? String ?? ""
            )
        }
        return (json.status, findings, text.stdout)
    }

    func expectFinding(
        _ relative: String, code: String, line: Int?, column: Int?, status: Int32 = 1,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try check(relative)
        #expect(result.status == status, "exit status for \(relative)", sourceLocation: sourceLocation)
        let match = result.findings.first { $0.code == code }
        #expect(
            match != nil, "\(relative): expected \(code), got \(result.findings.map(\.code))",
            sourceLocation: sourceLocation)
        if let match {
            #expect(
                match.line == line && match.column == column,
                "\(relative): \(code) at \(match.line ?? 0):\(match.column ?? 0), expected \(line ?? 0):\(column ?? 0)",
                sourceLocation: sourceLocation)
        }
    }

    @Test func emptyFile() throws { try expectFinding("invalid/empty.yaml", code: "yaml-empty", line: 1, column: 1) }

    @Test func listRoot() throws {
        try expectFinding("schema-invalid/list-root.yaml", code: "schema-root-not-mapping", line: 1, column: 1)
    }

    @Test func scalarRoot() throws {
        try expectFinding("schema-invalid/scalar-root.yaml", code: "schema-root-not-mapping", line: 1, column: 1)
    }

    @Test func unknownKeyWithDidYouMean() throws {
        try expectFinding("schema-invalid/unknown-key.yaml", code: "schema-unknown-key", line: 21, column: 9)
        let text = try check("schema-invalid/unknown-key.yaml").text
        #expect(text.contains("您是否要写「公开内容」？"))
    }

    @Test func wrongTypeQuotedVersionHint() throws {
        try expectFinding("schema-invalid/version-number.yaml", code: "schema-type", line: 7, column: 5)
        let text = try check("schema-invalid/version-number.yaml").text
        #expect(text.contains("「版本」应为文字，实际为数字"))
        #expect(text.contains("\"2024.1\""))
    }

    @Test func enumNearMiss() throws {
        try expectFinding("schema-invalid/mode-typo.yaml", code: "schema-enum", line: 14, column: 9)
        let text = try check("schema-invalid/mode-typo.yaml").text
        #expect(text.contains("「公开方式」应为「主动」或「依申请」，实际为「主动公开」"))
        #expect(text.contains("您是否要写「主动」？"))
    }

    @Test func missingRequiredAfterDefaults() throws {
        let result = try check("schema-invalid/missing-time-limit.yaml")
        #expect(result.status == 1)
        let missing = result.findings.filter { $0.code == "schema-required" }
        #expect(missing.count == 2, "both items lack 公开时限 once 默认 lacks it: \(missing)")
        #expect(missing.allSatisfy { $0.message.contains("公开时限") })
    }

    @Test func onRequestWithoutReason() throws {
        try expectFinding("schema-invalid/on-request-without-reason.yaml", code: "schema-required", line: 27, column: 9)
        #expect(try check("schema-invalid/on-request-without-reason.yaml").text.contains("不主动公开理由"))
    }

    @Test func channelNotInList() throws {
        // The catalog is still read (docs/channels.md): 微信公众号 is free text, a warning that --fix writes as 其他：….
        try expectFinding(
            "schema-invalid/channel-not-in-list.yaml", code: "channel-name-free-text", line: 25, column: 22)
        #expect(try check("schema-invalid/channel-not-in-list.yaml").text.contains("其他：微信公众号"))
        // The schema itself stays strict, as editors see it.
        let strict = try GKML.run([
            "validate", "--schema", "schemas/catalog.schema.json",
            GKML.fixtures.appendingPathComponent("schema-invalid/channel-not-in-list.yaml").path,
        ])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("schema-channel"), "\(strict.all)")
    }

    @Test func badID() throws {
        try expectFinding("schema-invalid/bad-id.yaml", code: "schema-pattern", line: 27, column: 13)
    }

    @Test func emptyContent() throws {
        try expectFinding("schema-invalid/empty-content.yaml", code: "schema-empty", line: 29, column: 15)
    }

    @Test func duplicateKeyNamesBothPlaces() throws {
        try expectFinding("invalid/duplicate-key.yaml", code: "yaml-duplicate-key", line: 4, column: 1)
        #expect(try check("invalid/duplicate-key.yaml").findings.first?.message.contains("3") == true)
    }

    @Test func duplicateID() throws {
        try expectFinding("invalid/duplicate-id.yaml", code: "duplicate-id", line: 27, column: 13)
    }

    @Test func tabIndentation() throws {
        try expectFinding("invalid/tab-indent.yaml", code: "yaml-tab-indent", line: 13, column: 1)
    }

    @Test func unclosedQuote() throws {
        let result = try check("invalid/unclosed-quote.yaml")
        #expect(result.status == 1)
        #expect(result.findings.first?.code == "yaml-unclosed-quote")
        #expect(result.findings.first?.line == 40)
        #expect(result.findings.first?.column == 9)
    }

    @Test func quoteLeftOpenMidFileIsBlamedOnItsOwnLine() throws {
        // libyaml only fails 18 lines further down, where the swallowed text finally breaks the structure.
        try expectFinding("invalid/unclosed-quote-midfile.yaml", code: "yaml-quote-runs-on", line: 7, column: 5)
    }

    @Test func gbkFileIsRecognised() throws {
        let result = try check("invalid/gbk.yaml")
        #expect(result.status == 1)
        #expect(result.findings.first?.code == "yaml-encoding-gbk")
        #expect(result.text.contains("GBK") && result.text.contains("UTF-8"))
    }

    @Test func bomAndCRLFKeepPositions() throws {
        try expectFinding("schema-invalid/bom.yaml", code: "schema-enum", line: 14, column: 9)
        try expectFinding("schema-invalid/crlf.yaml", code: "schema-enum", line: 14, column: 9)
    }

    @Test func randomBinary() throws {
        let result = try check("invalid/binary.yaml")
        #expect(result.status == 1)
        #expect(result.findings.first?.code.hasPrefix("yaml-") == true)
    }

    @Test func unknownDomain() throws {
        try expectFinding("invalid/unknown-domain.yaml", code: "domain-unknown", line: 3, column: 5)
    }

    @Test func hugeScalarDeepNestingAliasBomb() throws {
        let dir = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = "格式: gkml/1\n领域: \"" + String(repeating: "政", count: 10 * 1024 * 1024 / 3) + "\"\n"
        try Data(big.utf8).write(to: dir.appendingPathComponent("big.yaml"))
        try Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)
            .write(to: dir.appendingPathComponent("deep.yaml"))
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for i in 1...9 {
            let prev = Character(Unicode.Scalar(UInt8(96 + i)))
            let this = Character(Unicode.Scalar(UInt8(97 + i)))
            bomb += "\(this): &\(this) [" + Array(repeating: "*\(prev)", count: 9).joined(separator: ",") + "]\n"
        }
        try Data(bomb.utf8).write(to: dir.appendingPathComponent("bomb.yaml"))
        let started = Date()
        for (name, code) in [
            ("big.yaml", "yaml-scalar-too-long"), ("deep.yaml", "yaml-too-deep"), ("bomb.yaml", "yaml-alias-bomb"),
        ] {
            let result = try GKML.run(["validate", dir.appendingPathComponent(name).path, "--format", "json"])
            #expect(result.status == 1, "\(name): \(result.stderr)")
            let codes = try GKML.findings(result).compactMap { $0["code"] as? String }
            #expect(
                codes.contains(code) || (name == "big.yaml" && codes.contains("yaml-too-large")), "\(name): \(codes)")
        }
        // Not a benchmark: a generous bound that only a runaway expansion would break.
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func missingPathAndEmptyFolderExitTwo() throws {
        let missing = try GKML.run(["validate", "no/such/place.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("no/such/place.yaml"))
        let dir = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try GKML.run(["validate", dir.path, "--format", "json"])
        #expect(empty.status == 2)
        #expect(try GKML.findings(empty).contains { $0["code"] as? String == "io-no-catalogs" })
    }

    @Test func unreadableFile() throws {
        let dir = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("locked.yaml")
        if getuid() != 0 {
            try Data("格式: gkml/1\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        } else {
            // Root reads any file; a symbolic link that points at itself cannot be read by anyone.
            try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: file.path)
        }
        let result = try GKML.run(["validate", file.path, "--format", "json"])
        #expect(result.status == 2)
        let codes = try GKML.findings(result).compactMap { $0["code"] as? String }
        #expect(codes.contains { $0.hasPrefix("io-") }, "\(codes)")
    }

    @Test func usageErrorExitsTwo() throws {
        let result = try GKML.run(["validate", "--format", "xml"])
        #expect(result.status == 2)
    }
}

extension BadInputTests {
    /// Issue 15: NULs in a text file give yaml-binary at the first byte that is not text (here the ESC before
    /// them), and the excerpt shows that line with the NULs, the ESC and a bidi override escaped, the caret under
    /// the escaped ESC; nothing raw reaches the output.
    @Test func nulBytesAreLocatedAndTheExcerptIsInert() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nul.yaml")
        let bytes = Array("格式: gkml/1\n名称: 就\u{202E}业\u{1B}[31m".utf8) + [0, 0, 0, 0] + Array("x\n".utf8)
        try Data(bytes).write(to: file)
        let json = try GKML.run(["validate", file.path, "--format", "json"])
        let finding = try #require(try GKML.findings(json).first)
        #expect(finding["code"] as? String == "yaml-binary")
        #expect(finding["line"] as? Int == 2 && finding["column"] as? Int == 8, "\(finding)")
        let text = try GKML.run(["validate", file.path])
        #expect(text.stdout.contains("nul.yaml:2:8: 错误[yaml-binary]"), "\(text.all)")
        #expect(text.stdout.contains("2 | 名称: 就\\u{202E}业\\e[31m\\x00\\x00\\x00\\x00x\n"), "\(text.all)")
        // The caret: 名称 (4 cells), ": " (2), 就 (2), the escape (8), 业 (2) before it; \e (2) under it.
        #expect(text.stdout.contains("\n  | " + String(repeating: " ", count: 18) + "^^\n"), "\(text.all)")
        #expect(!text.all.unicodeScalars.contains { $0.value == 0 || $0.value == 0x1B || $0.value == 0x202E })
    }
}
