import Foundation
import Testing

/// Coverage of the pilot domains per jurisdiction (issue 3 §5), the registry's JSON contract, the baseline
/// and the example county, run through the executable.
@Suite("Coverage and registry, end to end")
struct CoverageTests {
    /// A workspace with a county and two townships; `extra` is appended to gkml.yaml.
    func workspace(_ extra: String = "", townshipExtra: String = "") throws -> URL {
        let folder = try GKML.temporaryFolder()
        let text = """
            格式: gkml-workspace/1
            地区: 示例县
            层级: 县级
            机构名录: [示例县人民政府, 示例县人力资源和社会保障局, 星海镇人民政府, 长胜乡人民政府]
            辖区:
              - 名称: 示例县
                层级: 县级
                目录: 县本级
              - 名称: 星海镇
                层级: 乡级
                目录: 星海镇
            \(townshipExtra)
              - 名称: 长胜乡
                层级: 乡级
                目录: 长胜乡
            \(extra)

            """
        try text.write(to: folder.appendingPathComponent("gkml.yaml"), atomically: true, encoding: .utf8)
        for name in ["县本级", "星海镇", "长胜乡"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let result = try GKML.run([
            "init", "catalog", "--workspace", folder.path, "--region", "星海镇", "--domain", "就业",
            "--date", "2024-06-01", "--role", "县级人力资源社会保障部门=示例县人力资源和社会保障局",
        ])
        #expect(result.status == 0, "\(result.all)")
        return folder
    }

    func coverageFindings(_ result: GKML.Result) throws -> [[String: Any]] {
        try GKML.findings(result).filter { $0["code"] as? String == "coverage-missing-domain" }
    }

    @Test func missingDomainsAreAWarningPerJurisdiction() throws {
        let ws = try workspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let result = try GKML.run(["validate", ws.path, "--format", "json"])
        #expect(result.status == 0, "warnings do not fail: \(result.all)")
        let findings = try coverageFindings(result)
        #expect(findings.count == 3, "one per jurisdiction")
        #expect(findings.allSatisfy { $0["severity"] as? String == "warning" })
        let messages = findings.compactMap { $0["message"] as? String }
        #expect(messages.contains { $0.contains("星海镇") && $0.contains("25 个") && !$0.contains("就业") })
        #expect(messages.contains { $0.contains("长胜乡") && $0.contains("26 个") })

        let text = try GKML.run(["validate", ws.path])
        #expect(text.stdout.contains("警告[coverage-missing-domain]"))
    }

    @Test func coverageCanBeMadeAnError() throws {
        let ws = try workspace("领域覆盖: 错误")
        defer { try? FileManager.default.removeItem(at: ws) }
        let result = try GKML.run(["validate", ws.path, "--format", "json"])
        #expect(result.status == 1, "\(result.all)")
        let findings = try coverageFindings(result)
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0["severity"] as? String == "error" })
    }

    @Test func coverageCanBeTurnedOff() throws {
        let ws = try workspace("领域覆盖: 关闭")
        defer { try? FileManager.default.removeItem(at: ws) }
        let result = try GKML.run(["validate", ws.path, "--format", "json"])
        #expect(try coverageFindings(result).isEmpty)
    }

    @Test func domainsDeclaredNotApplicableAreSilenced() throws {
        // 星海镇 has 就业 and declares the other 25 (by name or alias) as not applicable.
        let others = [
            "城乡规划", "重大建设项目", "公共资源交易", "财政预算决算", "安全生产", "税收管理", "征地补偿",
            "国有土地上房屋征收与补偿", "农村危房改造", "环境保护", "公共文化服务", "公共法律服务", "乡村振兴", "救灾",
            "食品药品监管", "城市综合执法", "社会保险", "社会救助", "养老服务", "户籍管理", "涉农补贴", "义务教育",
            "卫生健康", "市政服务", "保障性住房",
        ]
        var declared = "    未涉及领域:\n"
        for name in others { declared += "      - 领域: \(name)\n        说明: 测试用：本辖区不涉及\n" }
        let ws = try workspace(townshipExtra: declared)
        defer { try? FileManager.default.removeItem(at: ws) }
        let result = try GKML.run(["validate", ws.path, "--format", "json"])
        #expect(result.status == 0, "\(result.all)")
        let findings = try coverageFindings(result)
        #expect(findings.count == 2, "星海镇 is covered; 示例县 and 长胜乡 are not")
        #expect(!findings.contains { ($0["message"] as? String ?? "").contains("星海镇") })

        let summary = try #require(try GKML.json(result)["summary"] as? [String: Any])
        let coverage = try #require(summary["coverage"] as? [[String: Any]])
        let xinghai = try #require(coverage.first { $0["jurisdiction"] as? String == "星海镇" })
        #expect((xinghai["missing"] as? [Any])?.isEmpty == true)
        #expect((xinghai["notApplicable"] as? [String])?.count == 25)
        #expect(
            (xinghai["notApplicable"] as? [String])?.contains("扶贫") == true, "aliases are reported by canonical name")
        #expect(xinghai["pilotCovered"] as? Int == 1)
    }

    @Test func jsonSummaryHasCoveragePerJurisdiction() throws {
        let ws = try workspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let result = try GKML.run(["validate", ws.path, "--format", "json"])
        let summary = try #require(try GKML.json(result)["summary"] as? [String: Any])
        let coverage = try #require(summary["coverage"] as? [[String: Any]])
        #expect(coverage.map { $0["jurisdiction"] as? String } == ["示例县", "星海镇", "长胜乡"])
        for entry in coverage {
            for key in ["jurisdiction", "level", "catalogs", "pilotCovered", "notApplicable", "missing"] {
                #expect(entry[key] != nil, "coverage entry lacks \(key)")
            }
        }
        #expect(coverage[1]["catalogs"] as? Int == 1)
        #expect((coverage[1]["missing"] as? [String])?.count == 25)
        #expect(coverage[0]["level"] as? String == "县级")
    }

    @Test func domainsJSONContract() throws {
        let result = try GKML.run(["domains", "--format", "json"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 26)
        for entry in list {
            #expect(
                Set(entry.keys) == ["code", "name", "slug", "pilot", "aliases", "department", "guide"], "\(entry.keys)")
            #expect(entry["pilot"] as? Bool == true)
            #expect(entry["aliases"] is [String])
            #expect(entry["guide"] is String && entry["department"] is String)
        }
        #expect(Set(list.compactMap { $0["code"] as? String }).count == 26)
        #expect(Set(list.compactMap { $0["name"] as? String }).count == 26)
        #expect(Set(list.compactMap { $0["slug"] as? String }).count == 26)
        let employment = try #require(list.first { $0["code"] as? String == "17" })
        #expect(employment["name"] as? String == "就业")
        #expect((employment["aliases"] as? [String])?.contains("就业创业") == true)
    }

    @Test func workspaceExtraDomainsAreListedAsNotPilot() throws {
        let ws = try workspace("扩展领域:\n  - 名称: 政策文件\n    代码: ZC\n    英文名: policy-documents")
        defer { try? FileManager.default.removeItem(at: ws) }
        let result = try GKML.run(["domains", "--format", "json", "--workspace", ws.path])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 27)
        #expect(list.last?["pilot"] as? Bool == false)
        #expect(list.last?["name"] as? String == "政策文件")
    }

    @Test func baselineValidatesWithoutErrors() throws {
        let result = try GKML.run(["validate", "catalogs/baseline", "--format", "json"])
        #expect(result.status == 0, "\(result.stdout.prefix(2000))")
        let files = try #require(try GKML.json(result)["files"] as? [[String: Any]])
        #expect(files.count == 26)
        let errors = try GKML.findings(result).filter { $0["severity"] as? String == "error" }
        #expect(errors.isEmpty, "\(errors.prefix(5))")
    }

    @Test func exampleCountyValidatesWithoutErrors() throws {
        let result = try GKML.run(["validate", "catalogs/example", "--format", "json"])
        #expect(result.status == 0, "\(result.stdout.prefix(2000))")
        let errors = try GKML.findings(result).filter { $0["severity"] as? String == "error" }
        #expect(errors.isEmpty, "\(errors.prefix(5))")
        let summary = try #require(try GKML.json(result)["summary"] as? [String: Any])
        let coverage = try #require(summary["coverage"] as? [[String: Any]])
        #expect(coverage.count >= 3, "county level plus at least two townships")
        for entry in coverage {
            #expect((entry["catalogs"] as? Int ?? 0) >= 4, "\(entry["jurisdiction"] ?? "") has fewer than 4 catalogs")
        }
    }
}
