import CatalogDiff
import Diagnostics
import Testing

@Suite struct RegressionTableTests {
    /// Every check lowers transparency in one direction and has its mirror that raises it.
    @Test func everyRegressionHasItsMirrorImprovement() {
        for check in RegressionTable.checks {
            #expect(RegressionTable.direction(of: check.regression) == .regression, "\(check.element)")
            #expect(RegressionTable.direction(of: check.improvement) == .improvement, "\(check.element)")
            #expect(check.regression != check.improvement)
            #expect(
                check.improvement.defaultSeverity == .info,
                "an improvement is never a warning: \(check.improvement.code)")
            #expect(
                check.regression.defaultSeverity > .info, "a regression is at least a warning: \(check.regression.code)"
            )
        }
        let regressions = RegressionTable.checks.map(\.regression.code)
        let improvements = RegressionTable.checks.map(\.improvement.code)
        #expect(Set(regressions).count == regressions.count)
        #expect(Set(improvements).count == improvements.count)
        #expect(Set(regressions).isDisjoint(with: improvements))
        // The checks DESIGN §6 and the issue name, each present.
        let elements = Set(RegressionTable.checks.map(\.element))
        #expect(elements.isSuperset(of: ["事项", "公开方式", "公开对象", "公开渠道", "公开时限", "公开层级", "公开依据"]))
    }

    /// Kinds outside the table are neither regressions nor improvements.
    @Test func onlyTableKindsHaveADirection() {
        let inTable = Set(RegressionTable.checks.flatMap { [$0.regression.code, $0.improvement.code] })
        for kind in DiffFindings.all where !inTable.contains(kind.code) {
            #expect(RegressionTable.direction(of: kind) == nil, "\(kind.code)")
        }
    }

    @Test func codesAreStableKebabCaseAndMessagesAgreeInBothLanguages() {
        let codes = DiffFindings.all.map(\.code)
        #expect(Set(codes).count == codes.count, "duplicate codes")
        for kind in DiffFindings.all {
            #expect(kind.code.range(of: "^[a-z]+(-[a-z]+)*$", options: .regularExpression) != nil, "\(kind.code)")
            #expect(kind.placeholders(.zh) == kind.placeholders(.en), "\(kind.code)")
            #expect(!kind.title.zh.isEmpty && !kind.title.en.isEmpty)
            #expect(kind.stage == .diff || kind.stage == .input)
        }
    }
}

@Suite struct DocumentationTests {
    /// docs/diff.md lists every code, so that the documentation cannot fall behind.
    @Test func everyCodeIsDocumented() throws {
        let docs = try String(contentsOfFile: Fixtures.repositoryRoot + "/docs/diff.md", encoding: .utf8)
        for kind in DiffFindings.all {
            #expect(docs.contains("`\(kind.code)`"), "docs/diff.md does not mention \(kind.code)")
        }
        for check in RegressionTable.checks {
            #expect(
                docs.contains("| \(check.element) | \(check.decrease.zh) | `\(check.regression.code)` |"),
                "\(check.element)")
        }
    }
}
