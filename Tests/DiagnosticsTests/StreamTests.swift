import Diagnostics
import Foundation
import Testing

// Streamed reporters, counters, the filter and the summary (issue 16).

let otherKind = FindingKind(
    code: "channel-no-online", stage: .lint, severity: .warning,
    title: LocalizedText(zh: "没有网上公开渠道", en: "No online channel"),
    message: LocalizedText(zh: "没有网上渠道", en: "no online channel"))

func finding(_ kind: FindingKind, _ file: String, line: Int) -> Finding {
    Finding(kind, at: SourceLocation(file: file, position: SourcePosition(line: line, column: 3)), path: "/事项/\(line)")
}

/// Three jurisdictions' files with a known number of findings each.
func streamReport() -> ValidationReport {
    var files: [FileReport] = []
    for (j, town) in ["星海镇", "长胜乡", "县本级"].enumerated() {
        for d in 0..<3 {
            let path = "\(town)/d\(d).yaml"
            let errors = (0..<(j + d + 1)).map { finding(sampleKind, path, line: 10 + $0) }
            let warnings = (0..<(2 * d)).map { finding(otherKind, path, line: 40 + $0) }
            files.append(FileReport(path: path, findings: warnings + errors, jurisdiction: town))
        }
    }
    files.append(FileReport(path: "星海镇/clean.yaml", findings: [], jurisdiction: "星海镇"))
    return ValidationReport(
        files: files.sorted { $0.path < $1.path }, general: [finding(otherKind, "gkml.yaml", line: 2)])
}

/// The JSON document as one value, the layout the streamed writer must reproduce byte for byte.
func wholeJSON(_ report: ValidationReport, reporter: JSONReporter) -> String {
    var tally = FindingTally()
    for file in report.files { tally.add(file) }
    tally.add(general: report.general)
    var top: [(String, JSONOutput)] = [("files", .array(report.files.map(reporter.file)))]
    if !report.general.isEmpty { top.append(("general", .array(report.general.map(reporter.finding)))) }
    top.append(("summary", reporter.summary(ReportEnd(general: report.general, tally: tally))))
    return JSONOutput.object(top).serialized() + "\n"
}

@Test func streamedJSONIsTheWholeDocumentByteForByte() throws {
    let reporter = JSONReporter(language: .zh)
    for report in [
        streamReport(), ValidationReport(files: []), ValidationReport(files: [], general: [sampleFinding()]),
    ] {
        let streamed = reporter.render(report)
        #expect(streamed == wholeJSON(report, reporter: reporter))
        _ = try JSONSerialization.jsonObject(with: Data(streamed.utf8))
    }
}

@Test func streamedSARIFIsValidJSONWithEveryResultAndItsRule() throws {
    let out = SARIFReporter(language: .en, kinds: [sampleKind, otherKind]).render(streamReport())
    let log = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 46)  // 27 errors + 18 warnings + 1 general
    let rules = try #require(
        ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
    for result in results {
        let index = try #require(result["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
    }
    let empty = SARIFReporter(language: .en).render(ValidationReport(files: []))
    #expect(
        ((try JSONSerialization.jsonObject(with: Data(empty.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?
            .first?["results"] as? [Any] != nil)
}

@Test func tallyCountsCodesTopFilesAndJurisdictions() throws {
    var tally = FindingTally()
    let report = streamReport()
    for file in report.files { tally.add(file) }
    tally.add(general: report.general)
    #expect(tally.files == 10)
    #expect(tally.count(.error) == 27 && tally.count(.warning) == 19 && tally.total == 46)
    let errors = try #require(tally.codes.first { $0.kind.code == "schema-enum" })
    // 县本级 (j = 2) has 3, 4, 5 errors; 长胜乡 2, 3, 4: the top three are 5, 4, 4 (ties by path).
    #expect(errors.topFiles.map(\.file) == ["县本级/d2.yaml", "县本级/d1.yaml", "长胜乡/d2.yaml"])
    #expect(errors.topFiles.map(\.count) == [5, 4, 4])
    let town = try #require(tally.groups.first { $0.name == "星海镇" })
    #expect(town.errors == 6 && town.warnings == 6 && town.files == 4)
    // The general finding, under gkml.yaml's folder.
    #expect(tally.groups.contains { $0.name == "." && $0.warnings == 1 })
}

@Test func filterKeepsOnlyTheChosenCodesSeveritiesAndFiles() {
    let report = streamReport()
    let codes = FindingFilter(codes: FindingFilter.codes(["channel-no-online，x"]))
    #expect(GitHubReporter(language: .zh).render(report).split(separator: "\n").count == 46)
    let text = TextCollectorForTest()
    ReportFeed.feed(report, to: Reporter.stream(format: .github, language: .zh, write: text.append), filter: codes)
    #expect(text.lines.count == 19 && text.lines.allSatisfy { $0.contains("title=channel-no-online") })
    let severe = TextCollectorForTest()
    ReportFeed.feed(
        report, to: Reporter.stream(format: .github, language: .zh, write: severe.append),
        filter: FindingFilter(minimumSeverity: .error, files: ["./长胜乡/d0.yaml"]))
    #expect(severe.lines.count == 2 && severe.lines.allSatisfy { $0.hasPrefix("::error file=长胜乡/d0.yaml") })
}

@Test func summaryNamesEachCodeItsTopFilesAndTheCommandInBothLanguages() {
    for language in Language.allCases {
        let out = TextCollectorForTest()
        let sink = Reporter.textStream(
            layout: .summary, language: language, command: "gkml validate 'a b'", write: out.append)
        ReportFeed.feed(streamReport(), to: sink)
        let text = out.lines.joined(separator: "\n")
        #expect(text.contains("schema-enum"))
        #expect(text.contains("gkml validate 'a b' --only schema-enum"))
        #expect(text.contains("县本级/d2.yaml"))
        #expect(
            text.contains(
                language == .zh
                    ? "已检查 10 个文件：27 个错误，19 个警告，0 个提示。" : "Checked 10 file(s): 27 error(s), 19 warning(s), 0 info(s)."))
        #expect(!text.contains("d0.yaml:10:3"))  // no single finding
        // errors first: the error code's line comes before the warning code's
        let e = text.range(of: "schema-enum")!.lowerBound, w = text.range(of: "channel-no-online")!.lowerBound
        #expect(e < w)
    }
}

@Test func autoLayoutListsFewFindingsAndSummarisesMany() {
    let few = TextCollectorForTest()
    ReportFeed.feed(
        streamReport(),
        to: Reporter.textStream(layout: .auto(limit: 46), language: .zh, command: "gkml validate", write: few.append))
    #expect(few.lines.filter { $0.contains("错误[schema-enum]") }.count == 27)
    let many = TextCollectorForTest()
    ReportFeed.feed(
        streamReport(),
        to: Reporter.textStream(layout: .auto(limit: 45), language: .zh, command: "gkml validate", write: many.append))
    #expect(many.lines.filter { $0.contains("错误[schema-enum]") }.isEmpty)
    #expect(many.lines.contains { $0.contains("共 46 个问题，以上是摘要；逐条列出全部问题：gkml validate --all") })
    #expect(TextLayout.choose(summary: false, all: false, terminal: true) == .auto(limit: TextLayout.terminalLimit))
    #expect(TextLayout.choose(summary: false, all: false, terminal: false) == .full)
    #expect(TextLayout.choose(summary: true, all: true, terminal: false) == .summary)
}

@Test func shellWordsAreQuotedWhenNeeded() {
    #expect(SummaryReporter.shellWord("catalogs/示例县") == "catalogs/示例县")
    #expect(SummaryReporter.shellWord("a b") == "'a b'")
    #expect(SummaryReporter.shellWord("it's") == "'it'\\''s'")
}

final class TextCollectorForTest: @unchecked Sendable {
    var text = ""
    func append(_ piece: String) { text += piece }
    var lines: [String] { text.split(separator: "\n").map(String.init) }
}
