import Foundation
import YAMLTree

/// A channel name as a published table prints it (`公示栏`, `门户网站` …) and the standard channel it means,
/// from `schemas/channel-aliases.yaml` (each alias with the page it was seen on).
public struct ChannelAlias: Sendable, Hashable {
    /// The name as printed.
    public var name: String
    /// What it means: a standard box, or `其他：name`.
    public var channel: Channel
    /// Whether `--fix` may replace the name (the mapping is certain); otherwise the finding only suggests.
    public var certain: Bool
    /// The page it was seen on.
    public var source: String
}

/// The alias list, and how the decoder reads a 公开渠道 entry that is not a standard channel.
public enum ChannelAliases {
    public static let path = "schemas/channel-aliases.yaml"

    /// Every alias of the embedded list, in file order.
    public static let all: [ChannelAlias] = parse(EmbeddedResources.files[path] ?? "")

    static let byName: [String: ChannelAlias] = Dictionary(all.map { ($0.name, $0) }) { first, _ in first }

    /// The alias for a printed name, if the list has it.
    public static func alias(for text: String) -> ChannelAlias? { byName[text] }

    /// What the decoder reads for an entry: the standard channel or `其他：…` as written; a known alias as its
    /// channel; any other text as a local carrier (`其他：text`). The lint rule `channel-name` reports every entry
    /// that is not written in the standard form, so tolerance here never hides a name.
    public static func tolerantChannel(_ text: String) -> Channel? {
        if let channel = Channel(text) { return channel }
        if let alias = alias(for: text) { return alias.channel }
        let name = Channel.trimmingWhitespace(text)
        return name.isEmpty ? nil : .other(name: name)
    }

    static func parse(_ text: String) -> [ChannelAlias] {
        let result = YAMLParser.parse(Array(text.utf8), file: path)
        guard let entries = result.document?.root["别名"]?.sequence else { return [] }
        return entries.compactMap { node in
            guard let name = node["名称"]?.string, let target = node["标准"]?.string, let channel = Channel(target)
            else { return nil }
            let certain = node["自动修正"].map { $0.text == "true" } ?? false
            return ChannelAlias(name: name, channel: channel, certain: certain, source: node["来源"]?.string ?? "")
        }
    }
}
