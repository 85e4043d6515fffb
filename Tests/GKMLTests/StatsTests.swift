import Foundation
import Testing

/// The annual self-check (issue 12): figures from a real workspace and its git history.
@Suite struct StatsTests {
    @Test func theYearsAdjustmentsOnRequestItemsAndCoverage() throws {
        let county = try CountyRepository()
        try county.downgrade(approval: CountyRepository.approval)
        // The adjustment of the year under review (2027): its 调整记录 entry is dated in it.
        try county.edit(CountyRepository.catalog) {
            $0.replacingOccurrences(of: "  - 日期: 2026-03-01", with: "  - 日期: 2027-03-01")
        }
        try county.commit("2026.2 动态调整", date: "2027-03-01")
        let result = try county.gkml(["stats", ".", "--year", "2027", "--format", "json"])
        #expect(result.status == 0, "\(result.all)")
        let json = try GKML.json(result)
        #expect(json["year"] as? Int == 2027)
        let jurisdictions = try #require(json["jurisdictions"] as? [[String: Any]])
        let town = try #require(jurisdictions.first { $0["name"] as? String == "柳河镇" })
        #expect(town["onRequest"] as? Int == 1)
        let catalogs = try #require(town["catalogs"] as? [[String: Any]])
        let employment = try #require(catalogs.first { $0["domain"] as? String == "就业" })
        let items = try #require(employment["onRequestItems"] as? [[String: Any]])
        #expect(items.first?["id"] as? String == "17-06-01")
        #expect(items.first?["reason"] as? String == "认定结果涉及个人信息，仅向本人提供")
        let adjustments = try #require(employment["adjustments"] as? [String: Any])
        #expect(adjustments["downgraded"] as? Int == 1)
        #expect(adjustments["added"] as? Int == 0)
        #expect(adjustments["documents"] as? [String] == ["柳政办〔2026〕12号"])
        let coverage = try #require(town["coverage"] as? [String: Any])
        #expect((coverage["covered"] as? [String]) == ["就业"])
        #expect((coverage["missing"] as? [String])?.count == 25)
        #expect(employment["approval"] as? String == "未审批")

        // The same as a workbook, read back with openpyxl.
        let file = county.root.appendingPathComponent("自查.xlsx").path
        #expect(try county.gkml(["stats", ".", "--year", "2027", "--format", "xlsx", "-o", file]).status == 0)
        let python = try GKML.tool("python3")
        let script =
            "import openpyxl,sys;wb=openpyxl.load_workbook(sys.argv[1]);print(wb.sheetnames);ws=wb['依申请事项'];print([c.value for c in ws[3]])"
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(out.contains("['目录汇总', '依申请事项', '领域覆盖']"), "\(out)")
        #expect(out.contains("'17-06-01', '就业困难人员认定', '认定结果涉及个人信息，仅向本人提供'"), "\(out)")
    }
}
