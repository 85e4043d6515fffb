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
}
