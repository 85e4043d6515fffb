import CatalogModel
import Foundation
import SafeOutput
import Testing
@testable import CatalogRender

/// The catalog page written without Mustache (`HTMLCatalogPage`) must be the bytes the shipped templates give.
@Suite struct HTMLCatalogPageTests {
    let renderer = HTMLRenderer()

    /// Every branch of the templates: site and self-contained pages, downloads, approval, the three channel
    /// styles, 编号 shown, remarks, 未涉及事项 with and without a name, 调整记录 with and without a version,
    /// hostile text and text whose quotes a combining mark joins.
    var tables: [CatalogTable] {
        var tables: [CatalogTable] = []
        for catalog in [Fixtures.employment, Fixtures.hostile, Fixtures.long] {
            for style in [ChannelStyle.checklist, .ticked, .list] {
                for showsID in [false, true] {
                    tables.append(
                        CatalogTable(catalog, options: TableOptions(channelStyle: style, showsID: showsID)))
                }
            }
        }
        var bare = CatalogTable(Fixtures.employment)
        bare.effectiveDate = nil
        bare.notApplicableEntries = []
        bare.adjustments = []
        bare.levelColumns = []
        bare.hasRemarks = false
        tables.append(bare)
        var notes = CatalogTable(Fixtures.hostile)
        notes.notApplicableEntries.append(.init(id: "17-09-09", name: "名称 \"引号\"", reason: "<理由>"))
        notes.adjustments.append(.init(date: "2025-01-01", version: nil, note: "没有版本 & 说明"))
        notes.title = "标题\"\u{301}与'\u{301}组合 <\u{338} &"
        notes.version = "v'1\""
        notes.effectiveDate = ""
        tables.append(notes)
        return tables
    }

    var contexts: [PageContext] {
        var site = PageContext(
            assetRoot: "../assets/", indexHref: "../index.html", siteTitle: "示例县 & \"目录\"",
            sitePublisher: "示例县人民政府办公室",
            downloads: [
                DownloadLink(label: "Markdown", href: "%E5%B0%B1%E4%B8%9A.md", fileName: "就业 'a'.md"),
                DownloadLink(label: "Excel（本辖区全部领域）", href: "x.xlsx", fileName: "x<y>.xlsx"),
            ])
        site.approval = "已审批 示政办〔2024〕1号"
        return [
            site, PageContext(siteTitle: Fixtures.script, sitePublisher: Fixtures.attribute),
            PageContext(siteTitle: ""),
        ]
    }

    @Test func directPageIsTheTemplatesPage() throws {
        #expect(renderer.templates.catalogPageIsShipped)
        for table in tables {
            for context in contexts {
                let direct = try renderer.catalogPageBytes(table, context: context)
                let templated = try renderer.catalogPageThroughTemplates(table, context: context)
                #expect(direct == Array(templated.utf8), "\(table.title) \(table.channelStyle) \(context.siteTitle)")
                #expect(try renderer.catalogPage(table, context: context) == templated)
            }
        }
    }

    @Test func anOverriddenPageTemplateGoesThroughMustache() throws {
        for name in HTMLTemplates.catalogPageTemplates {
            var files = DefaultTemplates.files
            files[name] = files[name]! + "<!-- county -->\n"
            let templates = try HTMLTemplates(files: files, overridden: [name])
            #expect(!templates.catalogPageIsShipped)
            let page = try HTMLRenderer(templates: templates).catalogPage(
                CatalogTable(Fixtures.employment), context: contexts[0])
            #expect(page.contains("<!-- county -->"), "\(name)")
        }
        // The stylesheet and script are not templates: the direct page inlines the overriding ones.
        var files = DefaultTemplates.files
        files[HTMLTemplates.stylesheetName] = "body { color: #000; }"
        let templates = try HTMLTemplates(files: files, overridden: [HTMLTemplates.stylesheetName])
        #expect(templates.catalogPageIsShipped)
        let page = try HTMLRenderer(templates: templates).catalogPage(
            CatalogTable(Fixtures.employment), context: PageContext(siteTitle: "示例"))
        #expect(page.contains("<style>body { color: #000; }</style>"))
    }

    /// A county's footer override: its catalog pages go through Mustache.
    func countyRenderer() throws -> HTMLRenderer {
        var files = DefaultTemplates.files
        files["site-footer.mustache"] = files["site-footer.mustache"]! + "<!-- county -->\n"
        return try HTMLRenderer(templates: HTMLTemplates(files: files, overridden: ["site-footer.mustache"]))
    }

    /// A quote that a combining mark joins is escaped on both paths: a browser would end an attribute at it.
    @Test func aJoinedQuoteIsEscapedThroughMustacheAndWithout() throws {
        var table = CatalogTable(Fixtures.employment)
        table.title = "标题\"\u{301} onfocus=x"
        for renderer in [renderer, try countyRenderer()] {
            let page = try renderer.catalogPage(table, context: PageContext(siteTitle: "示例县"))
            let escaped = "标题&quot;\u{301} onfocus=x"
            let joinedQuote = "\"\u{301}"
            #expect(page.contains(escaped))
            #expect(!page.contains(joinedQuote))
        }
    }

    /// An adjustment without 版本 shows none, on both paths (Mustache used to find the catalog's own 版本 for it).
    @Test func anAdjustmentWithoutVersionShowsNone() throws {
        var table = CatalogTable(Fixtures.employment)
        table.version = "2024.1"
        table.adjustments = [
            .init(date: "2025-01-01", version: nil, note: "删除一项"),
            .init(date: "2025-03-01", version: "2025.1", note: "新增一项"),
        ]
        for renderer in [renderer, try countyRenderer()] {
            let page = try renderer.catalogPage(table, context: PageContext(siteTitle: "示例县"))
            let withoutVersion = "<span class=\"date\">2025-01-01</span>　<bdi>删除一项</bdi>"
            let withVersion = "<span class=\"date\">2025-03-01</span>（版本 <bdi>2025.1</bdi>）　<bdi>新增一项</bdi>"
            #expect(page.contains(withoutVersion))
            #expect(page.contains(withVersion))
        }
    }

    @Test func escapingLooksAtEachScalar() {
        let cases: [(String, String)] = [
            ("纯中文文本", "纯中文文本"),
            ("a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&#39;f"),
            // A quote joined by a combining mark is one Character, but a browser still ends an attribute at it.
            ("x\"\u{301}y", "x&quot;\u{301}y"), ("<\u{338}a '\u{301}", "&lt;\u{338}a &#39;\u{301}"),
            ("第一行\r\n第二行 & 第三行", "第一行\r\n第二行 &amp; 第三行"),
            ("", ""),
            // Each of the five alone: the copy of text with nothing to escape must notice every one.
            ("a&b", "a&amp;b"), ("a<b", "a&lt;b"), ("a>b", "a&gt;b"), ("a\"b", "a&quot;b"), ("a'b", "a&#39;b"),
        ]
        for (text, escaped) in cases {
            var out: [UInt8] = []
            HTMLText.appendEscaped(text, to: &out)
            #expect(out == Array(escaped.utf8), "\(text)")
        }
    }
}
