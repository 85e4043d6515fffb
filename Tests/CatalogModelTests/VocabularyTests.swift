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

    /// `Channel.endsUnblank` lets a 其他 name skip Foundation's trimming only where trimming would keep it whole:
    /// every scalar up to past the ideographic space alone, at either end of a name, and names that need trimming.
    @Test func untrimmedOtherNamesAreThoseTrimmingKeeps() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "\(scalar)站", "站\(scalar)"] where Channel.endsUnblank(text[...]) {
                #expect(text.trimmingCharacters(in: .whitespaces) == text, "U+\(String(value, radix: 16))")
            }
        }
        #expect(Channel("其他：县站") == .other(name: "县站"))
        #expect(Channel("其他: 县站\u{3000}") == .other(name: "县站"))
        #expect(Channel("其他：\t县 站 ") == .other(name: "县 站"))
        #expect(Channel("其他：\u{3000}") == nil)
        #expect(Channel.endsUnblank("县站"[...]) && Channel.endsUnblank("a"[...]))
    }
}
