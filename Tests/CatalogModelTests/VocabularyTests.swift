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
