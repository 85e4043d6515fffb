import CatalogModel
import Testing
import YAMLTree

/// The canonical fingerprint of `gkml approve`: comments, key order, quoting and layout do not count; values do.
@Suite struct FingerprintTests {
    static let base = """
        格式: gkml/1
        领域: 就业
        版本: "2026.1"
        事项:
          - 一级事项: 就业服务
            二级事项:
              - 编号: 17-02-01
                名称: 招聘会信息
                公开渠道: [政府网站, 公开查阅点]
        """

    static func fingerprint(_ text: String) throws -> String {
        try #require(CatalogFingerprint.of(bytes: Array(text.utf8), file: "t.yaml"))
    }

    @Test func layoutDoesNotCountContentDoes() throws {
        let base = try Self.fingerprint(Self.base)
        #expect(base.hasPrefix("sha256:") && base.count == 7 + 64)
        // Comments, another key order, block instead of flow style, single quotes: the same content.
        let reformatted = """
            # 就业领域目录
            领域: 就业   # 试点领域
            版本: '2026.1'
            格式: gkml/1
            事项:
              - 二级事项:
                  - 名称: 招聘会信息
                    编号: 17-02-01
                    公开渠道:
                      - 政府网站
                      - 公开查阅点
                一级事项: 就业服务
            """
        #expect(try Self.fingerprint(reformatted) == base)
        // A value, the order of a list, a number instead of a string: other content.
        #expect(try Self.fingerprint(Self.base.replacingOccurrences(of: "招聘会信息", with: "招聘会")) != base)
        #expect(
            try Self.fingerprint(Self.base.replacingOccurrences(of: "[政府网站, 公开查阅点]", with: "[公开查阅点, 政府网站]")) != base)
        #expect(try Self.fingerprint(Self.base.replacingOccurrences(of: "\"2026.1\"", with: "2026.1")) != base)
        // Known answer: SHA-256 of "abc".
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
