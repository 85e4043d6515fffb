import CatalogLint
import CatalogModel
import Diagnostics
import Testing

/// The one generic test, in the manner of SwiftLint: every rule's examples are run. Triggering examples must
/// produce the rule's findings exactly at their ↓ markers (line and column in characters, with Chinese text
/// before the markers) and nowhere else; non-triggering examples must produce none of the rule's findings;
/// corrections must fix `before` into `after`, and fixing `after` again must change nothing.
struct RuleExampleTests {
    static let rules = LintRules.descriptions.map { RuleCase(description: $0) }

    struct RuleCase: CustomTestStringConvertible, Sendable {
        var description: RuleDescription
        var testDescription: String { description.identifier }
    }

    static func codes(_ description: RuleDescription, _ example: RuleExample) -> Set<String> {
        example.codes.isEmpty ? Set(description.kinds.map(\.code)) : Set(example.codes)
    }

    static func where_(_ example: RuleExample) -> Comment {
        "example at \(example.sourceFile):\(example.sourceLine)"
    }

    @Test("every rule has examples of each kind", arguments: rules)
    func rulesAreDocumented(_ rule: RuleCase) {
        let d = rule.description
        #expect(!d.triggeringExamples.isEmpty, "\(d.identifier) has no triggering example")
        #expect(!d.nonTriggeringExamples.isEmpty, "\(d.identifier) has no non-triggering example")
        for kind in d.kinds {
            #expect(kind.stage == .lint)
            #expect(
                kind.placeholders(.zh) == kind.placeholders(.en), "\(kind.code): placeholders differ between zh and en")
            let triggered =
                d.triggeringExamples.contains { Self.codes(d, $0).contains(kind.code) }
                || d.corrections.contains { Self.codes(d, $0.before).contains(kind.code) }
            #expect(triggered, "\(kind.code) has no triggering example")
            if kind.fixable {
                #expect(!d.corrections.isEmpty, "\(kind.code) is fixable but \(d.identifier) has no correction example")
            }
        }
    }

    @Test("non-triggering examples do not trigger", arguments: rules)
    func nonTriggering(_ rule: RuleCase) {
        let d = rule.description
        for example in d.nonTriggeringExamples {
            let run = ExampleRunner.run(example)
            #expect(
                !run.loaded.hasErrors, "example does not load: \(run.loaded.findings.map { $0.message(.en) })",
                sourceLocation: Self.location(example))
            let codes = Self.codes(d, example)
            let hits = run.result.findings.filter { codes.contains($0.code) }
            #expect(
                hits.isEmpty, "unexpected: \(hits.map { "\($0.location.position!) \($0.code): \($0.message(.zh))" })",
                sourceLocation: Self.location(example))
        }
    }

    @Test("triggering examples trigger exactly at the markers", arguments: rules)
    func triggering(_ rule: RuleCase) {
        let d = rule.description
        for example in d.triggeringExamples + d.corrections.map(\.before) {
            let run = ExampleRunner.run(example)
            let codes = Self.codes(d, example)
            let hits = run.result.findings.filter { codes.contains($0.code) }
            let got = hits.compactMap(\.location.position).sorted()
            #expect(
                got == run.markers.sorted(),
                "positions differ; findings: \(hits.map { "\($0.location.position.map(String.init(describing:)) ?? "-") \($0.code): \($0.message(.zh))" })",
                sourceLocation: Self.location(example))
            for finding in hits {
                #expect(!finding.message(.zh).contains("{"), "unfilled placeholder: \(finding.message(.zh))")
                #expect(!finding.message(.en).contains("{"), "unfilled placeholder: \(finding.message(.en))")
            }
        }
    }

    @Test("corrections fix before into after, idempotently", arguments: rules)
    func corrections(_ rule: RuleCase) {
        for correction in rule.description.corrections {
            let (fixed, expected, changes) = ExampleRunner.fix(correction)
            #expect(fixed == expected, sourceLocation: Self.location(correction.before))
            #expect(!changes.isEmpty, sourceLocation: Self.location(correction.before))
            let again = ExampleRunner.fix(RuleCorrection(RuleExample(fixed, setup: correction.before.setup), fixed))
            #expect(
                again.changes.isEmpty, "second --fix changed: \(again.changes.map { $0.finding.code })",
                sourceLocation: Self.location(correction.before))
        }
    }

    @Test func codesAreUniqueAndKebabCase() {
        let codes = LintRules.kinds.map(\.code)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            #expect(code.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(code) is not kebab-case")
        }
        let others = Set(ModelFindings.all.map(\.code))
        #expect(others.isDisjoint(with: codes))
    }

    static func location(_ example: RuleExample) -> Testing.SourceLocation {
        Testing.SourceLocation(
            fileID: example.sourceFile, filePath: example.sourceFile, line: example.sourceLine, column: 1)
    }
}
