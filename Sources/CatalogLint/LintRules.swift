import Diagnostics

/// Every lint rule, in the order `gkml rules` lists them.
public enum LintRules {
    public static let all: [any LintRule] = [
        TimeLimitRule(),
        CitationTitleRule(),
        CitationDocumentNumberRule(),
        CitationSupersededRule(),
        CitationDuplicateRule(),
        BodyRule(),
        BaselineConformanceRule(),
        ProactiveDowngradeRule(),
        UniquenessRule(),
        ChannelRule(),
        ChannelNameRule(),
        LevelRule(),
        TextWhitespaceRule(),
        TextHalfwidthPunctuationRule(),
        TextBidiControlRule(),
        TextListEntryRule(),
        ReasonRule(),
        IDPrefixRule(),
        AdjustmentRule(),
        IgnoreCommentRule(),
    ]

    /// The rules' documentation.
    public static var descriptions: [RuleDescription] { all.map(\.ruleDescription) }

    /// Every kind of finding the lint stage makes (the rules' and the 规则 configuration check's).
    public static var kinds: [FindingKind] { descriptions.flatMap(\.kinds) + LintConfiguration.kinds }

    /// The rule that makes a code, if any.
    public static func rule(for code: String) -> (any LintRule)? {
        all.first { $0.ruleDescription.kinds.contains { $0.code == code } || $0.ruleDescription.identifier == code }
    }

    /// Rules with at least one fixable kind (what `--fix` runs).
    static var fixable: [any LintRule] { all.filter { $0.ruleDescription.kinds.contains(where: \.fixable) } }
}
