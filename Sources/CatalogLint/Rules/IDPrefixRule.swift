import CatalogModel
import Diagnostics

/// 编号 starts with the domain's code: 17-02-03 belongs in a 就业 catalog.
struct IDPrefixRule: LintRule {
    static let kind = lintKind(
        "id-prefix-mismatch", .warning,
        title: .t("编号前缀与领域代码不符", "编号 prefix does not match the domain"),
        message: .t(
            "编号「{id}」的前缀不是领域「{domain}」的代码 {code}",
            "编号 \"{id}\" does not start with {code}, the code of the domain \"{domain}\""),
        hint: .t(
            "试点领域的编号以两位领域代码开头（如就业为 17-）；事项是否放错了领域目录？",
            "pilot-domain 编号 start with the two-digit domain code (就业: 17-); is the item in the wrong domain's catalog?"
        ))

    static let description = RuleDescription(
        identifier: "id-prefix",
        name: .t("编号前缀", "编号 prefix"),
        kinds: [kind],
        rationale: .t(
            "编号以领域代码开头（两位数字，或 2–4 个大写字母的本地代码），例如就业领域的 17-02-03。数字前缀与本目录领域的代码不同，通常是从别的领域目录复制来的事项，比较和对照基准目录时会对不上。字母前缀（如 JY-）是本地编号，不检查。",
            "编号 start with the domain's code (two digits, or a local code of 2-4 capital letters), e.g. 17-02-03 in 就业. A numeric prefix of another domain usually means an item copied from another domain's catalog, and conformance checks will not match it. Letter prefixes (JY-) are local and not checked."
        ),
        nonTriggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: 17-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                      - 编号: JY-09-01
                        名称: 本镇就业之家
                        公开内容: 服务时间、地点
                """)
        ],
        triggeringExamples: [
            RuleExample(
                """
                事项:
                  - 一级事项: 就业服务
                    二级事项:
                      - 编号: ↓19-02-01
                        名称: 招聘会信息
                        公开内容: 招聘会时间、地点
                """)
        ])

    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation] {
        guard let catalog = file.catalog, let domain = file.domain, !domain.code.isEmpty else { return [] }
        var out: [LintViolation] = []
        let digitCode = domain.code.utf8.allSatisfy { (0x30...0x39).contains($0) }
        func check(_ id: Located<String>, path: @autoclosure () -> String) {
            if digitCode, let agrees = Self.prefixAgrees(id.value, code: domain.code), agrees { return }
            guard let prefix = id.value.split(separator: "-").first, prefix.allSatisfy(\.isNumber),
                prefix.count == domain.code.count, domain.code.allSatisfy(\.isNumber), String(prefix) != domain.code
            else { return }
            let span = file.span(of: id)
            out.append(
                LintViolation(
                    file.finding(
                        Self.kind, at: span.start, end: span.end(prefix.count), path: path(),
                        arguments: ["id": id.value, "domain": domain.name, "code": domain.code])))
        }
        // Items are read in place (a `CatalogItem` copy retains each of its fields).
        let items = file.items
        for index in items.indices { check(items[index].id, path: items[index].path + "/编号") }
        for entry in catalog.notApplicable { check(entry.id, path: "/未涉及事项/编号=\(entry.id.value)/编号") }
        return out
    }

    /// For an ASCII 编号 (the usual), whether its prefix cannot contradict a domain code of ASCII digits, read from
    /// the bytes: the prefix (the first run without `-`) is not all digits, has another length, or is the code.
    /// Nil for other text (a CR, or a non-ASCII character: `Character.isNumber` counts other numerals), which the
    /// rule reads character by character.
    static func prefixAgrees(_ id: String, code: String) -> Bool? {
        // Read from a buffer: stepping through a short string's `utf8` view cost more than the rest of the rule.
        var id = id
        var code = code
        return id.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            let dash = UInt8(ascii: "-")
            guard let start = bytes.firstIndex(where: { $0 != dash }) else { return true }
            let prefix = bytes[start..<(bytes[start...].firstIndex(of: dash) ?? bytes.endIndex)]
            guard prefix.allSatisfy({ (0x30...0x39).contains($0) }) else { return true }
            return code.withUTF8 { prefix.elementsEqual($0) } || prefix.count != code.utf8.count
        }
    }
}
