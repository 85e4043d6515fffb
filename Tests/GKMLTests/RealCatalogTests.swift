import Foundation
import Testing

/// Rows of five real published tables, typed into gkml/1 with their wording unchanged (Tests/Fixtures/real, the
/// source address in each file). `gkml validate` must decode every file and report exactly the findings that
/// docs/rules.md («真实目录») defends — no error, since each table is a legitimate publication.
@Suite("Real published tables")
struct RealCatalogTests {
    static let expected: [String: Set<String>] = [
        // 天津市宝坻区 社会救助: role names left in 公开主体; 办法(试行) and 乡镇政府(街道办事处) with ASCII brackets.
        "baodi": ["body-role-unreplaced", "text-halfwidth-punctuation"],
        // 台儿庄区 户籍管理: 公安机关 names no body; 山东政务服务网 is free text for 其他; 《收养法》 was repealed.
        "taierzhuang": ["body-role-unreplaced", "channel-name-free-text", "citation-superseded"],
        // 赣州市蓉江新区 户籍管理: the same three, with 公安分局 and 办事窗口.
        "rongjiang": ["body-role-unreplaced", "channel-name-free-text", "citation-superseded"],
        // 弥渡县 (a town) 社会救助: 镇人民政府; 镇村公示公开栏 for the notice board; an ASCII comma; the 审核信息 row
        // only on the notice board.
        "midu": ["body-role-unreplaced", "channel-name-variant", "text-halfwidth-punctuation", "channel-no-online"],
        // 壤塘县 (a township) 公共文化服务: 乡镇便民服务中心 names no body; 文化馆(站) with ASCII brackets.
        "rangtang": ["body-role-unreplaced", "text-halfwidth-punctuation"],
    ]

    @Test(arguments: expected.keys.sorted())
    func validateGivesTheDefendedFindings(_ place: String) throws {
        let folder = GKML.fixtures.appendingPathComponent("real/\(place)")
        let catalogs = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".yaml") && $0 != "gkml.yaml"
        }
        #expect(catalogs.count == 1, "one catalog per place: \(catalogs)")
        let text = try String(contentsOf: folder.appendingPathComponent(catalogs[0]), encoding: .utf8)
        #expect(text.contains("http"), "the source address is noted in the file")
        #expect(text.components(separatedBy: "- 编号:").count - 1 >= 4, "at least four rows")

        let result = try GKML.run(["validate", folder.path, "--format", "json"])
        #expect(result.status == 0, "warnings only: \(result.all)")
        let codes = Set(try GKML.findings(result).compactMap { $0["code"] as? String })
        #expect(codes == Self.expected[place], "\(place): \(codes.sorted())")
        #expect(!codes.contains { $0.hasPrefix("schema-") }, "decoded")
    }
}
