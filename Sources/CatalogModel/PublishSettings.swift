/// How the 公开渠道和载体 column is printed (gkml.yaml 发布 → 公开渠道, or `--channels`).
public enum ChannelStyle: String, Sendable, Hashable, CaseIterable {
    /// 勾选框: the official ■/□ checklist of the 13 standard boxes, named 其他 entries after 其他.
    case checklist
    /// 已勾选: only the chosen boxes, each with ■; a named platform prints as its name (■县人社局微信公众号).
    case ticked
    /// 列表: the chosen channels as text; a named platform prints as its name.
    case list

    /// The word gkml.yaml uses for the style.
    public var word: String {
        switch self {
        case .checklist: "勾选框"
        case .ticked: "已勾选"
        case .list: "列表"
        }
    }

    /// Parses the Chinese word of gkml.yaml or the English name of `--channels`.
    public init?(word: String) {
        if let style = ChannelStyle(rawValue: word) {
            self = style
            return
        }
        guard let style = ChannelStyle.allCases.first(where: { $0.word == word }) else { return nil }
        self = style
    }
}

/// gkml.yaml 发布: how this place prints its catalogs.
public struct PublishSettings: Sendable, Hashable {
    /// 公开渠道; nil when gkml.yaml does not say (the default is the checklist).
    public var channelStyle: ChannelStyle?
    /// 编号列: whether the printed table (web page, Word, Markdown) shows 编号. The workbook and CSV always carry it.
    public var showsID: Bool

    public init(channelStyle: ChannelStyle? = nil, showsID: Bool = false) {
        self.channelStyle = channelStyle
        self.showsID = showsID
    }

    /// Parses 编号列's value: 显示/show or 隐藏/hide.
    public static func showsID(word: String) -> Bool? {
        switch word {
        case "显示", "show": true
        case "隐藏", "hide": false
        default: nil
        }
    }
}
