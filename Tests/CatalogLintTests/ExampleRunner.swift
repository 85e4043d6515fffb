@testable import CatalogLint
import CatalogModel
import Diagnostics

/// Turns rule examples into files and runs them, for the generic rule test (test support: not shipped).
public enum ExampleRunner {
    /// The marker of an expected finding.
    public static let marker: Unicode.Scalar = "↓"
    /// The file name examples are checked under.
    public static let fileName = "example.yaml"

    /// What the example wraps a catalog body in.
    public enum Role: Sendable {
        case subject
        case baseline
        case county
    }

    /// The complete file for an example body (see `RuleExample`): a header for the level and, unless the body
    /// has `默认:`, standard defaults. Bodies that start with `格式:` are used as they are.
    public static func document(_ body: String, setup: ExampleSetup, role: Role = .subject) -> String {
        if body.hasPrefix("格式:") { return body.hasSuffix("\n") ? body : body + "\n" }
        let level: Level = role == .subject ? setup.level : role == .county ? .county : .county
        var header: [String] = ["格式: gkml/1", "领域: \(setup.domain)"]
        let region: String, publisher: String, bodies: String, levels: String
        switch (role, level) {
        case (.baseline, _):
            (region, publisher, bodies, levels) = ("全国", "人力资源社会保障部办公厅", "[县级人力资源社会保障部门, 乡镇人民政府（街道办事处）]", "[县级, 乡级]")
        case (_, .township):
            (region, publisher, bodies, levels) = ("示例县星海镇", "星海镇人民政府", "[星海镇人民政府]", "[乡级]")
        case (_, .county):
            (region, publisher, bodies, levels) = ("示例县", "示例县人民政府办公室", "[示例县人力资源和社会保障局]", "[县级]")
        case (_, .city):
            (region, publisher, bodies, levels) = ("示例市", "示例市人民政府办公室", "[示例县人民政府]", "[市级]")
        case (_, .village):
            (region, publisher, bodies, levels) = ("示例县星海镇海港村", "星海镇人民政府", "[星海镇人民政府]", "[村级]")
        }
        header += [
            "地区: \(region)", "层级: \(role == .baseline ? "县级" : level.rawValue)", "发布机构: \(publisher)",
            "版本: \"2024.1\"",
        ]
        let hasDefaults = body.split(separator: "\n").contains { $0.hasPrefix("默认:") }
        if !hasDefaults {
            header += [
                "默认:",
                "  公开依据: [《中华人民共和国政府信息公开条例》]",
                "  公开时限: 自信息形成或者变更之日起20个工作日内",
                "  公开主体: \(bodies)",
                "  公开渠道: [政府网站, 公开查阅点]",
                "  公开对象: 全社会",
                "  公开方式: 主动",
                "  公开层级: \(levels)",
            ]
        }
        let text = header.joined(separator: "\n") + "\n" + body
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// Removes the markers and returns where they were (1-based line and column, in characters).
    public static func stripMarkers(_ text: String) -> (text: String, markers: [SourcePosition]) {
        var out = String.UnicodeScalarView()
        var markers: [SourcePosition] = []
        var line = 1, column = 1
        for s in text.unicodeScalars {
            if s == marker {
                markers.append(SourcePosition(line: line, column: column))
                continue
            }
            out.append(s)
            if s == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (String(out), markers)
    }

    /// The lint context an example is checked in.
    public static func context(_ setup: ExampleSetup) -> LintContext {
        let workspace = setup.bodies.map { bodies in
            Workspace(
                file: "gkml.yaml", root: ".", region: Located("示例县", at: SourcePosition(line: 1, column: 1)),
                level: Located(.county, at: SourcePosition(line: 1, column: 1)),
                bodies: bodies.map { Located($0, at: SourcePosition(line: 1, column: 1)) }, rules: setup.rules)
        }
        var baselines = BaselineCatalogs.none
        if let baseline = setup.baseline {
            let text = stripMarkers(document(baseline, setup: setup, role: .baseline)).text
            if let catalog = CatalogLoader.load(bytes: Array(text.utf8), file: "baseline.yaml").catalog {
                baselines = BaselineCatalogs([catalog])
            }
        }
        var upper: [Catalog] = []
        if let county = setup.county {
            let text = stripMarkers(document(county, setup: setup, role: .county)).text
            if let catalog = CatalogLoader.load(bytes: Array(text.utf8), file: "county.yaml").catalog {
                upper.append(catalog)
            }
        }
        return LintContext(workspace: workspace, baselines: baselines, upperLevel: upper, rules: setup.rules)
    }

    /// What running an example produced.
    public struct Run: Sendable {
        /// The complete file checked (markers removed).
        public var text: String
        /// Where the markers were.
        public var markers: [SourcePosition]
        /// The example file as loaded (schema and model findings included).
        public var loaded: LoadedCatalog
        public var result: LintResult
    }

    /// Runs every rule over an example (with its siblings as the rest of the jurisdiction).
    public static func run(_ example: RuleExample) -> Run {
        let (text, markers) = stripMarkers(document(example.yaml, setup: example.setup))
        let context = context(example.setup)
        let loaded = CatalogLoader.load(bytes: Array(text.utf8), file: fileName, registry: context.registry)
        var all = [loaded]
        for (n, sibling) in example.setup.siblings.enumerated() {
            let siblingText = stripMarkers(document(sibling, setup: example.setup)).text
            all.append(
                CatalogLoader.load(
                    bytes: Array(siblingText.utf8), file: "\(n)-sibling.yaml", registry: context.registry))
        }
        let result = LintEngine.lint(all, context: context)[fileName] ?? LintResult()
        return Run(text: text, markers: markers, loaded: loaded, result: result)
    }

    /// Applies `--fix` to a correction's `before` and returns the fixed text and the expected text.
    public static func fix(_ correction: RuleCorrection) -> (fixed: String, expected: String, changes: [LintChange]) {
        let before = stripMarkers(document(correction.before.yaml, setup: correction.before.setup)).text
        let expected = stripMarkers(document(correction.after, setup: correction.before.setup)).text
        let result = LintFixer.fix(
            source: Array(before.utf8), file: fileName, context: context(correction.before.setup))
        return (String(decoding: result.fixed, as: UTF8.self), expected, result.changes)
    }
}
