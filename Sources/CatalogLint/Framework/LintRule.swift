import CatalogModel
import Diagnostics

/// One lint rule, in the manner of SwiftLint: it declares the kinds of finding it makes, documents itself
/// with examples that are run as tests, and checks one file (seeing the other files of its jurisdiction).
///
/// Rules never print and never touch files: they return violations, each a `Finding` and, when the rule
/// can repair it safely, the text edits that would.
public protocol LintRule: Sendable {
    /// The rule's documentation: kinds, rationale, examples.
    static var description: RuleDescription { get }
    init()
    /// Checks one file. `scope` gives the context and the other files of the jurisdiction.
    func check(_ file: LintFile, in scope: LintScope) -> [LintViolation]
    /// The rule as a tree rule, if it is one (shares the walk). A requirement, not a cast: `as? any TreeRule` is a
    /// runtime conformance lookup, asked for every rule of every jurisdiction.
    var asTreeRule: (any TreeRule)? { get }
}

extension LintRule {
    /// The rule's documentation (for an instance held as `any LintRule`).
    public var ruleDescription: RuleDescription { Self.description }

    public var asTreeRule: (any TreeRule)? { nil }
}

/// What a rule found: a finding and, if the rule can repair it, the fix.
public struct LintViolation: Sendable {
    /// Whether a violation is shown, or kept only so that `--fix` repairs it.
    public enum Visibility: Sendable, Hashable {
        case reported
        /// An earlier stage already reports the same problem as an error at the same place (the schema, for an
        /// empty or repeated list entry): showing it twice would only add noise, but `--fix` can still repair it.
        case fixOnly
    }

    public var finding: Finding
    /// The edits that repair it, applied together (empty: not fixable here).
    public var fix: [TextEdit]
    public var visibility: Visibility

    public init(_ finding: Finding, fix: [TextEdit] = [], visibility: Visibility = .reported) {
        self.finding = finding
        self.fix = fix
        self.visibility = visibility
    }
}

/// The documentation of a rule: what `gkml explain` prints and what the generic test runs.
public struct RuleDescription: Sendable {
    /// The rule's own identifier (kebab-case); codes of its kinds usually start with it.
    public var identifier: String
    public var name: LocalizedText
    /// The kinds of finding this rule makes (each with its own code and severity).
    public var kinds: [FindingKind]
    /// Why the rule exists, in both languages.
    public var rationale: LocalizedText
    /// Examples that must not trigger any of the rule's kinds.
    public var nonTriggeringExamples: [RuleExample]
    /// Examples that must trigger exactly at their `↓` markers (and nowhere else).
    public var triggeringExamples: [RuleExample]
    /// For fixable kinds: text before and after `--fix`.
    public var corrections: [RuleCorrection]

    public init(
        identifier: String, name: LocalizedText, kinds: [FindingKind], rationale: LocalizedText,
        nonTriggeringExamples: [RuleExample] = [], triggeringExamples: [RuleExample] = [],
        corrections: [RuleCorrection] = []
    ) {
        self.identifier = identifier
        self.name = name
        self.kinds = kinds
        self.rationale = rationale
        self.nonTriggeringExamples = nonTriggeringExamples
        self.triggeringExamples = triggeringExamples
        self.corrections = corrections
    }
}

/// A YAML example. Unless it starts with `格式:`, the example is the body of a catalog: a standard header
/// (and, unless it has its own `默认:`, standard defaults) for `setup.level` is put before it. `↓` marks where a
/// finding must be reported (line and column exactly); markers are removed before the text is checked.
public struct RuleExample: Sendable {
    public var yaml: String
    /// The codes the markers are for (empty: any kind of the rule).
    public var codes: [String]
    public var setup: ExampleSetup
    /// Where the example is written, for test failure messages.
    public var sourceFile: String
    public var sourceLine: Int

    public init(
        _ yaml: String, codes: [String] = [], setup: ExampleSetup = ExampleSetup(),
        sourceFile: String = #fileID, sourceLine: Int = #line
    ) {
        self.yaml = yaml
        self.codes = codes
        self.setup = setup
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
    }
}

/// A fix example: `before` (with `↓` at each fixed finding) becomes `after` (with the same wrapping).
public struct RuleCorrection: Sendable {
    public var before: RuleExample
    public var after: String

    public init(_ before: RuleExample, _ after: String) {
        self.before = before
        self.after = after
    }

    public init(
        _ before: String, _ after: String, setup: ExampleSetup = ExampleSetup(),
        sourceFile: String = #fileID, sourceLine: Int = #line
    ) {
        self.before = RuleExample(before, setup: setup, sourceFile: sourceFile, sourceLine: sourceLine)
        self.after = after
    }
}

/// The world an example is checked in: its level and domain, the workspace, the baseline, the county's
/// catalog and other files of the same jurisdiction.
public struct ExampleSetup: Sendable {
    public var level: Level
    public var domain: String
    /// A baseline catalog for the domain (body of a catalog, wrapped as a national baseline), or none.
    public var baseline: String?
    /// The county's catalog of the same domain (body, wrapped as a county catalog), for a township example.
    public var county: String?
    /// Other files of the same jurisdiction (bodies, wrapped like the example).
    public var siblings: [String]
    /// The workspace's 机构名录 (nil: no workspace at all).
    public var bodies: [String]?
    /// The workspace's 规则 settings.
    public var rules: [String: RuleSetting]

    public static let defaultBodies = [
        "示例县人民政府", "示例县人民政府办公室", "示例县人力资源和社会保障局", "示例县民政局",
        "星海镇人民政府", "长胜乡人民政府",
    ]

    public init(
        level: Level = .township, domain: String = "就业", baseline: String? = nil, county: String? = nil,
        siblings: [String] = [], bodies: [String]? = ExampleSetup.defaultBodies, rules: [String: RuleSetting] = [:]
    ) {
        self.level = level
        self.domain = domain
        self.baseline = baseline
        self.county = county
        self.siblings = siblings
        self.bodies = bodies
        self.rules = rules
    }
}
