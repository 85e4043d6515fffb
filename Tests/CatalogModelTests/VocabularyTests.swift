import Foundation
import Testing

@testable import CatalogModel

/// `StandardChannel.named` compares bytes where that is canonical equivalence, and falls back to `init(rawValue:)`.
@Suite struct VocabularyTests {
    @Test func namedFindsEachChannelByItsName() {
        for channel in StandardChannel.allCases {
            #expect(StandardChannel.named(channel.rawValue) == channel)
        }
        #expect(StandardChannel.named("公众号") == nil)
        #expect(StandardChannel.named("政府网站 ") == nil)
        #expect(StandardChannel.named("") == nil)
    }

    /// U+F965 is a compatibility ideograph canonically equivalent to 便: `String ==` (and so the raw value) finds
    /// the channel, though the bytes differ.
    @Test func namedFindsACanonicallyEquivalentSpelling() {
        let spelled = "\u{F965}民服务站"
        #expect(StandardChannel(rawValue: spelled) == .convenienceServiceStation)
        #expect(StandardChannel.named(spelled) == .convenienceServiceStation)
        #expect(Channel(spelled) == .standard(.convenienceServiceStation))
    }

    private enum Spelled: String, CaseIterable, Sendable {
        case convenience = "便民"
        case site = "现场"
    }

    /// `NamesByBytes` (levels, audiences, modes, channels) answers as `init(rawValue:)` does: by bytes for a text of
    /// ASCII and CJK ideographs, by canonical equivalence for any other (U+F965 is equivalent to 便).
    @Test func namesByBytesAnswerAsRawValues() {
        for level in Level.allCases { #expect(Level.named(level.rawValue) == level) }
        for audience in Audience.allCases { #expect(Audience.named(audience.rawValue) == audience) }
        for mode in DisclosureMode.allCases { #expect(DisclosureMode.named(mode.rawValue) == mode) }
        for text in ["", "县", "县级 ", " 县级", "县级县级", "乡级\u{301}", "全社会", "特定群众\u{3000}", "主动", "依申请", "ABC"] {
            #expect(Level.named(text) == Level(rawValue: text), "\(text)")
            #expect(Audience.named(text) == Audience(rawValue: text), "\(text)")
            #expect(DisclosureMode.named(text) == DisclosureMode(rawValue: text), "\(text)")
        }
        let names = NamesByBytes<Spelled>()
        #expect(Spelled(rawValue: "\u{F965}民") == .convenience)
        #expect(names.named("\u{F965}民") == .convenience)
        #expect(names.named("便民") == .convenience)
        #expect(names.named("现场") == .site)
        #expect(names.named("便") == nil)
        #expect(names.named("\u{F965}") == nil)
    }

    /// `Channel.trimmingWhitespace` skips Foundation's trimming only when neither end is whitespace: it must trim
    /// exactly what `trimmingCharacters(in: .whitespaces)` trims (tab and the space separators, not line breaks).
    @Test func trimmingWhitespaceTrimsAsFoundationDoes() {
        let samples = [
            "", " ", "\t", "平台", " 平台", "平台 ", "\t平台\t", "\u{3000}平台\u{3000}", "\u{A0}平台", "平台\u{2003}",
            "\n平台\n", "平 台", "𠀀平台𠀀", " 𠀀 ", "a", " a b ", "\u{200B}平台",
        ]
        for text in samples {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            #expect(Channel.trimmingWhitespace(text) == trimmed, "\(text.debugDescription)")
            #expect(Channel.trimmingWhitespace(text.dropFirst(0)) == trimmed)
        }
        #expect(Channel("其他：\u{3000}县融媒体中心 ") == .other(name: "县融媒体中心"))
        #expect(Channel("其他:县融媒体中心") == .other(name: "县融媒体中心"))
        #expect(Channel("其他：\u{3000}") == nil)
        #expect(ChannelAliases.tolerantChannel(" 县融媒体中心\t") == .other(name: "县融媒体中心"))
    }

    /// A text starting with the bytes of 其他： skips the lookup by name, and is read as the prefix check reads it.
    @Test func otherEntriesAreReadByTheirPrefix() {
        #expect(Channel("其他") == .standard(.other))
        #expect(Channel("其他：县融媒体中心") == .other(name: "县融媒体中心"))
        #expect(Channel("其他:县融媒体中心") == .other(name: "县融媒体中心"))
        #expect(Channel("其他：") == nil)
        // The colon with a combining mark is another character: no 其他： prefix, and no standard name.
        #expect(Channel("其他：\u{301}平台") == nil)
        #expect(Channel("其他 ") == nil)
    }
}
