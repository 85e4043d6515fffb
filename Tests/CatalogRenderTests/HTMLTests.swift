import CatalogModel
import Foundation
import Testing
@testable import CatalogRender

@Suite struct HTMLTests {
    let renderer = HTMLRenderer()
    let context = PageContext(assetRoot: "assets/", indexHref: "index.html", siteTitle: "示例县基层政务公开标准目录")

    @Test func pageHasAccessibleTableMarkup() throws {
        let html = try renderer.catalogPage(CatalogTable(Fixtures.employment), context: context)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(
            html.contains(
                "<caption><bdi>示例县星海镇就业领域基层政务公开标准目录</bdi><span id=\"gkml-count\" class=\"count\">（共 3 项）</span></caption>"
            ))
        #expect(html.contains("<th scope=\"col\" class=\"h-number\" rowspan=\"2\">序号</th>"))
        #expect(html.contains("<th scope=\"colgroup\" class=\"h-item\" colspan=\"2\">公开事项</th>"))
        #expect(html.contains("<th scope=\"rowgroup\" class=\"c-group\" rowspan=\"2\">就业服务</th>"))
        #expect(html.contains("<th scope=\"row\" class=\"c-name\">招聘会信息</th>"))
        #expect(html.contains("<tr id=\"item-17-02-03\" data-search=\"17-02-03 就业服务 失业登记人员名单"))
        #expect(html.components(separatedBy: "<tbody data-group=").count - 1 == 2)
        #expect(html.contains("■其他：县人社局微信公众号"))
        #expect(html.contains("http-equiv=\"Content-Security-Policy\""))
        #expect(html.contains("default-src &#39;none&#39;; style-src &#39;self&#39;; script-src &#39;self&#39;"))
        #expect(html.contains("<script src=\"assets/gkml.js\"></script>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("style=\""))
    }

    @Test func listStylePrintsTheChannelsAsWritten() throws {
        let table = CatalogTable(Fixtures.employment, options: TableOptions(channelStyle: .list))
        let html = try renderer.catalogPage(table, context: context)
        #expect(!html.contains("checklist"))
        #expect(html.contains("政府网站、两微一端、公开查阅点、县人社局微信公众号"))
    }

    @Test func hostileTextIsEscaped() throws {
        for ctx in [context, PageContext(siteTitle: Fixtures.script)] {
            let html = try renderer.catalogPage(CatalogTable(Fixtures.hostile), context: ctx)
            #expect(!html.contains("<script>alert"))
            #expect(!html.contains("<img"))
            #expect(!html.contains("\" onmouseover=\""))
            #expect(!html.contains("<b>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("&quot; onmouseover=&quot;alert(1) x"))
        }
    }

    @Test func selfContainedPageAllowsItsInlineCodeByHash() throws {
        let html = try renderer.catalogPage(CatalogTable(Fixtures.employment), context: PageContext(siteTitle: "示例"))
        let style = HTMLTemplates.builtIn.stylesheet, script = HTMLTemplates.builtIn.script
        #expect(html.contains("<style>\(style)</style>"))
        #expect(html.contains("<script>\(script)</script>"))
        #expect(html.contains(SHA256.cspSource(style).replacingOccurrences(of: "'", with: "&#39;")))
        #expect(html.contains(SHA256.cspSource(script).replacingOccurrences(of: "'", with: "&#39;")))
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.cspSource("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
        #expect(SHA256.base64(SHA256.digest(Array("abc".utf8))) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        let long = String(repeating: "一二三四五六七八九十", count: 100)
        #expect(SHA256.digest(Array(long.utf8)).count == 32)
    }

    @Test func templatesCanBeOverriddenByFileName() throws {
        let folder = try TestSupport.temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<header class=\"county\">示例县人民政府门户网站 {{siteTitle}}</header>\n".write(
            to: folder.appendingPathComponent("site-header.mustache"), atomically: true, encoding: .utf8)
        try "body { color: #000; }\n".write(
            to: folder.appendingPathComponent("gkml.css"), atomically: true, encoding: .utf8)
        let templates = try HTMLTemplates(overridesIn: folder.path)
        #expect(templates.overridden == ["gkml.css", "site-header.mustache"])
        #expect(templates.stylesheet == "body { color: #000; }\n")
        let html = try HTMLRenderer(templates: templates).catalogPage(
            CatalogTable(Fixtures.hostile), context: PageContext(siteTitle: Fixtures.script))
        #expect(html.contains("<header class=\"county\">示例县人民政府门户网站 &lt;script&gt;"))
    }

    @Test func brokenTemplatesGiveAChineseError() throws {
        let folder = try TestSupport.temporaryFolder("badtemplates")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{#rows}}没有结束".write(
            to: folder.appendingPathComponent("catalog.mustache"), atomically: true, encoding: .utf8)
        #expect(throws: RenderError.self) { try HTMLTemplates(overridesIn: folder.path) }
        do {
            _ = try HTMLTemplates(overridesIn: folder.path)
        } catch let error as RenderError {
            #expect(error.message.contains("模板 catalog.mustache 有语法错误"))
        }
        #expect(throws: RenderError.self) {
            try HTMLTemplates(overridesIn: folder.appendingPathComponent("missing").path)
        }
    }

    @Test func indexListsJurisdictionsAndDomains() throws {
        let index = SiteIndex(
            title: "示例县基层政务公开标准目录", publisher: "示例县人民政府办公室",
            columns: [
                .init(name: "示例县", levelLabel: "县级"), .init(name: "星海镇", levelLabel: "乡、村级"),
            ],
            rows: [
                .init(
                    domain: "就业",
                    cells: [
                        .init(),
                        .init(entries: [
                            .init(
                                label: "星海镇 就业", href: "%E6%98%9F/employment.html", itemCount: 3, version: "2024.1",
                                effectiveDate: "2024-06-01")
                        ]),
                    ]),
                .init(domain: "税收管理", cells: [.init(), .init(notApplicable: "本镇不承担<税收>管理职责")]),
            ])
        let html = try renderer.indexPage(index)
        #expect(html.contains("<th scope=\"col\"><bdi>星海镇</bdi><span class=\"level\">乡、村级</span></th>"))
        #expect(
            html.contains(
                "<a href=\"%E6%98%9F/employment.html\"><span class=\"sr-only\"><bdi>星海镇 就业</bdi>目录，</span>3 项</a>"))
        #expect(html.contains("共 1 个目录、3 个事项"))
        #expect(html.contains("script-src &#39;none&#39;"))
        #expect(html.contains("<details class=\"na\"><summary>未涉及</summary><p>本镇不承担&lt;税收&gt;管理职责</p></details>"))
        #expect(html.contains("<span class=\"sr-only\">无目录</span>"))
    }
}
