import CatalogModel
import Diagnostics
import Testing

@testable import CatalogLint

/// Issue 15: one item whose 公开依据 repeats an entry 3,000 times took 22 s, because the fix of each repeat
/// scanned the list from its start. The work of the duplicate check is counted (entries compared, source
/// lines and characters read) and must grow linearly with the list: never a timing.
@Suite struct LinearWorkTests {
    static func catalog(repeats: Int, flow: Bool) -> String {
        let entry = "《中华人民共和国就业促进法》"
        let list =
            flow
            ? "        公开依据: [" + Array(repeating: entry, count: repeats).joined(separator: ", ") + "]\n"
            : "        公开依据:\n" + String(repeating: "          - \(entry)\n", count: repeats)
        return ExampleRunner.document(
            """
            事项:
              - 一级事项: 就业服务
                二级事项:
                  - 编号: 17-02-01
                    名称: 招聘会信息
                    公开内容: 招聘会时间、地点

            """ + list, setup: ExampleSetup())
    }

    /// The duplicate findings of a list repeated `repeats` times, and the work counted.
    static func run(repeats: Int, flow: Bool) -> (findings: [LintViolation], work: Int) {
        let loaded = CatalogLoader.load(bytes: Array(catalog(repeats: repeats, flow: flow).utf8), file: "big.yaml")
        let file = LintFile(loaded, registry: .pilot)!
        var work = 0
        let violations = TextListEntryRule().check(file, work: &work)
        return (violations.filter { $0.finding.code == "text-list-duplicate-entry" }, work)
    }

    @Test(arguments: [false, true]) func duplicateCheckWorkGrowsLinearly(flow: Bool) {
        let small = Self.run(repeats: 500, flow: flow), large = Self.run(repeats: 2_000, flow: flow)
        // Every repeat is found and can be fixed, and the first occurrence is the one kept.
        #expect(small.findings.count == 499)
        #expect(large.findings.count == 1_999)
        #expect(large.findings.allSatisfy { !$0.fix.isEmpty })
        let firstLine = large.findings.first!.finding.location.position!.line - (flow ? 0 : 1)
        #expect(large.findings.last!.finding.notes.first?.zh.contains("第 \(firstLine) 行") == true)
        #expect(
            Double(large.work) / Double(small.work) < 4 * 1.2, "work \(small.work) → \(large.work) for 4× the entries")
    }

    /// Fixing every repeat of a long list keeps exactly one entry.
    @Test func fixingTheRepeatsKeepsTheFirst() {
        let text = Self.catalog(repeats: 300, flow: false)
        let fixed = LintFixer.fix(source: Array(text.utf8), file: "big.yaml", context: LintContext())
        let out = String(decoding: fixed.fixed, as: UTF8.self)
        #expect(out.components(separatedBy: "《中华人民共和国就业促进法》").count - 1 == 1)
    }
}
