import Foundation
import Testing

/// `gkml audit` end to end: the built executable against the fixture site on 127.0.0.1 and against a
/// `wget -m` copy of it. The site's planted problems (Tests/Fixtures/audit/README.md) are found, nothing else.
/// Serialized: one fixture server at a time on a shared machine.
@Suite(.serialized) struct AuditTests {
    static let asOf = "2024-12-02"

    /// (code, catalog, id, url path) of every planted problem, in report order.
    static let planted: [[String]] = [
        ["audit-late", "县本级/employment.yaml", "17-01-01", "/xxgk/zcwj/202410/t20241030_1002.html"],
        ["audit-no-column", "县本级/employment.yaml", "17-02-03", ""],
        ["audit-stale", "县本级/employment.yaml", "17-03-01", "/xxgk/jyzj/"],
        ["audit-unreachable", "县本级/employment.yaml", "17-03-02", "/xxgk/pxbt/"],
        ["audit-empty", "星海镇/employment.yaml", "17-02-01", "/xhz/zpxx/"],
        ["audit-unreachable", "星海镇/employment.yaml", "17-04-01", "/private/xhz/tz/"],
    ]

    static func keys(_ report: [String: Any], base: String) throws -> [[String]] {
        let findings = try #require(report["findings"] as? [[String: Any]])
        return findings.map { f in
            [
                f["code"] as? String ?? "", f["catalog"] as? String ?? "", f["id"] as? String ?? "",
                (f["url"] as? String)?.replacingOccurrences(of: base, with: "") ?? "",
            ]
        }
    }

    static func columns(_ report: [String: Any], base: String) throws -> [String] {
        let columns = try #require(report["columns"] as? [[String: Any]])
        return columns.map { c in
            let url = (c["url"] as? String ?? "").replacingOccurrences(of: base, with: "")
            let items = (c["items"] as? [String] ?? []).joined(separator: ",")
            return
                "\(url) \(c["status"] as? String ?? "") \(c["entries"] as? Int ?? -1) \(c["newest"] as? String ?? "null") \(items)"
        }
    }

    func audit(_ site: AuditSite, _ extra: [String]) throws -> GKML.Result {
        try GKML.run(["audit", site.workspace.path, "--as-of", Self.asOf, "--delay", "0.02"] + extra)
    }

    @Test func liveSiteYieldsExactlyThePlantedProblems() throws {
        let site = try AuditSite()
        let result = try audit(site, ["--format", "json"])
        #expect(result.status == 1, "findings exit 1: \(result.stderr)")
        let report = try GKML.json(result)
        #expect(try Self.keys(report, base: site.base) == Self.planted)
        #expect(
            try Self.columns(report, base: site.base) == [
                "/private/xhz/tz/ unreachable 0 null 17-04-01",
                "/xhz/gyxgw/ no-information 0 null 17-02-02",
                "/xhz/jyzj/ published 2 2024-07-15 17-03-01",
                "/xhz/zcwj/ published 2 2024-11-18 17-01-01",
                "/xhz/zpxx/ empty 0 null 17-02-01",
                "/xxgk/jyzj/ stale 3 2024-06-28 17-03-01",
                "/xxgk/pxbt/ unreachable 0 null 17-03-02",
                "/xxgk/zcwj/ published 7 2024-11-20 17-01-01",
                "/xxgk/zpxx/ published 5 2024-11-05 17-02-01",
            ])

        // The late document's evidence: both dates and the working days across National Day 2024.
        let findings = try #require(report["findings"] as? [[String: Any]])
        let late = try #require(findings.first { $0["code"] as? String == "audit-late" }?["evidence"] as? [String: Any])
        #expect(late["written"] as? String == "2024-09-20")
        #expect(late["published"] as? String == "2024-10-30")
        #expect(late["workingDays"] as? Int == 25)
        let robots = try #require(findings.last?["evidence"] as? [String: Any])
        #expect((robots["reason"] as? String)?.contains("robots.txt") == true)

        // Rates per jurisdiction, as inspections count them.
        let summary = try #require(report["summary"] as? [[String: Any]])
        #expect(
            summary.map {
                "\($0["jurisdiction"]!) \($0["columnsPublished"]!)/\($0["columnsChecked"]!) \($0["documentsOnTime"]!)/\($0["documentsChecked"]!)"
            }
                == ["示例县 2/4 5/6", "星海镇 3/5 1/1"])

        // Politeness: robots.txt read first, /private/ never requested, every request names gkml.
        let requests = site.requests()
        #expect(requests.first?.path == "/robots.txt")
        #expect(!requests.contains { $0.path.hasPrefix("/private/") })
        #expect(requests.allSatisfy { $0.agent.hasPrefix("gkml-audit/") })
        // The pagination was followed: TRS-style index_N.html pages and a ?page=2 list.
        #expect(requests.contains { $0.path == "/xxgk/zcwj/index_2.html" })
        #expect(requests.contains { $0.path == "/xxgk/zpxx/?page=2" })
        // Documents older than a year before --as-of are not opened.
        #expect(!requests.contains { $0.path.contains("t20230610_1007") })

        // The JSON validates against the published schema.
        let file = site.folder.appendingPathComponent("audit.json")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        let checker = try Tools.require("check-jsonschema")
        let verdict = try Tools.run(
            checker,
            ["--schemafile", GKML.root.appendingPathComponent("schemas/audit-report.schema.json").path, file.path])
        #expect(verdict.status == 0, "\(verdict.output)")
    }

    @Test func mirrorGivesTheSameResult() throws {
        let site = try AuditSite()
        let live = try GKML.json(try audit(site, ["--format", "json"]))
        let mirror = try site.mirror()
        let before = site.requests().count
        let result = try GKML.run([
            "audit", site.workspace.path, "--as-of", Self.asOf, "--mirror", mirror.path, "--format", "json",
        ])
        #expect(result.status == 1, "\(result.stderr)")
        let offline = try GKML.json(result)
        #expect(site.requests().count == before, "--mirror must not touch the network")
        #expect(try Self.keys(offline, base: site.base) == Self.planted)
        #expect(try Self.columns(offline, base: site.base) == Self.columns(live, base: site.base))
        #expect(
            NSDictionary(dictionary: ["s": offline["summary"]!]) == NSDictionary(dictionary: ["s": live["summary"]!]))
    }

    @Test func textReportInBothLanguagesAndExitStatuses() throws {
        let site = try AuditSite()
        let zh = try audit(site, [])
        #expect(zh.status == 1)
        #expect(zh.stdout.contains("相隔 25 个工作日"))
        #expect(zh.stdout.contains("星海镇：栏目发布 3/5（60.0%），文件按时 1/1（100.0%）"))
        let en = try audit(site, ["--lang", "en"])
        #expect(en.stdout.contains("25 working days"))

        // A catalog whose only column is healthy: exit 0.
        let clean = site.folder.appendingPathComponent("clean")
        try FileManager.default.createDirectory(
            at: clean.appendingPathComponent("星海镇"), withIntermediateDirectories: true)
        try """
        格式: gkml-workspace/1
        地区: 示例县
        层级: 县级
        辖区:
          - 名称: 星海镇
            层级: 乡级
            目录: 星海镇
        领域覆盖: 关闭
        """.write(to: clean.appendingPathComponent("gkml.yaml"), atomically: true, encoding: .utf8)
        let township = try String(
            contentsOf: site.workspace.appendingPathComponent("星海镇/employment.yaml"), encoding: .utf8)
        let onlyFirst = township.components(separatedBy: "  - 一级事项: 就业服务")[0]
        try onlyFirst.write(to: clean.appendingPathComponent("星海镇/employment.yaml"), atomically: true, encoding: .utf8)
        let ok = try GKML.run(["audit", clean.path, "--as-of", Self.asOf, "--delay", "0.02"])
        #expect(ok.status == 0, "\(ok.all)")
        #expect(ok.stdout.contains("0 个错误，0 个警告"))

        // Usage and unreadable workspaces: exit 2 with a clear message; a date beyond the calendar says so.
        let badDate = try GKML.run(["audit", site.workspace.path, "--as-of", "2024-13-01"])
        #expect(badDate.status == 2 && badDate.stderr.contains("--as-of"))
        let beyond = try GKML.run(["audit", site.workspace.path, "--as-of", "2027-03-01"])
        #expect(beyond.status == 2 && beyond.stderr.contains("超出节假日日历"), "\(beyond.all)")
        let nowhere = try GKML.run(["audit", site.folder.appendingPathComponent("missing").path])
        #expect(nowhere.status == 2 && nowhere.stderr.contains("不是工作区"))
        let xlsxWithoutOut = try GKML.run(["audit", site.workspace.path, "--format", "xlsx"])
        #expect(xlsxWithoutOut.status == 2)
    }

    @Test func unreachableServerIsAFindingNotAFailure() throws {
        // A column on a port where nothing listens: the audit reports it and exits 1, not 2.
        let site = try AuditSite()
        let folder = site.folder.appendingPathComponent("down")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("镇"), withIntermediateDirectories: true)
        try """
        格式: gkml-workspace/1
        地区: 示例县
        层级: 县级
        辖区:
          - 名称: 镇
            层级: 乡级
            目录: 镇
        """.write(to: folder.appendingPathComponent("gkml.yaml"), atomically: true, encoding: .utf8)
        let township = try String(
            contentsOf: site.workspace.appendingPathComponent("星海镇/employment.yaml"), encoding: .utf8)
        let closed = township.components(separatedBy: "  - 一级事项: 就业服务")[0]
            .replacingOccurrences(of: "127.0.0.1:\(site.port)", with: "127.0.0.1:9")
        try closed.write(to: folder.appendingPathComponent("镇/employment.yaml"), atomically: true, encoding: .utf8)
        let result = try GKML.run(["audit", folder.path, "--as-of", Self.asOf, "--delay", "0", "--format", "json"])
        #expect(result.status == 1, "\(result.all)")
        let report = try GKML.json(result)
        #expect(
            try Self.keys(report, base: "http://127.0.0.1:9") == [
                ["audit-unreachable", "镇/employment.yaml", "17-01-01", "/xhz/zcwj/"]
            ])
    }

    /// A workspace of one township whose catalog is the fixture township's first group, with `edit` applied.
    func township(_ site: AuditSite, _ name: String, edit: (String) -> String) throws -> URL {
        let folder = site.folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("镇"), withIntermediateDirectories: true)
        try """
        格式: gkml-workspace/1
        地区: 示例县
        层级: 县级
        辖区:
          - 名称: 镇
            层级: 乡级
            目录: 镇
        """.write(to: folder.appendingPathComponent("gkml.yaml"), atomically: true, encoding: .utf8)
        let text = try String(contentsOf: site.workspace.appendingPathComponent("星海镇/employment.yaml"), encoding: .utf8)
        try edit(text).write(to: folder.appendingPathComponent("镇/employment.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func redirectsWithinTheHostAreFollowed() throws {
        // /xhz/zcwj without the slash answers 301 → /xhz/zcwj/ on the same host.
        let site = try AuditSite()
        let folder = try township(site, "redirect") {
            $0.components(separatedBy: "  - 一级事项: 就业服务")[0].replacingOccurrences(of: "/xhz/zcwj/]", with: "/xhz/zcwj]")
        }
        let result = try GKML.run(["audit", folder.path, "--as-of", Self.asOf, "--delay", "0.02", "--format", "json"])
        #expect(result.status == 0, "\(result.all)")
        let report = try GKML.json(result)
        #expect(try Self.columns(report, base: site.base) == ["/xhz/zcwj published 2 2024-11-18 17-01-01"])
        #expect(
            site.requests().contains { $0.path == "/xhz/zcwj" } && site.requests().contains { $0.path == "/xhz/zcwj/" })
    }

    @Test func theBudgetLeavesColumnsUnchecked() throws {
        // Two requests: robots.txt and one list page. The other columns are not fetched and not reported.
        let site = try AuditSite()
        let result = try audit(site, ["--format", "json", "--max-requests", "2"])
        let report = try GKML.json(result)
        let statuses = try #require(report["columns"] as? [[String: Any]]).compactMap { $0["status"] as? String }
        #expect(statuses.filter { $0 == "unchecked" }.count == 7, "\(statuses)")
        #expect(site.requests().filter { !$0.path.hasPrefix("/robots.txt") }.count <= 2)
        let codes = try #require(report["findings"] as? [[String: Any]]).compactMap { $0["code"] as? String }
        #expect(!codes.contains("audit-empty") && !codes.contains("audit-stale"))
    }

    @Test func htmlReportRendersInChromium() throws {
        let site = try AuditSite()
        let page = site.folder.appendingPathComponent("audit.html")
        let result = try audit(site, ["--format", "html", "--out", page.path])
        #expect(result.status == 1, "\(result.stderr)")
        let chromium =
            try ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { try? Tools.require($0) }.first
            ?? Tools.require("chromium")
        let profile = site.folder.appendingPathComponent("profile")
        let dom = try Tools.run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                "--dump-dom", page.absoluteString,
            ])
        #expect(dom.status == 0)
        #expect(dom.output.contains("政务公开目录电子督查报告"))
        #expect(dom.output.components(separatedBy: "<tr><td class=\"nowrap\">").count - 1 == 6, "six findings as rows")
        #expect(dom.output.components(separatedBy: "<tr><td class=\"url\">").count - 1 == 9, "nine columns as rows")
        #expect(dom.output.contains("相隔 25 个工作日"))
        let png = site.folder.appendingPathComponent("audit.png")
        let shot = try Tools.run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                "--hide-scrollbars", "--window-size=1400,1200", "--screenshot=\(png.path)", page.absoluteString,
            ])
        #expect(shot.status == 0)
        let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "a screenshot with content")
        if let keep = ProcessInfo.processInfo.environment["GKML_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
        }
    }

    @Test func xlsxReportReadsBackWithOpenpyxl() throws {
        let site = try AuditSite()
        let book = site.folder.appendingPathComponent("audit.xlsx")
        let result = try audit(site, ["--format", "xlsx", "--out", book.path])
        #expect(result.status == 1, "\(result.stderr)")
        let python = try Tools.require("python3")
        let read = try Tools.run(
            python,
            [
                "-c",
                """
                import sys, openpyxl
                wb = openpyxl.load_workbook(sys.argv[1])
                print("|".join(wb.sheetnames))
                s = wb["汇总"]
                for row in s.iter_rows(min_row=3, values_only=True): print(row)
                f = wb["问题清单"]
                print([r[5] for r in f.iter_rows(min_row=3, values_only=True)])
                print(wb["栏目"].max_row - 2)
                """, book.path,
            ])
        #expect(read.status == 0, "\(read.output) (pip install -r .ci/requirements.txt)")
        let lines = read.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "汇总|问题清单|栏目")
        #expect(lines.contains("('示例县', 4, 2, '50.0%', 6, 5, '83.3%', 1, 4)"))
        #expect(lines.contains("('星海镇', 5, 3, '60.0%', 1, 1, '100.0%', 0, 2)"))
        #expect(
            lines.contains(
                "['audit-late', 'audit-no-column', 'audit-stale', 'audit-unreachable', 'audit-empty', 'audit-unreachable']"
            ))
        #expect(lines.last == "9")
    }
}
