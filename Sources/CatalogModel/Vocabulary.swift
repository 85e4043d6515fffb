import Foundation
import YAMLTree

/// The canonical administrative levels. Places print them under their own labels (see `Workspace.levelLabels`).
public enum Level: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case city = "市级"
    case county = "县级"
    case township = "乡级"
    case village = "村级"

    private var rank: Int { Level.allCases.firstIndex(of: self)! }
    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }

    /// The level named `text`, as `init(rawValue:)` finds it (the decoder reads every 公开层级 entry).
    public static func named(_ text: String) -> Level? { names.named(text) }

    private static let names = NamesByBytes<Level>()
}

/// 公开对象: who the information is for.
public enum Audience: String, Sendable, Hashable, CaseIterable, Codable {
    case everyone = "全社会"
    case specificGroups = "特定群众"

    /// The audience named `text`, as `init(rawValue:)` finds it.
    public static func named(_ text: String) -> Audience? { names.named(text) }

    private static let names = NamesByBytes<Audience>()
}

/// 公开方式: proactive disclosure or disclosure on request.
public enum DisclosureMode: String, Sendable, Hashable, CaseIterable, Codable {
    case proactive = "主动"
    case onRequest = "依申请"

    /// The mode named `text`, as `init(rawValue:)` finds it.
    public static func named(_ text: String) -> DisclosureMode? { names.named(text) }

    private static let names = NamesByBytes<DisclosureMode>()
}

/// Finds a case of a vocabulary enum by its name as `init(rawValue:)` does (by canonical equivalence), but comparing
/// bytes when that is the same thing. Every name of the vocabulary is ASCII and CJK ideographs (U+4000–U+9FFF),
/// which no normalization changes, so a text made only of those equals a name exactly when its bytes do; any other
/// text goes to `init(rawValue:)`. The standard library's comparison checks each non-ASCII comparison for
/// normalization, and the decoder looks names up for every item.
struct NamesByBytes<Name: RawRepresentable & CaseIterable & Sendable>: Sendable where Name.RawValue == String {
    /// Each case's name as UTF-8, in `allCases` order (made once: building a raw value per lookup cost more than
    /// comparing).
    let bytes: [[UInt8]]
    let cases: [Name]

    init() {
        cases = Array(Name.allCases)
        bytes = cases.map { Array($0.rawValue.utf8) }
        precondition(
            bytes.allSatisfy { $0.withUnsafeBufferPointer(Self.isPlain) },
            "a vocabulary name is not plain: bytes cannot stand for it")
    }

    /// Whether these bytes are only ASCII and U+4000–U+9FFF (lead bytes E4–E9, continuation bytes 80–BF).
    /// (Plain comparisons: a `ClosedRange.contains` here was not specialized, a generic call per byte.)
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 <= 0xBF || ($0 >= 0xE4 && $0 <= 0xE9) }
    }

    func named(_ text: String) -> Name? {
        var text = text
        let index: Int?? = text.withUTF8 { text in
            guard Self.isPlain(text) else { return .none }
            return .some(
                bytes.firstIndex { name in
                    name.count == text.count
                        && (text.isEmpty
                            || name.withUnsafeBufferPointer {
                                memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0
                            })
                })
        }
        switch index {
        case .none: return Name(rawValue: text)
        case .some(.none): return nil
        case .some(.some(let i)): return cases[i]
        }
    }
}

/// The 13 boxes of the official 公开渠道和载体 checklist, in the order the table prints them.
public enum StandardChannel: String, Sendable, Hashable, CaseIterable, Codable {
    case governmentWebsite = "政府网站"
    case governmentGazette = "政府公报"
    case microBlogWeChatApp = "两微一端"
    case pressConferenceOrHearing = "发布会/听证会"
    case radioTelevision = "广播电视"
    case printMedia = "纸质媒体"
    case publicReadingPoint = "公开查阅点"
    case governmentServiceCenter = "政务服务中心"
    case convenienceServiceStation = "便民服务站"
    case doorToDoorOrOnSite = "入户/现场"
    case noticeBoard = "社区/企事业单位/村公示栏(电子屏)"
    case targetedPush = "精准推送"
    case other = "其他"

    /// The channel whose name `text` is, as `init(rawValue:)` finds it, by the names' bytes (`NamesByBytes`): the
    /// decoder looks up every 公开渠道 entry of every item.
    public static func named(_ text: String) -> StandardChannel? { names.named(text) }

    private static let names = NamesByBytes<StandardChannel>()

    /// Channels through which the public can reach the information online.
    public var isOnline: Bool { self == .governmentWebsite || self == .microBlogWeChatApp }
}

/// One entry of 公开渠道: a standard channel, or `其他：<name>` for a local platform.
public enum Channel: Sendable, Hashable {
    case standard(StandardChannel)
    case other(name: String)

    /// Parses a channel entry as written in YAML; nil if it is neither a standard channel nor `其他：…`.
    public init?(_ text: String) {
        // No standard name starts with 其他：or 其他: (nor, so, does any text canonically equivalent to one), and
        // `named` would find that out the slow way (the full-width colon is not plain): such a text skips it.
        if !Channel.startsAsOther(text), let standard = StandardChannel.named(text) {
            self = .standard(standard)
            return
        }
        for prefix in ["其他：", "其他:"] where text.hasPrefix(prefix) {
            let name = Channel.trimmingWhitespace(text.dropFirst(prefix.count))
            guard !name.isEmpty else { return nil }
            self = .other(name: name)
            return
        }
        return nil
    }

    /// Whether the text's bytes start with 其他： or 其他: (the prefixes' bytes made once, not per entry).
    static func startsAsOther(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            otherPrefixes.contains { prefix in
                bytes.count >= prefix.count
                    && prefix.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, prefix.count) == 0 }
            }
        } ?? otherPrefixes.contains { text.utf8.starts(with: $0) }
    }

    private static let otherPrefixes: [[UInt8]] = [Array("其他：".utf8), Array("其他:".utf8)]

    /// `text.trimmingCharacters(in: .whitespaces)`, without Foundation's trimming when neither end is whitespace
    /// (the usual `其他：name`): the decoder reads every 公开渠道 entry, and that trimming is thousands of
    /// instructions a call even when it removes nothing.
    static func trimmingWhitespace<Text: StringProtocol>(_ text: Text) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return "" }
        if whitespace.contains(first) || whitespace.contains(last) { return text.trimmingCharacters(in: .whitespaces) }
        return String(text)
    }

    private static let whitespace = CharacterSet.whitespaces

    /// The text as the canonical YAML spelling writes it (full-width colon for 其他).
    public var text: String {
        switch self {
        case .standard(let channel): channel.rawValue
        case .other(let name): "其他：\(name)"
        }
    }

    /// The checklist box this entry ticks (named platforms tick 其他).
    public var box: StandardChannel {
        switch self {
        case .standard(let channel): channel
        case .other: .other
        }
    }
}

/// The keys of a catalog's header, as the YAML names them.
public enum CatalogHeaderField: String, Sendable, Hashable, CaseIterable {
    case region = "地区"
    case domain = "领域"
    case level = "层级"
    case publisher = "发布机构"
    case version = "版本"
    case effectiveDate = "生效日期"
}

/// The elements of an item that 默认 can supply, keyed by their YAML names.
public enum CatalogElement: String, Sendable, Hashable, CaseIterable, Codable {
    case name = "名称"
    case content = "公开内容"
    case basis = "公开依据"
    case timeLimit = "公开时限"
    case bodies = "公开主体"
    case channels = "公开渠道"
    case audience = "公开对象"
    case mode = "公开方式"
    case levels = "公开层级"
    case reasonNotProactive = "不主动公开理由"
    case remark = "备注"

    /// The elements an item may inherit from 默认.
    public static let inheritable: [CatalogElement] = [
        .basis, .timeLimit, .bodies, .channels, .audience, .mode, .levels,
    ]
}
