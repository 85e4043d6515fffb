import Diagnostics

/// One entry of the import report: a guess, an unread cell, a split, a value left out. Each names its place in
/// the source (`目录.xlsx!Sheet1!E12`, `page.html：表格 2 第 7 行第 3 列`).
public struct ImportNote: Sendable, Hashable {
    /// How much a person must look.
    public enum Level: String, Sendable, Hashable {
        /// Read by a documented rule (同上, a variant channel name): listed so it can be checked, no action needed.
        case info
        /// A guess, an unread cell or a value left out: a person must look (exit status 1).
        case warning
    }

    /// A stable kebab-case code (`import-unread-cell`, `import-similar-match` …).
    public var code: String
    public var level: Level
    public var place: LocalizedText
    public var message: LocalizedText

    public init(_ code: String, _ level: Level, place: LocalizedText, zh: String, en: String) {
        self.code = code
        self.level = level
        self.place = place
        self.message = LocalizedText(zh: zh, en: en)
    }
}
