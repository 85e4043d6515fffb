import Foundation
import Testing

/// `gkml validate --fix`, `--write-accepted` and `--accepted` (formerly `--write-baseline`, `--baseline`), run as a
/// user would.
@Suite("validate --fix and accepted findings")
struct FixAndAcceptedTests {
    /// The example's 星海镇 employment catalog with fixable problems written in, next to its workspace.
    func messyWorkspace() throws -> (dir: URL, file: URL) {
        let dir = try GKML.temporaryFolder()
        try FileManager.default.copyItem(
            at: GKML.root.appendingPathComponent("catalogs/example"), to: dir.appendingPathComponent("example"))
        let file = dir.appendingPathComponent("example/星海镇/employment.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        // Citation with ASCII brackets around the year, a half-width comma between Chinese characters.
        text = text.replacingOccurrences(of: "（国令第711号）", with: "（国令第711号） ")
        text = text.replacingOccurrences(of: "公开内容: ", with: "公开内容: 　", options: [], range: text.range(of: "公开内容: "))
        text = "# 这是一条用户写的注释，--fix 不得改动它\n" + text
        try Data(text.utf8).write(to: file)
        return (dir, file)
    }

    @Test func fixRepairsInPlaceKeepsCommentsAndIsIdempotent() throws {
        let (dir, file) = try messyWorkspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try String(contentsOf: file, encoding: .utf8)
        let first = try GKML.run(["validate", "example/星海镇/employment.yaml", "--format", "json"], in: dir)
        let fixableBefore = try GKML.findings(first).filter { ($0["code"] as? String)?.hasPrefix("text-") == true }
        #expect(!fixableBefore.isEmpty, "the messy file should have text hygiene findings")

        let fixed = try GKML.run(["validate", "example/星海镇/employment.yaml", "--fix"], in: dir)
        #expect(fixed.stderr.contains("已修复"), "fixes are reported: \(fixed.stderr)")
        let after = try String(contentsOf: file, encoding: .utf8)
        #expect(after != before)
        #expect(after.hasPrefix("# 这是一条用户写的注释，--fix 不得改动它\n"))
        // Untouched lines stay byte-identical: every line of the result is a line of the input, or a fixed one.
        let changedLines = zip(
            before.split(separator: "\n", omittingEmptySubsequences: false),
            after.split(separator: "\n", omittingEmptySubsequences: false)
        ).filter { $0 != $1 }
        #expect(
            !changedLines.isEmpty && changedLines.count <= fixableBefore.count,
            "only the lines with findings change: \(changedLines)")

        let again = try GKML.run(["validate", "example/星海镇/employment.yaml", "--fix", "--format", "json"], in: dir)
        #expect(try String(contentsOf: file, encoding: .utf8) == after, "a second --fix changes nothing")
        #expect(!again.stderr.contains("已修复"))
        #expect(try GKML.findings(again).filter { ($0["code"] as? String)?.hasPrefix("text-") == true }.isEmpty)
    }

    @Test func acceptedFindingsSilenceKnownFindingsOnly() throws {
        try silencesKnownFindingsOnly(write: "--write-accepted", read: "--accepted")
    }

    /// The former flags keep working, so that existing CI scripts do not break; --help no longer shows them.
    @Test func formerBaselineFlagsStillWork() throws {
        try silencesKnownFindingsOnly(write: "--write-baseline", read: "--baseline")
        let help = try GKML.run(["validate", "--help"])
        #expect(help.stdout.contains("--accepted"))
        #expect(help.stdout.contains("--write-accepted"))
        #expect(!help.stdout.contains("baseline"))
    }

    func silencesKnownFindingsOnly(write: String, read: String) throws {
        let (dir, file) = try messyWorkspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = try GKML.run(["validate", "example", write, "known.json"], in: dir)
        #expect(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("known.json").path), "\(written.stderr)")

        // Move lines: insert a comment block at the top. Known findings must not come back.
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(("# 新增的说明\n# 第二行\n" + text).utf8).write(to: file)
        let quiet = try GKML.run(["validate", "example", read, "known.json", "--format", "json"], in: dir)
        let remaining = try GKML.findings(quiet).compactMap { $0["code"] as? String }
        #expect(remaining.isEmpty, "known findings re-triggered: \(remaining)")

        // A new problem is still reported.
        let broken = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "公开内容: 招聘单位", with: "公开内荣: 招聘单位")
        try Data(broken.utf8).write(to: file)
        let loud = try GKML.run(["validate", "example", read, "known.json", "--format", "json"], in: dir)
        #expect(loud.status == 1)
        #expect(try GKML.findings(loud).contains { $0["code"] as? String == "schema-unknown-key" })
    }
}
