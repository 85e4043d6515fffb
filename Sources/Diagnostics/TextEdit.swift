/// A replacement of the source text between two positions (end exclusive). Fixes are made of these: they
/// change the characters a rule points at and nothing else, so comments, key order and every other line stay
/// byte-identical.
public struct TextEdit: Sendable, Hashable {
    public var start: SourcePosition
    public var end: SourcePosition
    public var replacement: String

    public init(start: SourcePosition, end: SourcePosition, replacement: String) {
        self.start = start
        self.end = end
        self.replacement = replacement
    }

    /// Deletes whole lines `first...last` (with their line breaks).
    public static func deleteLines(_ first: Int, through last: Int) -> TextEdit {
        TextEdit(
            start: SourcePosition(line: first, column: 1), end: SourcePosition(line: last + 1, column: 1),
            replacement: "")
    }
}
