@testable import CatalogLint
import CatalogModel
import Testing
import YAMLTree

/// The shortcuts of the text rules, each against the slower check it stands in for: the byte scans that step from
/// lead byte to lead byte, the list-entry rule's decision without its memo, and the upper level's catalog by domain.
@Suite struct TextScanTests {
    /// The characters the scans look for, and characters of every UTF-8 length (and lead byte) to put before them.
    static let sought: [String] = [
        " ", "\t", "\u{00A0}", "\u{2002}", "\u{2003}", "\u{200B}", "\u{3000}", ",", ";", ":", "?", "!", "(", ")",
    ]
    static let others: [String] = [
        "a", "\u{00B7}", "é", "\u{07FF}", "—", "“", "\u{2FFF}", "、", "\u{3029}", "\u{3040}", "中", "\u{FF0C}",
        "\u{E000}", "𠀀", "😀",
    ]
    static let texts: [String] = {
        var out = [""]
        for other in others {
            out += [other, other + other + other]
            for mark in sought { out += [mark, other + mark, mark + other, other + other + mark + other] }
        }
        return out
    }()

    @Test func spaceScanMissesNoSpace() {
        for text in Self.texts where text.unicodeScalars.contains(where: CJK.isSpace) {
            #expect(UTF8Scan.mayHaveSpace(text), "\(text.debugDescription)")
        }
        // Lead bytes other than those of the spaces' blocks are passed over.
        for text in ["", "中文、文字", "\u{3001}\u{3029}\u{3040}", "é\u{07FF}", "\u{FF0C}😀𠀀", "abc"] {
            #expect(!UTF8Scan.mayHaveSpace(text), "\(text.debugDescription)")
        }
    }

    @Test func asciiScanAgreesWithTheCharacters() {
        let marks = Set(",;:?!()".unicodeScalars)
        for text in Self.texts {
            #expect(
                UTF8Scan.contains(text, anyOf: ",;:?!()") == text.unicodeScalars.contains(where: marks.contains),
                "\(text.debugDescription)")
        }
        #expect(UTF8Scan.contains("a\u{7F}", anyOf: "\u{7F}"))
        #expect(!UTF8Scan.contains("中@文", anyOf: "`"))
    }

    /// The rule's full check of one list (no memo, no shortcut: a counter turns both off).
    static func fullCheck(_ list: String, key: String) throws -> [LintViolation] {
        let text = "\(key): \(list)\n"
        let loaded = CatalogLoader.load(bytes: Array(text.utf8), file: "a.yaml", registry: DomainRegistry.pilot)
        let file = try #require(LintFile(loaded, registry: DomainRegistry.pilot))
        return TreeWalk.run([TextListEntryRule(counter: WorkCounter())], over: file)[0]
    }

    static func items(_ list: String) throws -> [YAMLNode] {
        let result = YAMLParser.parse(Array("k: \(list)\n".utf8), file: "a.yaml")
        return try #require(result.document?.root["k"]?.sequence)
    }

    /// When the shortcut says a list is quiet, the full check finds nothing; lists it cannot decide go to the full check.
    @Test func listShortcutOnlyPassesQuietLists() throws {
        let lists: [(String, quiet: Bool)] = [
            ("[甲]", true), ("[甲, 乙]", true), ("[甲, 乙, 丙, 丁]", true), ("[1, 2, 甲]", true),
            ("[{a: 1}, {a: 1}]", true), ("[甲, 甲]", false), ("[甲, 乙, 甲]", false), ("[\"\"]", false),
            ("[甲, \"\"]", false), ("[甲, ~]", false), ("[甲, \"甲 \"]", false), ("[甲, \"甲\u{3000}\"]", false),
            ("[Café, \"Cafe\u{0301}\"]", false), ("[Cafe\u{0301}]", true), ("[Cafe\u{0301}, 乙]", false),
            ("[a, b, c, d, e, f, g, h]", true), ("[a, b, c, d, e, f, g, h, i]", false),
            ("[\"其他:县微信\", 其他：县微信]", false),
        ]
        for key in ["公开依据", "公开渠道"] {
            for (list, quiet) in lists {
                let decided = TextListEntryRule.plainlyQuiet(try Self.items(list), key: key)
                let found = try Self.fullCheck(list, key: key)
                if decided { #expect(found.isEmpty, "\(key) \(list)") }
                // 公开渠道's entries are compared as channels: only a one-entry list is decided there.
                let count = try Self.items(list).count
                let expected = key == "公开渠道" && count > 1 ? false : quiet
                #expect(decided == expected, "\(key) \(list)")
            }
        }
        // The repeats the shortcut leaves to the full check are found there.
        #expect(try Self.fullCheck("[Café, \"Cafe\u{0301}\"]", key: "公开依据").count == 1)
        #expect(try Self.fullCheck("[\"其他:县微信\", 其他：县微信]", key: "公开渠道").count == 1)
        #expect(try Self.fullCheck("[甲, \"甲 \"]", key: "公开依据").count == 1)
    }

    static func catalog(domain: String, region: String) throws -> Catalog {
        let text = """
            格式: gkml/1
            领域: \(domain)
            地区: \(region)
            层级: 县级
            发布机构: 示例县人民政府办公室
            版本: "1"
            事项:
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
                    公开依据: [《中华人民共和国就业促进法》]
                    公开时限: 信息形成之日起20个工作日内
                    公开主体: [示例县人力资源和社会保障局]
                    公开渠道: [政府网站]
                    公开对象: 全社会
                    公开方式: 主动
                    公开层级: [县级]

            """
        let loaded = CatalogLoader.load(bytes: Array(text.utf8), file: "\(region).yaml", registry: .pilot)
        return try #require(loaded.catalog)
    }

    /// The first upper-level catalog of the domain, whatever name (or alias) its 领域 uses, kept current when the
    /// catalogs change.
    @Test func upperCatalogByDomain() throws {
        let employment = try #require(DomainRegistry.pilot.domain(named: "就业"))
        let assistance = try #require(DomainRegistry.pilot.domain(named: "社会救助"))
        let elderly = try #require(DomainRegistry.pilot.domain(named: "养老服务"))
        var context = LintContext(upperLevel: [
            try Self.catalog(domain: "就业创业", region: "甲县"), try Self.catalog(domain: "社会救助", region: "乙县"),
            try Self.catalog(domain: "就业", region: "丙县"),
        ])
        #expect(context.upperCatalog(for: employment)?.region.value == "甲县")
        #expect(context.upperCatalog(for: assistance)?.region.value == "乙县")
        #expect(context.upperCatalog(for: elderly) == nil)
        #expect(context.upperCatalog(for: nil) == nil)
        context.upperLevel = [try Self.catalog(domain: "就业", region: "丁县")]
        #expect(context.upperCatalog(for: employment)?.region.value == "丁县")
        #expect(context.upperCatalog(for: assistance) == nil)
    }
}
