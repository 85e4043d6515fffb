import Testing
@testable import YAMLTree

/// Mapping lookups compare keys as UTF-8 bytes (YAML and JSON compare keys by code point), without the
/// canonical-equivalence check of `String ==` that made them the largest cost of decoding.
@Suite struct KeyLookupTests {
    @Test func chineseKeysOfEveryLengthAndNonStringKeys() {
        let r = root(
            """
            编号: 17-02-01
            名称: 招聘会信息
            公开内容: 招聘会时间
            公开依据: [《就业促进法》]
            不主动公开理由: 涉及个人隐私
            1: 一
            true: 真
            "": 空

            """)
        #expect(r["编号"]?.string == "17-02-01")
        #expect(r["名称"]?.string == "招聘会信息")
        #expect(r["公开内容"]?.string == "招聘会时间")
        #expect(r["公开依据"]?.sequence?.count == 1)
        #expect(r["不主动公开理由"]?.string == "涉及个人隐私")
        // A non-string key is found by its text, as JSON sees it.
        #expect(r["1"]?.string == "一")
        #expect(r["true"]?.string == "真")
        #expect(r[""]?.string == "空")
        // Same length and prefix, different key; a key that is a prefix of another.
        #expect(r["公开主体"] == nil)
        #expect(r["编"] == nil)
        #expect(r.pair("名称")?.key.start.line == 2)
        #expect(r.child("公开内容")?.string == "招聘会时间")
        #expect(r["编号"]?["x"] == nil)
    }

    /// é written precomposed and decomposed are equal as `String`s but are different keys to YAML and JSON.
    @Test func keysAreCodePointsNotCanonicalEquivalents() {
        let r = root("caf\u{E9}: 1\n")
        #expect(r["caf\u{E9}"] != nil)
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(r["cafe\u{301}"] == nil)
    }

    @Test func sameUTF8ComparesBytes() {
        #expect(sameUTF8("公开依据", "公开依据"))
        #expect(!sameUTF8("公开依据", "公开时限"))
        #expect(!sameUTF8("公开", "公开依据"))
        #expect(sameUTF8("", ""))
        // A long native string against a bridged or small one.
        let long = String(repeating: "公开依据", count: 20)
        #expect(sameUTF8(long, String(repeating: "公开依据", count: 20)))
        #expect(!sameUTF8(long, String(repeating: "公开依据", count: 19) + "公开时限"))
    }
}
