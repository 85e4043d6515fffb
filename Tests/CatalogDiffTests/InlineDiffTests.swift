import Testing

@testable import CatalogDiff

@Suite struct InlineDiffTests {
    typealias S = InlineDiff.Segment

    static func render(_ segments: [S]) -> String {
        segments.map { s in
            switch s {
            case .same(let t): t
            case .removed(let t): "[-\(t)-]"
            case .added(let t): "{+\(t)+}"
            }
        }.joined()
    }

    static func sides(_ segments: [S]) -> (String, String) {
        var old = "", new = ""
        for s in segments {
            switch s {
            case .same(let t): old += t; new += t
            case .removed(let t): old += t
            case .added(let t): new += t
            }
        }
        return (old, new)
    }

    @Test(arguments: [
        ("自信息形成或者变更之日起20个工作日内", "自信息形成或者变更之日起15个工作日内", "自信息形成或者变更之日起[-20-]{+15+}个工作日内"),
        ("招聘会时间、地点及岗位信息", "招聘会时间、地点、岗位信息及报名方式", "招聘会时间、地点[-及-]{+、+}岗位信息{+及报名方式+}"),
        ("由县人社局负责", "由镇政府负责", "由[-县人社局-]{+镇政府+}负责"),
        ("相同", "相同", "相同"),
        ("", "新增", "{+新增+}"),
        ("删除", "", "[-删除-]"),
    ])
    func characterLevelDiff(_ old: String, _ new: String, _ expected: String) {
        let segments = InlineDiff.segments(old, new)
        #expect(Self.render(segments) == expected)
        #expect(Self.sides(segments) == (old, new))
    }

    /// Whatever the texts, the segments rebuild both sides exactly.
    @Test func segmentsRebuildBothSides() {
        let texts = [
            "公开内容包括申请条件、申请材料、办理流程", "公开内容：申请条件、材料、流程和时限", "abc", "", "条件材料流程",
            "涉及个人信息，仅向本人及利害关系人提供", "涉及个人隐私，仅向本人提供",
        ]
        for a in texts {
            for b in texts {
                #expect(Self.sides(InlineDiff.segments(a, b)) == (a, b))
            }
        }
    }

    /// The number of characters the diff keeps the same is the longest common subsequence: Myers' search finds a
    /// shortest edit script, as the table it replaced did.
    @Test func keepsALongestCommonSubsequence() {
        var generator = SplitMix(seed: 15)
        let alphabet = Array("县镇政府公开ab")
        for _ in 0..<300 {
            let a = String((0..<Int(generator.next() % 24)).map { _ in alphabet[Int(generator.next() % 7)] })
            let b = String((0..<Int(generator.next() % 24)).map { _ in alphabet[Int(generator.next() % 7)] })
            var work = 0
            let ops = InlineDiff.myers(Array(a), Array(b), maxEdits: 1_000, work: &work)!
            #expect(ops.filter { $0.1 == 0 }.count == Self.lcsLength(Array(a), Array(b)), "\(a) → \(b)")
            #expect(Self.sides(InlineDiff.segments(a, b)) == (a, b))
        }
    }

    /// A middle that differs by more than the cut-off is shown whole, between the shared prefix and suffix.
    @Test func aChangeBeyondTheCutOffIsShownWhole() {
        let old = "依据：" + String(repeating: "甲乙", count: 1_500) + "。"
        let new = "依据：" + String(repeating: "丙丁", count: 1_500) + "。"
        #expect(
            InlineDiff.segments(old, new) == [
                .same("依据："), .removed(String(repeating: "甲乙", count: 1_500)),
                .added(String(repeating: "丙丁", count: 1_500)), .same("。"),
            ])
    }

    /// The work grows linearly with the length of a changed value (issue 15: a 400,000-character 公开时限 took a
    /// minute), whether the edits are few (found) or many (cut off), counted in steps, not timed.
    @Test(arguments: [7, 53, 997]) func workGrowsLinearly(every stride: Int) {
        func work(_ length: Int) -> Int {
            let base = (0..<length).map { Character(UnicodeScalar(0x4E00 + ($0 * 7919) % 2000)!) }
            var changed = base
            for i in Swift.stride(from: stride / 2, to: length, by: stride) { changed[i] = "改" }
            var steps = 0
            let segments = InlineDiff.segments(String(base), String(changed), work: &steps)
            #expect(Self.sides(segments) == (String(base), String(changed)))
            return steps
        }
        let small = work(20_000), large = work(80_000)
        #expect(Double(large) / Double(small) < 4 * 1.25, "\(small) → \(large) steps")
    }

    static func lcsLength(_ a: [Character], _ b: [Character]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}

/// A small deterministic generator, so that the random cases are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
