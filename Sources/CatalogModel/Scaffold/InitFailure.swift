import SafeOutput
import Diagnostics
import SafeOutput

/// Why `gkml init` wrote nothing: a usage or I/O problem (exit status 2), in both languages, without the
/// "错误：" / "error: " the command line puts before it.
public struct InitFailure: Error, Sendable, Equatable {
    public var text: LocalizedText

    public init(zh: String, en: String) { text = LocalizedText(zh: zh, en: en) }
    public init(_ text: LocalizedText) { self.text = text }

    /// `--level` that names no level.
    public static func badLevel(_ text: String) -> InitFailure {
        InitFailure(
            zh: "层级「\(text)」无效：应为 市级、县级、乡级 或 村级",
            en: "invalid level \"\(text)\": use 市级, 县级, 乡级 or 村级")
    }
}

extension WorkspaceScaffold.Failure {
    var localized: InitFailure {
        switch self {
        case .badName(let name):
            InitFailure(
                zh: message,
                en:
                    "\"\(name)\" cannot be a folder name: it must not be empty, hold / \\ or control characters, or start with ."
            )
        case .duplicate(let name): InitFailure(zh: message, en: "jurisdiction \"\(name)\" is given twice")
        case .noLevelBelow(let level):
            InitFailure(zh: message, en: "no level below \(level.rawValue) can hold jurisdictions")
        }
    }
}

extension CatalogScaffold.Failure {
    var localized: InitFailure {
        switch self {
        case .noItems(let domain, let level):
            InitFailure(
                zh: message, en: "the baseline of \"\(domain)\" has no item whose 公开层级 includes \"\(level.rawValue)\"")
        }
    }
}

extension BaselineSource.Failure {
    var localized: InitFailure {
        switch self {
        case .missing(let domain, _): InitFailure(zh: message, en: "no baseline catalog for the domain \"\(domain)\"")
        case .invalid(let file):
            InitFailure(zh: message, en: "the baseline catalog \(file) has errors; run gkml validate \(file) first")
        }
    }
}

extension SafeFileWriter.Failure {
    var localized: InitFailure {
        InitFailure(zh: message, en: englishMessage)
    }
}
