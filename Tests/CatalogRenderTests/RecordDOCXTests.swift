import CatalogDiff
import CatalogModel
import CatalogRender
import Foundation
import Testing

/// The adjustment record as an official Word document (issue 12): read back with python-docx, converted to
/// PDF with LibreOffice and to a picture with pdftoppm.
@Suite struct RecordDOCXTests {
    /// 柳河镇 就业 2026.1 → 2026.2: 17-06-01 downgraded to 依申请 with a longer time limit, approved by 文号.
    static func report() -> DiffReport {
        func catalog(version: String, downgraded: Bool) -> Catalog {
            let placement = Fixtures.item(
                "17-06-01", "就业困难人员认定", group: "就业援助", content: "认定对象范围、认定条件、申请材料、办理流程",
                timeLimit: downgraded ? "自认定之日起30个工作日内" : "自信息形成或者变更之日起20个工作日内",
                bodies: ["柳河镇人民政府"], mode: downgraded ? .onRequest : .proactive,
                reason: downgraded ? "认定结果涉及个人信息，仅向本人提供" : nil)
            let fairs = Fixtures.item(
                "17-02-01", "招聘会信息", group: "就业服务", content: "本镇招聘会时间、地点、参会单位",
                bodies: ["柳河镇人民政府"])
            var c = Fixtures.catalog(region: "示例县柳河镇", groups: [("就业服务", [fairs]), ("就业援助", [placement])])
            c.publisher = Fixtures.located("柳河镇人民政府")
            c.version = Fixtures.located(version)
            c.effectiveDate = nil
            c.adjustments = [
                Adjustment(
                    date: Fixtures.located("2026-01-10"), version: Fixtures.located("2026.1"),
                    note: Fixtures.located("依据基层政务公开标准指引初始编制"))
            ]
            if downgraded {
                let approval = Approval(
                    documentNumber: Fixtures.located("柳政办〔2026〕12号"), approver: nil,
                    date: Fixtures.located("2026-02-26"),
                    changes: [
                        ApprovedChange(
                            id: Fixtures.located("17-06-01"), kind: Fixtures.located(.toOnRequest),
                            reason: Fixtures.located("认定结果含个人信息，经县政务公开办审核改为依申请公开"))
                    ])
                c.adjustments.append(
                    Adjustment(
                        date: Fixtures.located("2026-03-01"), version: Fixtures.located("2026.2"),
                        note: Fixtures.located("就业困难人员认定改为依申请公开"), approval: approval))
            }
            return c
        }
        return DiffReport.compare(
            old: [catalog(version: "2026.1", downgraded: false)],
            new: [catalog(version: "2026.2", downgraded: true)], oldLabel: "HEAD~1", newLabel: "HEAD")
    }

    @Test func theRecordIsAnOfficialDocument() throws {
        let report = Self.report()
        #expect(report.changes.contains { $0.code == "mode-to-on-request" && $0.approval?.authority == "柳政办〔2026〕12号" })
        let folder = try TestSupport.temporaryFolder("record-docx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("调整说明.docx")
        try Data(try RecordOutput.render(report, format: .docx, language: .zh)).write(to: file)

        // Read back: title, 文号 line, body, tables, approval, signature and date at the right.
        try TestSupport.requirePython("docx")
        let script = """
            import docx, json, sys
            d = docx.Document(sys.argv[1])
            p = [(x.text, str(x.alignment)) for x in d.paragraphs if x.text.strip()]
            t = [[[c.text for c in r.cells] for r in tb.rows] for tb in d.tables]
            s = d.sections[0]
            print(json.dumps({"p": p, "t": t, "w": s.page_width.twips, "h": s.page_height.twips}, ensure_ascii=False))
            """
        let run = try TestSupport.python(script, [file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let paragraphs = try #require(json["p"] as? [[String]])
        let tables = try #require(json["t"] as? [[[String]]])
        #expect(json["w"] as? Int == 11906 && json["h"] as? Int == 16838)  // A4 portrait
        #expect(paragraphs.first == ["示例县柳河镇就业领域基层政务公开事项标准目录调整说明", "CENTER (1)"])
        #expect(paragraphs.dropFirst().first == ["柳政办〔2026〕12号", "CENTER (1)"])
        #expect(paragraphs.contains { $0[0].contains("由2026.1版（2026年1月10日）调整为2026.2版（2026年3月1日）") })
        #expect(!paragraphs.contains { $0[0].contains("HEAD") })
        #expect(paragraphs.contains { $0[0].hasPrefix("四、审批情况") })
        #expect(paragraphs.contains { $0[0].contains("柳政办〔2026〕12号（2026年2月26日批准）：17-06-01 改为依申请") })
        #expect(Array(paragraphs.suffix(2)) == [["柳河镇人民政府", "RIGHT (2)"], ["2026年3月1日", "RIGHT (2)"]])
        let changed = try #require(tables.first { $0.first?.first == "编号" && $0.first?.contains("调整前") == true })
        #expect(
            changed.dropFirst().contains { $0[0] == "17-06-01" && $0[3] == "公开方式" && $0[4] == "主动" && $0[5] == "依申请" })

        // Converted as a reader opens it: LibreOffice → PDF → text and a picture of the first page.
        let soffice = try #require(TestSupport.which("soffice"), "LibreOffice (soffice) is missing: run scripts/test")
        let pdftotext = try #require(
            TestSupport.which("pdftotext"), "pdftotext (poppler-utils) is missing: run scripts/test")
        let pdftoppm = try #require(
            TestSupport.which("pdftoppm"), "pdftoppm (poppler-utils) is missing: run scripts/test")
        let profile = folder.appendingPathComponent("lo-profile")
        let converted = try TestSupport.run(
            soffice,
            [
                "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf", "--outdir",
                folder.path, file.path,
            ], timeout: 180)
        let pdf = folder.appendingPathComponent("调整说明.pdf")
        #expect(FileManager.default.fileExists(atPath: pdf.path), "\(converted.stderr)")
        let text = try TestSupport.run(pdftotext, ["-layout", pdf.path, "-"]).stdout
        #expect(text.contains("柳政办〔2026〕12 号") || text.contains("柳政办〔2026〕12号"))
        // 编号 never broken across lines: every 17-06-01 in the table and text is whole on its line.
        #expect(text.components(separatedBy: "17-06-01").count >= 4)
        #expect(!text.contains("17-06-\n") && !text.contains("17-\n"))
        // The signature block is at the right of its line.
        let dateLine = try #require(
            text.split(separator: "\n").last { $0.contains("2026年3月1日") || $0.contains("2026 年 3 月 1 日") })
        #expect(dateLine.prefix(while: { $0 == " " }).count > 20, "\(dateLine)")
        let picture = try TestSupport.run(
            pdftoppm, ["-r", "50", "-png", "-f", "1", "-l", "1", pdf.path, folder.appendingPathComponent("page").path])
        #expect(picture.status == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix("page") && $0.hasSuffix(".png")
        }
        #expect(pages.count == 1)
    }
}
