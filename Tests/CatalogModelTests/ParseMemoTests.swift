import Diagnostics
import Foundation
import Testing

@testable import CatalogModel

/// Each distinct text is parsed once per run; the memo's size stays bounded.
@Suite struct ParseMemoTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var parsed: [String] = []
        func note(_ text: String) {
            lock.lock()
            parsed.append(text)
            lock.unlock()
        }
        var texts: [String] {
            lock.lock()
            defer { lock.unlock() }
            return parsed
        }
    }

    @Test func parsesEachTextOnceAndReturnsTheSameValue() {
        let memo = ParseMemo<Int>()
        let counter = Counter()
        func parse(_ text: String) -> Int {
            counter.note(text)
            return text.unicodeScalars.count
        }
        let texts = ["自信息形成之日起20个工作日内", "及时", "自信息形成之日起20个工作日内", "实时", "及时"]
        #expect(texts.map { memo.value(for: $0, parse) } == [15, 2, 15, 2, 2])
        #expect(counter.texts == ["自信息形成之日起20个工作日内", "及时", "实时"])
    }

    @Test func startsAfreshWhenFull() {
        let memo = ParseMemo<Int>(capacity: 3)
        let counter = Counter()
        func parse(_ text: String) -> Int {
            counter.note(text)
            return 0
        }
        for text in ["a", "b", "c", "d", "a"] { _ = memo.value(for: text, parse) }
        // Full at d: the memo forgot a, b and c, so a is parsed again.
        #expect(counter.texts == ["a", "b", "c", "d", "a"])
        _ = memo.value(for: "d", parse)
        #expect(counter.texts.count == 5)
    }

    /// The memo keys texts by their bytes: a canonically equivalent spelling (é composed and decomposed, which
    /// `String ==` calls equal) is parsed on its own, and each spelling gets its own parse.
    @Test func keysTextsByTheirBytes() {
        let memo = ParseMemo<Int>()
        let counter = Counter()
        func parse(_ text: String) -> Int {
            counter.note(text)
            return text.unicodeScalars.count
        }
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(memo.value(for: composed, parse) == 4)
        #expect(memo.value(for: decomposed, parse) == 5)
        #expect(memo.value(for: composed, parse) == 4)
        #expect(counter.texts.count == 2)
    }

    @Test func timeLimitFromTheMemoIsTheParsedOne() {
        let text = "自信息形成或者变更之日起20个工作日内"
        let first = TimeLimit.parse(text)
        let again = TimeLimit.parse(text)
        #expect(first == again)
        #expect(first.deadlines(longerThan: 19).count == 1)
        #expect(TimeLimit.parse("及时公开").isVague)
        #expect(!first.isVague)
    }

    @Test func bodyNamesFollowTheDirectory() {
        var workspace = Workspace(
            file: "gkml.yaml", root: ".", region: Located("示例县", at: SourcePosition(line: 1, column: 1)),
            level: Located(.county, at: SourcePosition(line: 1, column: 1)),
            bodies: [Located("示例县民政局", at: SourcePosition(line: 3, column: 5))])
        #expect(workspace.bodyNames == ["示例县民政局"])
        workspace.bodies.append(Located("星海镇人民政府", at: SourcePosition(line: 4, column: 5)))
        #expect(workspace.bodyNames == ["示例县民政局", "星海镇人民政府"])
    }
}
