import CatalogDiff
import Testing

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
}
