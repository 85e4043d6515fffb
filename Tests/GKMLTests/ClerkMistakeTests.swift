import Foundation
import Testing

/// The structure mistakes a clerk makes (Tests/Fixtures/clerk): each gets its own code on the right line and
/// column, a message that says what to type, and — where the repair is certain — a `--fix` that restores the
/// example file byte for byte and is idempotent.
@Suite("Clerk mistakes")
struct ClerkMistakeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var code: String
        var line: Int
        var column: Int
        /// Text the message, hint or fix line must contain: what to type.
        var names: String
        /// Whether --fix repairs it (then the result must be the example file).
        var fixable: Bool
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(
            file: "missing-dash", code: "yaml-missing-list-dash", line: 33, column: 9,
            names: "写成「      - 编号: 17-01-03」", fixable: false),
        Case(
            file: "missing-dash-at-dash-column", code: "yaml-missing-list-dash", line: 33, column: 7,
            names: "在这一行的“编号”前加上“- ”", fixable: false),
        Case(
            file: "bad-indent", code: "yaml-bad-indent", line: 32, column: 10,
            names: "这一行从第 10 列开始，应从第 9 列开始，与第 31 行对齐", fixable: false),
        Case(
            file: "fullwidth-space-indent", code: "yaml-unicode-space", line: 32, column: 1,
            names: "换成 2 个英文半角空格", fixable: true),
        Case(
            file: "tab-indent", code: "yaml-tab-indent", line: 32, column: 1,
            names: "改为 8 个半角空格", fixable: true),
        Case(
            file: "fullwidth-dash", code: "yaml-fullwidth-dash", line: 33, column: 7,
            names: "改成英文减号加一个空格“- ”", fixable: true),
        Case(
            file: "fullwidth-comma", code: "yaml-fullwidth-comma", line: 20, column: 14,
            names: "英文逗号加空格“, ”", fixable: true),
        Case(
            file: "fullwidth-space-in-list", code: "yaml-unicode-space", line: 20, column: 15,
            names: "英文半角空格", fixable: true),
        Case(
            file: "comment-in-value", code: "yaml-comment-in-value", line: 32, column: 25,
            names: "写成 \"招聘单位、岗位要求 #1、福利待遇、招聘流程、应聘方式、咨询电话\"", fixable: true),
        Case(
            file: "smart-quote", code: "yaml-smart-quote", line: 31, column: 20,
            names: "请把结尾的「”」改成英文引号 \"", fixable: false),
        Case(
            file: "fullwidth-colon", code: "yaml-fullwidth-colon", line: 31, column: 11,
            names: "英文半角冒号加空格“: ”", fixable: true),
        Case(
            file: "fullwidth-colon-unknown-key", code: "yaml-fullwidth-colon", line: 31, column: 13,
            names: "英文半角冒号加空格“: ”", fixable: false),
        Case(
            file: "mode-enum", code: "schema-enum", line: 22, column: 9,
            names: "gkml validate --fix 可自动改为「主动」", fixable: true),
        Case(
            file: "channel-typo", code: "channel-name-variant", line: 20, column: 10,
            names: "gkml validate --fix 可自动改为「政府网站」", fixable: true),
    ]

    static let example = GKML.root.appendingPathComponent("catalogs/example/星海镇/employment.yaml")

    func copy(_ name: String) throws -> (dir: URL, file: URL) {
        let dir = try GKML.temporaryFolder()
        let file = dir.appendingPathComponent("employment.yaml")
        try FileManager.default.copyItem(at: GKML.fixtures.appendingPathComponent("clerk/\(name).yaml"), to: file)
        return (dir, file)
    }

    @Test(arguments: cases)
    func diagnosis(_ c: Case) throws {
        let path = "Tests/Fixtures/clerk/\(c.file).yaml"
        let result = try GKML.run(["validate", path, "--format", "json"])
        let findings = try GKML.findings(result)
        let found = try #require(
            findings.first { $0["code"] as? String == c.code }, "\(c.code) in \(findings.map { $0["code"] ?? "" })")
        #expect(found["line"] as? Int == c.line)
        #expect(found["column"] as? Int == c.column)
        let said = [found["message"], found["hint"], (found["fix"] as? [String: Any])?["description"]]
            .compactMap { $0 as? String }.joined(separator: "\n")
        #expect(said.contains(c.names), "\(said)")
        // The finding offers --fix exactly when the repair is certain.
        #expect((found["fix"] != nil) == c.fixable, "\(found)")
        // One diagnosis of the mistake: no duplicate-key errors inviting deletion, no libyaml jargon instead.
        #expect(!findings.contains { ["yaml-duplicate-key", "yaml-syntax"].contains($0["code"] as? String ?? "") })
        // The text reporter shows the same in English without Chinese outside the user's text.
        let english = try GKML.run(["validate", path, "--lang", "en"])
        #expect(english.stdout.contains("\(path):\(c.line):\(c.column):"), "\(english.stdout)")
    }

    @Test(arguments: cases.filter(\.fixable))
    func fixRestoresTheExampleAndIsIdempotent(_ c: Case) throws {
        let (dir, file) = try copy(c.file)
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try GKML.run(["validate", "employment.yaml", "--fix"], in: dir)
        #expect(first.stderr.contains("已修复[\(c.code)]"), "the fix is listed: \(first.stderr)")
        let fixed = try Data(contentsOf: file)
        // The fix restores the example, except where it cannot know the original: ` #` text gets quoted.
        let expectedFile = GKML.fixtures.appendingPathComponent("clerk/\(c.file).fixed")
        let expected = FileManager.default.fileExists(atPath: expectedFile.path) ? expectedFile : Self.example
        #expect(fixed == (try Data(contentsOf: expected)), "\(c.file): \(String(decoding: fixed, as: UTF8.self))")
        let second = try GKML.run(["validate", "employment.yaml", "--fix"], in: dir)
        #expect(!second.stderr.contains("已修复"), "\(second.stderr)")
        #expect(try Data(contentsOf: file) == fixed)
    }

    @Test func notCertainMistakesAreLeftAlone() throws {
        for c in Self.cases where !c.fixable {
            let (dir, file) = try copy(c.file)
            defer { try? FileManager.default.removeItem(at: dir) }
            let before = try Data(contentsOf: file)
            _ = try GKML.run(["validate", "employment.yaml", "--fix"], in: dir)
            #expect(try Data(contentsOf: file) == before, "\(c.file) must not be changed by --fix")
        }
    }

    /// Text after ` #` is reported, not silently dropped: the warning quotes what YAML leaves out.
    @Test func textAfterHashIsReported() throws {
        let result = try GKML.run(["validate", "Tests/Fixtures/clerk/comment-in-value.yaml", "--format", "json"])
        let warning = try #require(try GKML.findings(result).first { $0["code"] as? String == "yaml-comment-in-value" })
        #expect(warning["severity"] as? String == "warning")
        #expect((warning["message"] as? String)?.contains("“#1、福利待遇、招聘流程、应聘方式、咨询电话”不会出现在目录中") == true)
        // Every such line, and only with a single space before # (an aligned comment has two or more).
        let dir = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOf: Self.example, encoding: .utf8)
        text = text.replacingOccurrences(of: "        公开内容: 招聘单位、岗位要求、", with: "        公开内容: 招聘单位 #2、岗位要求、")
        text = text.replacingOccurrences(of: "        名称: 职业介绍\n", with: "        名称: 职业介绍 #3\n")
        text = text.replacingOccurrences(of: "        名称: 职业指导\n", with: "        名称: 职业指导  # 一条真正的注释\n")
        try Data(text.utf8).write(to: dir.appendingPathComponent("e.yaml"))
        let lines = try GKML.findings(try GKML.run(["validate", "e.yaml", "--format", "json"], in: dir))
            .filter { $0["code"] as? String == "yaml-comment-in-value" }.compactMap { $0["line"] as? Int }
        #expect(lines == [32, 42])
    }

    /// A value continued on a second line cannot be edited in place: its finding does not offer --fix.
    @Test func continuedLineDoesNotPromiseAFix() throws {
        let dir = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOf: Self.example, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "        公开内容: 招聘单位、岗位要求、福利待遇、招聘流程、应聘方式、咨询电话\n",
            with: "        公开内容: 招聘单位、岗位要求、福利待遇、\n          招聘流程　、应聘方式、咨询电话\n")
        try Data(text.utf8).write(to: dir.appendingPathComponent("e.yaml"))
        let result = try GKML.run(["validate", "e.yaml", "--format", "json"], in: dir)
        let finding = try #require(try GKML.findings(result).first { $0["code"] as? String == "text-whitespace" })
        #expect(finding["line"] as? Int == 32)
        #expect(finding["fix"] == nil)
        #expect(!((finding["hint"] as? String) ?? "").contains("--fix"))
        let text2 = try GKML.run(["validate", "e.yaml"], in: dir)
        #expect(!text2.stdout.contains("--fix"), "\(text2.stdout)")
    }
}
