import CatalogModel
import Foundation
import Testing

@testable import CatalogLint

/// `TextKey` hashes bytes but must stay as equal as `String ==` (canonical equivalence): the rules that find
/// repeats (items, list entries, cited titles) would otherwise miss a repeat typed with combining marks.
@Suite struct TextKeyTests {
    @Test func canonicallyEquivalentTextsAreOneKey() {
        let composed = "招聘会信息\u{E9}"  // é
        let decomposed = "招聘会信息e\u{301}"  // e + combining acute
        #expect(composed == decomposed)
        #expect(TextKey(composed) == TextKey(decomposed))
        #expect(TextKey(composed).hashValue == TextKey(decomposed).hashValue)
        #expect(Set([TextKey(composed), TextKey(decomposed), TextKey("招聘会信息e")]).count == 2)
        // Kana with a separate voicing mark is the composed kana.
        #expect(TextKey("\u{30AB}\u{3099}") == TextKey("\u{30AC}"))
        // A compatibility ideograph is canonically its unified ideograph.
        #expect(TextKey("\u{F900}") == TextKey("\u{8C48}"))
    }

    @Test func ownNFCTextsAreReadFromTheirBytes() {
        for text in ["", "abc 1-2", "《中华人民共和国政府信息公开条例》（国令第711号）", "国办发〔2019〕54号", "“引号”…·", "\u{A0}×÷", "ＡＢ（）"] {
            #expect(TextKey.isOwnNFC(text), "\(text)")
        }
        for text in ["e\u{301}", "\u{E9}", "\u{30AC}", "中\u{302A}", "\u{F900}", "\u{2000}", "한", "😀"] {
            #expect(!TextKey.isOwnNFC(text), "\(text)")
        }
    }

    /// Every scalar `isOwnNFC` accepts is its own NFC, alone and after any ASCII letter; so is every pair of
    /// accepted scalars outside the CJK ideographs (ideographs neither decompose nor compose).
    @Test func acceptedScalarsAreNFCInAnyContext() {
        let ranges: [ClosedRange<UInt32>] = [
            0x00...0x7F, 0xA0...0xBF, 0xD7...0xD7, 0xF7...0xF7, 0x2010...0x2027, 0x2030...0x203E, 0x3000...0x3029,
            0x3030...0x303F, 0x3400...0x9FFF, 0xFF01...0xFF5E,
        ]
        var small: [String] = []
        for range in ranges {
            for value in range {
                let text = String(Unicode.Scalar(value)!)
                #expect(TextKey.isOwnNFC(text), "U+\(String(value, radix: 16))")
                guard text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars)
                else {
                    Issue.record("U+\(String(value, radix: 16)) changes under NFC")
                    continue
                }
                if value < 0x3400 { small.append(text) }
            }
        }
        // Just outside each range is not accepted.
        for value: UInt32 in [0xC0, 0x2000, 0x2028, 0x302A, 0x3040, 0xFF00, 0xFF5F] {
            #expect(!TextKey.isOwnNFC(String(Unicode.Scalar(value)!)), "U+\(String(value, radix: 16))")
        }
        let letters = (0x41...0x5A).map { String(Unicode.Scalar(UInt8($0))) } + ["中", "〔"]
        for first in letters + small {
            for second in small {
                let pair = first + second
                if !pair.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(pair.unicodeScalars) {
                    Issue.record("\(pair.unicodeScalars.map { String($0.value, radix: 16) }) changes under NFC")
                }
            }
        }
    }

    /// `isOwnNFC` accepts exactly the scalars of its documented ranges: every scalar of the BMP and one of each
    /// supplementary lead byte, alone, after a CJK ideograph and before one (so that the scan's step from one lead
    /// byte to the next is checked too). Pins each boundary of the byte tests, among them those next to the
    /// ideographs that are not their own NFC: Hangul jamo (U+1100–U+11FF) and syllables (U+AC00–U+D7A3), CJK
    /// compatibility ideographs (U+F900–U+FAFF), kana (U+3040–U+30FF).
    @Test func ownNFCIsExactlyTheDocumentedRanges() {
        let ranges: [ClosedRange<UInt32>] = [
            0x00...0x7F, 0xA0...0xBF, 0xD7...0xD7, 0xF7...0xF7, 0x2010...0x2027, 0x2030...0x203E, 0x3000...0x3029,
            0x3030...0x303F, 0x3400...0x9FFF, 0xFF01...0xFF5E,
        ]
        let values = Array(0...0xFFFF) + [0x10000, 0x1F600, 0x20000, 0x2F800, 0x10FFFF]
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = String(scalar)
            let expected = ranges.contains { $0.contains(scalar.value) }
            for context in [text, "中" + text, text + "中", text + "a" + text] {
                if TextKey.isOwnNFC(context) != expected {
                    Issue.record("U+\(String(value, radix: 16)) in \(context.debugDescription): expected \(expected)")
                }
            }
        }
        // Next to the ideographs: Hangul and compatibility ideographs change under NFC (or compose), so they must
        // not be accepted.
        #expect("\u{1100}\u{1161}".precomposedStringWithCanonicalMapping == "\u{AC00}")
        #expect("\u{F900}".precomposedStringWithCanonicalMapping.unicodeScalars.first == "\u{8C48}")
    }

    /// A text compared with a name known to be its own NFC is equal exactly when `String ==` says so.
    @Test func equalToAnOwnNFCName() {
        for text in ["公开渠道", "公开依据", "公开渠道 ", "", "Cafe\u{301}", "\u{F900}", "\u{AC00}"] {
            for name in ["公开渠道", "\u{8C48}", "中文"] {
                #expect(TextKey.equal(text, ownNFC: name) == (text == name), "\(text) \(name)")
            }
        }
        #expect(TextKey.equal("\u{F900}", ownNFC: "\u{8C48}"))
    }

    @Test func itemsNamedWithCombiningMarksAreStillDuplicates() {
        let setup = ExampleSetup()
        func body(_ second: String) -> String {
            """
            事项:
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-01
                    名称: 招聘会信息\u{E9}
                    公开内容: 招聘会时间、地点
                  - 编号: 17-02-04
                    名称: \(second)
                    公开内容: 招聘会参会单位
            """
        }
        let context = ExampleRunner.context(setup)
        let repeated = ExampleRunner.document(body("招聘会信息e\u{301}"), setup: setup)
        let distinct = ExampleRunner.document(body("招聘会信息e"), setup: setup)
        func names(_ files: [(name: String, text: String)]) -> [String: [String]] {
            let loaded = files.map { CatalogLoader.load(bytes: Array($0.text.utf8), file: $0.name) }
            return LintEngine.lint(loaded, context: context).mapValues { result in
                result.findings.filter { $0.code.hasPrefix("duplicate-") }.map(\.code)
            }
        }
        #expect(names([("a.yaml", repeated)]) == ["a.yaml": ["duplicate-item-name"]])
        #expect(names([("a.yaml", distinct)]) == ["a.yaml": []])
        // Across files of one domain: the later file names an item as the first does, with a combining mark.
        let other = distinct.replacingOccurrences(of: "17-02-0", with: "17-02-1")
            .replacingOccurrences(of: "名称: 招聘会信息e\n", with: "名称: 另一事项\n")
            .replacingOccurrences(of: "招聘会信息\u{E9}", with: "招聘会信息e\u{301}")
        #expect(other != distinct)
        #expect(names([("a.yaml", distinct), ("b.yaml", other)]) == ["a.yaml": [], "b.yaml": ["duplicate-item-name"]])
        #expect(names([("a.yaml", distinct), ("b.yaml", distinct)])["b.yaml"]?.count == 2)
    }

    /// Uniqueness makes a 一级事项's key once for the items that follow it: a name under the next 一级事项 is a
    /// different item, and the first 一级事项 written again is the same one.
    @Test func itemNamesAreKeyedUnderTheirOwnGroup() {
        let setup = ExampleSetup()
        let text = """
            事项:
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
              - 一级事项: 就业援助
                二级事项:
                  - 编号: 17-03-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
                  - 编号: 17-03-02
                    名称: 援助对象
                    公开内容: 援助对象
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-02
                    名称: 援助对象
                    公开内容: 援助对象
                  - 编号: 17-02-03
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点
            """
        let loaded = CatalogLoader.load(bytes: Array(ExampleRunner.document(text, setup: setup).utf8), file: "a.yaml")
        let findings = LintEngine.lint([loaded], context: ExampleRunner.context(setup))["a.yaml"]?.findings ?? []
        let repeated = findings.filter { $0.code == "duplicate-item-name" }
        #expect(repeated.map { $0.arguments["otherID"] } == ["17-02-01"])
    }
}
