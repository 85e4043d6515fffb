import Foundation
import Testing

/// `gkml show` (an item whole, with where each value is written), the 默认 note in validate, and the
/// offline editor set-up that `gkml init` and `gkml schema --write` make.
@Suite("show and editor set-up")
struct ShowAndEditorTests {
    static let example = "catalogs/example/星海镇/employment.yaml"

    @Test func showMarksWhereEachValueIsWritten() throws {
        let result = try GKML.run(["show", Self.example, "17-01-02"])
        #expect(result.status == 0, "\(result.all)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "17-01-02  岗位信息发布（一级事项：就业信息服务）  \(Self.example):30")
        #expect(lines.contains("  公开内容  招聘单位、岗位要求、福利待遇、招聘流程、应聘方式、咨询电话  ［事项 第 32 行］"))
        #expect(lines.contains("  公开渠道  政府网站、便民服务站、社区/企事业单位/村公示栏(电子屏)、其他：星海镇政务微信公众号  ［默认 第 20 行］"))
        #expect(lines.contains("  公开方式  主动  ［默认 第 22 行］"))
        // All nine elements of the published row, not only the three the item writes.
        #expect(lines.filter { $0.hasPrefix("  公开") }.count == 8)
        #expect(result.stdout.contains("只改一个事项，请在该事项中写上这个要素"))
    }

    @Test func showJSONAndEnglish() throws {
        let result = try GKML.run(["show", Self.example, "17-04-01", "--format", "json"])
        #expect(result.status == 0, "\(result.all)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let item = try #require((object["items"] as? [[String: Any]])?.first)
        #expect(item["编号"] as? String == "17-04-01")
        let elements = try #require(item["elements"] as? [[String: Any]])
        let basis = try #require(elements.first { $0["key"] as? String == "公开依据" })
        #expect(basis["source"] as? String == "item")
        #expect((basis["value"] as? [String])?.contains("《就业服务与就业管理规定》") == true)
        let limit = try #require(elements.first { $0["key"] as? String == "公开时限" })
        #expect(limit["source"] as? String == "默认")
        #expect(limit["line"] as? Int == 18)
        let english = try GKML.run(["show", Self.example, "17-04-01", "--lang", "en"])
        #expect(english.stdout.contains("[默认 (defaults), line 18]"), "\(english.stdout)")
        #expect(english.stdout.contains("[item, line 61]"), "\(english.stdout)")
    }

    @Test func showUnknownNumberSaysSo() throws {
        let result = try GKML.run(["show", Self.example, "17-01-09"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("没有编号为「17-01-09」的事项"), "\(result.stderr)")
        #expect(result.stderr.contains("您是否要写「17-01-0"), "\(result.stderr)")
    }

    @Test func validateSaysWhenAValueComesFromDefaults() throws {
        let dir = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOf: GKML.root.appendingPathComponent(Self.example), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "  公开渠道: [政府网站, 便民服务站, 社区/企事业单位/村公示栏(电子屏), 其他：星海镇政务微信公众号]",
            with: "  公开渠道: [便民服务站]")
        try Data(text.utf8).write(to: dir.appendingPathComponent("e.yaml"))
        let result = try GKML.run(["validate", "e.yaml", "--format", "json"], in: dir)
        let finding = try #require(try GKML.findings(result).first { $0["code"] as? String == "channel-no-online" })
        #expect(finding["line"] as? Int == 20)
        let notes = (finding["notes"] as? [String]) ?? []
        #expect(notes.contains { $0.contains("该值写在「默认」中") && $0.contains("只改其中一个事项，请在该事项中写上「公开渠道」") }, "\(notes)")
    }

    @Test func initWritesTheSchemasAndARelativeModeline() throws {
        let folder = try GKML.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try GKML.run(["init", "workspace", "县", "--region", "示例县", "--townships", "星海镇"], in: folder)
        #expect(made.status == 0, "\(made.all)")
        let ws = folder.appendingPathComponent("县")
        for kind in ["catalog", "workspace"] {
            let schema = ws.appendingPathComponent(".gkml/schemas/\(kind).schema.json")
            let written = try String(contentsOf: schema, encoding: .utf8)
            let builtIn = try GKML.run(["schema", kind]).stdout
            #expect(written == builtIn, "\(kind): the file is the built-in schema")
        }
        let catalog = try GKML.run(["init", "catalog", "--workspace", ws.path, "--region", "星海镇", "--domain", "就业"])
        #expect(catalog.status == 0, "\(catalog.all)")
        let file = ws.appendingPathComponent("星海镇/employment.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let modeline = try #require(text.split(separator: "\n").first.map(String.init))
        #expect(modeline == "# yaml-language-server: $schema=../.gkml/schemas/catalog.schema.json")
        #expect(!text.contains("http"), "no address on the internet")
        // The relative path resolves to the schema from the file's folder, as the editor resolves it.
        let target = file.deletingLastPathComponent().appendingPathComponent("../.gkml/schemas/catalog.schema.json")
            .standardizedFileURL
        #expect(FileManager.default.fileExists(atPath: target.path))
        // A short Chinese comment above 默认 says it applies to every item.
        #expect(text.contains("# 默认：下面的要素适用于本文件的每一个事项；事项中自己写了的要素，以事项中写的为准。\n# 查看一个事项的全部要素：gkml show 本文件 编号\n默认:\n"))

        // schema --write refreshes an outdated copy.
        let schema = ws.appendingPathComponent(".gkml/schemas/catalog.schema.json")
        try Data("{}".utf8).write(to: schema)
        let refreshed = try GKML.run(["schema", "--write"], in: ws.appendingPathComponent("星海镇"))
        #expect(refreshed.status == 0, "\(refreshed.all)")
        #expect(try String(contentsOf: schema, encoding: .utf8) == (try GKML.run(["schema", "catalog"]).stdout))
        let again = try GKML.run(["schema", "--write"], in: ws)
        #expect(again.stderr.contains("已是最新"), "\(again.stderr)")
    }
}
