import CatalogModel
import Diagnostics

/// Reading legal citations in 公开依据: titles in 《》 and document numbers such as 国办发〔2019〕54号.
public enum CitationScanner {
    /// A 《title》 in a text, with its scalar offsets (brackets included).
    public struct Title: Sendable, Hashable {
        public var title: String
        public var range: Range<Int>
    }

    /// The titles in 《》 (nested 〈〉 titles are part of the outer title). Catalogs cite the same few texts over and
    /// over, and several rules read the titles of each entry: each distinct text is scanned once per run.
    public static func titles(in text: String) -> [Title] {
        titleMemo.value(for: text, scanTitles)
    }

    static let titleMemo = ParseMemo<[Title]>()

    static func scanTitles(_ text: String) -> [Title] {
        let s = text.scalars
        var out: [Title] = []
        var i = 0
        while i < s.count {
            guard s[i] == "《" else {
                i += 1
                continue
            }
            var depth = 0
            var j = i
            while j < s.count {
                if s[j] == "《" { depth += 1 }
                if s[j] == "》" {
                    depth -= 1
                    if depth == 0 { break }
                }
                j += 1
            }
            guard j < s.count else { break }
            out.append(Title(title: String(scalars: s[(i + 1)..<j]), range: i..<(j + 1)))
            i = j + 1
        }
        return out
    }

    /// The offset of the first unmatched 《 or 》, if any.
    public static func unbalancedBracket(in text: String) -> Int? {
        let s = text.scalars
        var open: [Int] = []
        for (i, c) in s.enumerated() {
            if c == "《" { open.append(i) }
            if c == "》" {
                if open.isEmpty { return i }
                open.removeLast()
            }
        }
        return open.first
    }

    /// Whether a citation names an article: 第二十六条, 第26条 (each distinct text scanned once per run).
    public static func hasArticle(_ text: String) -> Bool {
        articleMemo.value(for: text, scanArticle)
    }

    static let articleMemo = ParseMemo<Bool>()

    static func scanArticle(_ text: String) -> Bool {
        let s = text.scalars
        var i = 0
        while i < s.count {
            if s[i] == "第" {
                var j = i + 1
                while j < s.count, CJK.isDigit(s[j]) || TimeLimitParser.isChineseNumeral(s[j]) { j += 1 }
                if j > i + 1, j < s.count, s[j] == "条" { return true }
            }
            i += 1
        }
        return false
    }

    /// A document number: issuer prefix, year in brackets, serial number, 号.
    public struct DocumentNumber: Sendable, Hashable {
        /// Offsets of the opening and closing bracket around the year.
        public var open: Int
        public var close: Int
        /// Offset just after the serial number's digits.
        public var serialEnd: Int
        /// Whether 号 follows the serial number.
        public var hasHao: Bool
        /// The issuer's characters before the bracket (up to 8), the year and serial number.
        public var issuer: String
        public var year: String
        public var serial: String

        /// Whether it is written as the standard (GB/T 9704) requires: 〔year〕N号.
        public var isStandard: Bool { hasHao && openBracket == "〔" && closeBracket == "〕" }
        var openBracket: Unicode.Scalar = "〔"
        var closeBracket: Unicode.Scalar = "〕"

        public var expected: String { "\(issuer)〔\(year)〕\(serial)号" }
    }

    static let openBrackets: Set<Unicode.Scalar> = ["(", "（", "[", "［", "【", "〖", "﹝", "{", "〔", "〈", "<", "＜"]
    static let closeBrackets: Set<Unicode.Scalar> = [")", "）", "]", "］", "】", "〗", "﹞", "}", "〕", "〉", ">", "＞"]

    /// Document numbers whose year bracket was opened and never closed: 国办发〔201680号 (for 〔2016〕80号). Only
    /// when a serial number and 号 follow the four-digit year, so that nothing else reads as one.
    public static func unclosedYears(in text: String) -> [DocumentNumber] {
        let s = text.scalars
        var out: [DocumentNumber] = []
        var i = 1
        while i < s.count {
            defer { i += 1 }
            guard openBrackets.contains(s[i]), CJK.isHan(s[i - 1]) else { continue }
            let y = i + 1
            guard y + 4 < s.count, (y..<y + 4).allSatisfy({ CJK.isDigit(s[$0]) }),
                s[y] == "1" && s[y + 1] == "9" || s[y] == "2" && s[y + 1] == "0"
            else { continue }
            var k = y + 4
            while k < s.count, CJK.isDigit(s[k]) { k += 1 }
            guard k > y + 4, k < s.count, s[k] == "号" else { continue }
            var issuerStart = i - 1
            while issuerStart > 0, i - issuerStart < 8, CJK.isHan(s[issuerStart - 1]) { issuerStart -= 1 }
            var number = DocumentNumber(
                open: i, close: y + 4, serialEnd: k, hasHao: true, issuer: String(scalars: s[issuerStart..<i]),
                year: String(scalars: s[y..<y + 4]), serial: String(scalars: s[(y + 4)..<k]))
            number.openBracket = s[i]
            out.append(number)
        }
        return out
    }

    /// Decree numbers written without 号: 国务院令第711, 令第711 (scalar offsets of 令第… up to the digits' end).
    public static func decreesWithoutHao(in text: String) -> [(start: Int, end: Int)] {
        let s = text.scalars
        var out: [(Int, Int)] = []
        var i = 0
        while i + 2 < s.count {
            defer { i += 1 }
            guard s[i] == "令", s[i + 1] == "第", CJK.isDigit(s[i + 2]) else { continue }
            var j = i + 2
            while j < s.count, CJK.isDigit(s[j]) { j += 1 }
            guard j == s.count || s[j] != "号" else { continue }
            var start = i
            while start > 0, i - start < 6, CJK.isHan(s[start - 1]) { start -= 1 }
            out.append((start, j))
        }
        return out
    }

    /// The document numbers in a text: a Han issuer, a bracketed four-digit year (19xx/20xx), a serial number.
    public static func documentNumbers(in text: String) -> [DocumentNumber] {
        let s = text.scalars
        var out: [DocumentNumber] = []
        var i = 1
        while i + 6 < s.count + 1 {
            guard i < s.count, openBrackets.contains(s[i]), CJK.isHan(s[i - 1]) else {
                i += 1
                continue
            }
            let y = i + 1
            guard y + 4 < s.count, (y..<y + 4).allSatisfy({ CJK.isDigit(s[$0]) }),
                s[y] == "1" && s[y + 1] == "9" || s[y] == "2" && s[y + 1] == "0",
                closeBrackets.contains(s[y + 4])
            else {
                i += 1
                continue
            }
            let close = y + 4
            var k = close + 1
            while k < s.count, CJK.isDigit(s[k]) { k += 1 }
            guard k > close + 1 else {
                i += 1
                continue
            }
            var issuerStart = i - 1
            while issuerStart > 0, i - issuerStart < 8, CJK.isHan(s[issuerStart - 1]) { issuerStart -= 1 }
            var number = DocumentNumber(
                open: i, close: close, serialEnd: k, hasHao: k < s.count && s[k] == "号",
                issuer: String(scalars: s[issuerStart..<i]), year: String(scalars: s[y..<y + 4]),
                serial: String(scalars: s[(close + 1)..<k]))
            number.openBracket = s[i]
            number.closeBracket = s[close]
            out.append(number)
            i = k
        }
        return out
    }
}

/// Texts that were repealed or replaced by a new version, with what replaces them. Only entries confirmed from
/// the texts themselves (sources in docs/rules.md); a State Council decree number (国务院令第N号) identifies
/// one promulgation, so an old number alone is enough to know the citation is out of date.
public struct SupersededText: Sendable, Hashable {
    /// Titles (without 《》) whose citation is superseded whatever the number (repealed texts).
    public var repealedTitles: [String]
    /// 国务院令 numbers of superseded promulgations.
    public var decrees: [Int]
    /// What to cite instead.
    public var replacement: String
    public var note: LocalizedText

    public static let registry: [SupersededText] = [
        SupersededText(
            repealedTitles: [], decrees: [492],
            replacement: "《中华人民共和国政府信息公开条例》（国令第711号）",
            note: LocalizedText(
                zh: "2019年4月3日国务院令第711号修订，自2019年5月15日起施行",
                en: "revised by State Council decree 711 of 2019-04-03, in force 2019-05-15")),
        SupersededText(
            repealedTitles: [], decrees: [256],
            replacement: "《中华人民共和国土地管理法实施条例》（国务院令第743号）",
            note: LocalizedText(
                zh: "2021年7月2日国务院令第743号修订，自2021年9月1日起施行",
                en: "revised by State Council decree 743 of 2021-07-02, in force 2021-09-01")),
        SupersededText(
            repealedTitles: [], decrees: [557],
            replacement: "《中华人民共和国食品安全法实施条例》（国务院令第721号）",
            note: LocalizedText(
                zh: "2019年10月11日国务院令第721号修订，自2019年12月1日起施行",
                en: "revised by State Council decree 721 of 2019-10-11, in force 2019-12-01")),
        SupersededText(
            repealedTitles: [], decrees: [186],
            replacement: "《中华人民共和国预算法实施条例》（国务院令第729号）",
            note: LocalizedText(
                zh: "2020年8月3日国务院令第729号修订，自2020年10月1日起施行",
                en: "revised by State Council decree 729 of 2020-08-03, in force 2020-10-01")),
        SupersededText(
            repealedTitles: ["城市房屋拆迁管理条例"], decrees: [305],
            replacement: "《国有土地上房屋征收与补偿条例》（国务院令第590号）",
            note: LocalizedText(
                zh: "国务院令第590号自2011年1月21日公布施行，《城市房屋拆迁管理条例》同时废止", en: "State Council decree 590 (2011-01-21) repealed it"
            )),
        SupersededText(
            repealedTitles: ["物权法", "合同法", "担保法", "侵权责任法", "婚姻法", "继承法", "收养法", "民法通则", "民法总则"]
                .flatMap { [$0, "中华人民共和国" + $0] },
            decrees: [],
            replacement: "《中华人民共和国民法典》",
            note: LocalizedText(
                zh: "《中华人民共和国民法典》自2021年1月1日起施行，该法同时废止", en: "repealed when the Civil Code took effect on 2021-01-01")),
    ]

    /// The superseded texts a citation names, with the offset and length of what names them.
    public static func matches(in text: String) -> [(entry: SupersededText, range: Range<Int>, cited: String)] {
        var out: [(SupersededText, Range<Int>, String)] = []
        let titles = text.unicodeScalars.contains("《") ? CitationScanner.titles(in: text) : []
        let decrees = text.unicodeScalars.contains("令") ? decreeNumbers(in: text) : []
        if titles.isEmpty && decrees.isEmpty { return [] }
        for entry in registry {
            if let title = titles.first(where: { entry.repealedTitles.contains($0.title) }) {
                out.append((entry, title.range, "《\(title.title)》"))
            } else if let decree = decrees.first(where: { entry.decrees.contains($0.number) }) {
                let number = String(scalars: text.scalars[decree.range])
                let cited = titles.first.map { "《\($0.title)》（\(number)）" } ?? number
                out.append((entry, decree.range, cited))
            }
        }
        return out
    }

    /// 国务院令第N号, 国令第N号, 国务院第N号令, 国务院令N号: the numbers and where they are written.
    static func decreeNumbers(in text: String) -> [(number: Int, range: Range<Int>)] {
        let s = text.scalars
        var out: [(Int, Range<Int>)] = []
        let prefixes = ["国务院令第", "国务院令（第", "国务院令(第", "国令第", "国务院令", "国令", "国务院第"].map(\.scalars)
        var i = 0
        while i < s.count {
            var matched: [Unicode.Scalar]?
            for p in prefixes where i + p.count <= s.count && Array(s[i..<i + p.count]) == p {
                matched = p
                break
            }
            guard let prefix = matched else {
                i += 1
                continue
            }
            var j = i + prefix.count
            let digitsStart = j
            while j < s.count, CJK.isDigit(s[j]) { j += 1 }
            guard j > digitsStart, let n = Int(String(scalars: s[digitsStart..<j])) else {
                i += prefix.count
                continue
            }
            // 国务院第N号令 needs 号令; the others 号.
            if prefix == "国务院第".scalars {
                guard j + 1 < s.count, s[j] == "号", s[j + 1] == "令" else {
                    i = j
                    continue
                }
            }
            let end = j < s.count && s[j] == "号" ? j + 1 : j
            out.append((n, i..<end))
            i = end
        }
        return out
    }
}
