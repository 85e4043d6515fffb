@testable import CatalogLint
import Diagnostics
import Testing

/// A file's quiet texts answer for a text found quiet earlier in the file, and only for such a text: one with
/// findings is checked every time, and one pushed out by later texts is asked of the shared memo again.
@Suite struct FileQuietTextsTests {
    static let finding = LintViolation(
        Finding(CitationSupersededRule.kind, at: SourceLocation(file: "a.yaml", position: nil), path: "/默认/公开依据/0"))

    @Test func quietTextsAreKnownAndNoisyOnesCheckedEachTime() {
        let memo = QuietTexts()
        var quiet = FileQuietTexts(memo)
        var checks = 0
        let noisy = TextKey("《国务院关于印发〈某办法〉的通知》")
        for _ in 0..<3 {
            #expect(
                quiet.violations(TextKey("《中华人民共和国就业促进法》")) {
                    checks += 1; return []
                }.isEmpty)
            #expect(
                quiet.violations(noisy) {
                    checks += 1; return [Self.finding]
                }.count == 1)
        }
        // The quiet text was checked once, the noisy one every time.
        #expect(checks == 1 + 3)
        #expect(quiet.knows(TextKey("《中华人民共和国就业促进法》")) && !quiet.knows(noisy))
        #expect(memo.contains(TextKey("《中华人民共和国就业促进法》")) && !memo.contains(noisy))
    }

    @Test func textsPushedOutAreAskedOfTheSharedMemo() {
        let memo = QuietTexts()
        var quiet = FileQuietTexts(memo)
        let texts = (0..<FileQuietTexts.capacity + 3).map { TextKey("《文件\($0)》") }
        var checks = 0
        for text in texts {
            _ = quiet.violations(text) {
                checks += 1; return []
            }
        }
        // Three more texts than are kept: the first three are pushed out (the oldest first), the rest are kept.
        #expect(texts.prefix(3).allSatisfy { !quiet.knows($0) } && texts.dropFirst(3).allSatisfy { quiet.knows($0) })
        // Asked again, the first is answered by the shared memo: not checked again, and kept once more.
        #expect(
            quiet.violations(texts[0]) {
                checks += 1; return [Self.finding]
            }.isEmpty)
        #expect(checks == texts.count && quiet.knows(texts[0]))
    }
}
