@testable import CatalogLint
import CatalogModel
import Diagnostics
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
            #expect(TextBytes.of(text).contains(.space), "\(text.debugDescription)")
        }
        // Lead bytes other than those of the spaces' blocks are passed over.
        for text in ["", "中文、文字", "\u{3001}\u{3029}\u{3040}", "é\u{07FF}", "\u{FF0C}😀𠀀", "abc"] {
            #expect(!TextBytes.of(text).contains(.space), "\(text.debugDescription)")
        }
    }

    @Test func asciiScanAgreesWithTheCharacters() {
        let marks = Set(",;:?!()".unicodeScalars)
        for text in Self.texts {
            #expect(
                TextBytes.of(text).contains(.halfwidthMark) == text.unicodeScalars.contains(where: marks.contains),
                "\(text.debugDescription)")
        }
        #expect(TextBytes.of("中@文") == [])
        #expect(TextBytes.of("甲 ,乙") == [.space, .halfwidthMark])
    }

    /// The byte classes of every BMP scalar (and supplementary ones), alone and between CJK ideographs, are those
    /// of its lead byte as documented: space for space, tab and the lead bytes 0xC2 and 0xE2 and for U+3000;
    /// half-width mark for the seven ASCII marks; no class for any other scalar.
    @Test func byteClassesOfEveryScalar() {
        let values = Array(0...0xFFFF) + [0x10000, 0x1F600, 0x20000, 0x10FFFF]
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            var expected: TextBytes = []
            if [0x20, 0x09].contains(value) || (0x80...0xBF).contains(value) || (0x2000...0x2FFF).contains(value)
                || value == 0x3000
            {
                expected.insert(.space)
            }
            if ",;:?!()".unicodeScalars.contains(scalar) { expected.insert(.halfwidthMark) }
            let text = String(scalar)
            for context in [text, "中" + text + "中", text + "\u{FF0C}" + text] {
                if TextBytes.of(context) != expected {
                    Issue.record("U+\(String(value, radix: 16)) in \(context.debugDescription)")
                }
            }
        }
    }

    /// Entries that are canonically equivalent but written with different bytes, next to the ideographs the
    /// shortcut passes: a compatibility ideograph (U+F900 is U+8C48) and Hangul written as jamo or as a syllable.
    /// The shortcut must leave such lists to the full check, which finds the repeat.
    @Test func listShortcutLeavesEquivalentSpellingsToTheFullCheck() throws {
        for list in [
            "[\"\u{F900}\", \"\u{8C48}\"]", "[\"\u{1100}\u{1161}\", \"\u{AC00}\"]", "[\"中\u{FA10}\", \"中\u{585A}\"]",
        ] {
            #expect(!TextListEntryRule.plainlyQuiet(try Self.items(list), key: "公开依据"), "\(list)")
            #expect(try Self.fullCheck(list, key: "公开依据").count == 1, "\(list)")
        }
        // The ideographs either side of those blocks are decided by the shortcut.
        #expect(
            TextListEntryRule.plainlyQuiet(try Self.items("[\"\u{9FFF}\", \"\u{4000}\", \"\u{3400}\"]"), key: "公开依据"))
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
            // Two texts under 公开依据; one channel twice under 公开渠道 (left to the full check below).
            ("[\"其他:县微信\", 其他：县微信]", true),
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

    /// The byte count of kept characters only skips `bare` when no phrase could match: same answers as `bare` alone.
    @Test func barePhrasesAgreeWithTheBareForm() {
        let phrases = BarePhrases(["无", "不涉及", "无需主动公开", "N/A", "NA"])
        #expect(phrases.longest == 6)
        let texts = [
            "", "无", "无。", " 无 ", "无需主动公开", "无需 主动公开。", "无需主动公开了", "不涉及", "（不涉及）", "n/a", "N/A", "N / A",
            "NA!", "NAB", "涉及个人隐私，依申请公开", "1234567", "无需主动公开\u{301}", "不\u{3000}涉\u{3000}及", "𠀀无",
            "无。。。。。。。。。。", "ABCDEF", "ABCDEFG",
        ]
        for text in texts {
            #expect(phrases.contains(bareOf: text) == phrases.phrases.contains(text.bare), "\(text.debugDescription)")
        }
        #expect(phrases.contains(bareOf: "无需主动公开。"))
        #expect(!phrases.contains(bareOf: "无需主动公开了"))
    }

    static func basisEntries(_ lists: [[String]]) -> [BasisEntry] {
        lists.enumerated().flatMap { item, texts in
            texts.enumerated().map { index, text in
                BasisEntry(
                    value: Located(text, at: SourcePosition(line: 1, column: 1)), key: TextKey(text), item: item,
                    index: index)
            }
        }
    }

    /// The recent keys give each text its own key, whether it is kept, was never seen or was pushed out by later
    /// texts (more distinct texts than are kept, in orders that reuse every place).
    @Test func recentTextKeysGiveEachTextItsKey() {
        let texts = (0..<(RecentTextKeys.capacity * 2 + 3)).map { "《文件\($0)》" } + ["Caf\u{E9}", "Cafe\u{301}", ""]
        var recent = RecentTextKeys()
        var order = texts + texts.reversed() + texts
        for step in [1, 2, 3, 5] {
            order += stride(from: 0, to: texts.count * 3, by: step).map { texts[$0 % texts.count] }
        }
        for text in order {
            let key = recent.key(text)
            #expect(key == TextKey(text) && sameUTF8(key.nfc, TextKey(text).nfc), "\(text.debugDescription)")
        }
    }

    /// A list's memo key made from its keyed entries: equal exactly when the texts are equal in bytes, in order.
    @Test func basisListKeysCompareTextsInOrder() {
        let entries = Self.basisEntries([
            ["《甲》", "《乙》"], ["《甲》", "《乙》"], ["《乙》", "《甲》"], ["《甲》"], ["Caf\u{E9}"], ["Cafe\u{301}"],
        ])
        let a = BasisListKey(entries[0..<2])
        #expect(a == BasisListKey(entries[2..<4]))
        #expect(a.hashValue == BasisListKey(entries[2..<4]).hashValue)
        #expect(a != BasisListKey(entries[4..<6]))
        #expect(a != BasisListKey(entries[6..<7]))
        // Canonically equivalent texts are still different lists to the memo (bytes), though their keys hash alike.
        #expect(BasisListKey(entries[7..<8]) != BasisListKey(entries[8..<9]))
        #expect(BasisListKey(entries[7..<8]).hashValue == BasisListKey(entries[8..<9]).hashValue)
        let quiet = QuietKeys<BasisListKey>()
        quiet.insert(a)
        #expect(quiet.contains(BasisListKey(entries[2..<4])))
        #expect(!quiet.contains(BasisListKey(entries[4..<6])))
    }

    /// citation-duplicate reads each list as written: 默认's list and an item's own are two lists, and consecutive
    /// items' lists are not joined.
    @Test func citationDuplicatesStayWithinOneList() throws {
        let body = """
            默认:
              公开依据: [《中华人民共和国就业促进法》]
              公开时限: 自信息形成或者变更之日起20个工作日内
              公开主体: [示例县人力资源和社会保障局]
              公开渠道: [政府网站]
              公开对象: 全社会
              公开方式: 主动
              公开层级: [县级]
            事项:
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
                    公开依据: [《就业促进法》, 《就业服务与就业管理规定》]
                  - 编号: 17-02-02
                    名称: 就业补贴
                    公开内容: 补贴标准
                    公开依据: [《就业服务与就业管理规定》, 《中华人民共和国就业促进法》]
                  - 编号: 17-02-03
                    名称: 职业介绍
                    公开内容: 机构名单
                    公开依据: [《就业服务与就业管理规定》, 《中华人民共和国就业促进法》, 《就业促进法》]
                  - 编号: 17-02-04
                    名称: 失业登记
                    公开内容: 登记条件
            """
        let setup = ExampleSetup()
        let text = ExampleRunner.document(body, setup: setup)
        let context = ExampleRunner.context(setup)
        let loaded = CatalogLoader.load(bytes: Array(text.utf8), file: "a.yaml", registry: context.registry)
        let file = try #require(LintFile(loaded, registry: context.registry))
        let found = CitationDuplicateRule().check(file, in: LintScope(context: context, files: [file]))
        #expect(found.map(\.finding.path) == ["/事项/编号=17-02-03/公开依据/2"])
    }

    /// A string rule that declares the bytes it needs: records the texts the walk hands it.
    struct MarkRecorder: TreeRule {
        static var description: RuleDescription {
            RuleDescription(
                identifier: "test-marks", name: .t("测试", "Test"), kinds: [TreeWalkTests.seen],
                rationale: .t("测试", "Test"))
        }
        static let interest: TreeInterest = .strings
        static let stringBytes: TextBytes? = .halfwidthMark

        func visit(string node: YAMLNode, path: TreePath, file: LintFile, into out: inout [LintViolation]) {
            out.append(
                LintViolation(
                    file.finding(TreeWalkTests.seen, at: node.start, path: "", arguments: ["what": node.string ?? ""])))
        }
    }

    /// The walk reads each text's bytes once and hands a text only to the rules whose bytes it holds; a rule that
    /// declares none sees every text.
    @Test func walkHandsTextsOnlyToRulesTheirBytesConcern() throws {
        let text = "a: 甲,乙\nb: 甲乙\nc: [\"x (y)\", 丙\u{3000}丁, 戊]\n"
        let loaded = CatalogLoader.load(bytes: Array(text.utf8), file: "a.yaml", registry: DomainRegistry.pilot)
        let file = try #require(LintFile(loaded, registry: DomainRegistry.pilot))
        let out = TreeWalk.run([MarkRecorder(), TreeWalkTests.Recorder<TreeWalkTests.Strings>()], over: file)
        #expect(out[0].map { $0.finding.arguments["what"] } == ["甲,乙", "x (y)"])
        #expect(out[1].count == 5)
    }

    /// `TextKey.equal` is `String ==`: bytes when both texts are their own NFC, canonical equivalence otherwise.
    @Test func equalTextsAsStringEqualitySays() {
        let pairs: [(String, String)] = [
            ("公开渠道", "公开渠道"), ("公开渠道", "公开依据"), ("a", "b"), ("", ""), ("Caf\u{E9}", "Cafe\u{301}"),
            ("\u{F900}", "\u{8C48}"), ("\u{2F800}", "\u{4E3D}"), ("Cafe\u{301}", "Cafe"),
            ("\u{30AC}", "\u{30AB}\u{3099}"),
        ]
        for (a, b) in pairs {
            #expect(TextKey.equal(a, b) == (a == b), "\(a.debugDescription) \(b.debugDescription)")
        }
        #expect(TextKey.equal("\u{F900}", "\u{8C48}"))
    }
}
