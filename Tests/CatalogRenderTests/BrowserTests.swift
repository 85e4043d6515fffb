import CatalogModel
import Foundation
import Testing
@testable import CatalogRender

/// Pages loaded in headless Chromium (Debian's chromium; installed by scripts/test). One at a time: the machine
/// is small and each browser is heavy.
@Suite(.serialized) struct BrowserTests {
    /// A built site of the example workspace plus the hostile and long fixtures, on disk.
    static func site() throws -> URL {
        var source = try ExampleWorkspace.source()
        source.jurisdictions.append(
            SiteJurisdiction(name: "测试镇", level: .township, catalogs: [Fixtures.hostile, Fixtures.long]))
        source.jurisdictions.append(SiteJurisdiction(name: "筛选镇", level: .township, catalogs: [Fixtures.employment]))
        let output = try SiteBuilder.build(source, formats: OutputFormat.allCases)
        let folder = try TestSupport.temporaryFolder("site").appendingPathComponent("_site")
        try OutputFolder.replace(folder.path, with: output.files)
        return folder
    }

    @Test func pagesLoadWithoutConsoleErrorsAndTheFilterRuns() throws {
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        var pages = ["index.html", "测试镇/employment.html", "测试镇/employment-2.html", "筛选镇/employment.html"]
        for jurisdiction in try ExampleWorkspace.source().jurisdictions {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: site.appendingPathComponent(jurisdiction.name).path)
            pages += names.filter { $0.hasSuffix(".html") }.sorted().map { "\(jurisdiction.name)/\($0)" }
        }
        for page in pages {
            let result = try TestSupport.chromium(
                site.appendingPathComponent(page), ["--enable-logging=stderr", "--v=0", "--dump-dom"])
            #expect(result.status == 0, "\(page): chromium exited \(result.status)")
            #expect(
                TestSupport.consoleMessages(result.stderr).isEmpty,
                "\(page): \(TestSupport.consoleMessages(result.stderr))")
            #expect(result.stdout.contains("<html lang=\"zh-CN\">"), "\(page): no DOM")
            if page != "index.html" {
                // The script ran: the filter is shown and counts the items.
                #expect(
                    result.stdout.contains("<form id=\"gkml-filter\" class=\"filter\" role=\"search\">"),
                    "\(page): filter not shown")
                #expect(
                    result.stdout.range(of: "共 [0-9]+ 项</p>", options: .regularExpression) != nil,
                    "\(page): filter did not run")
            }
        }
    }

    @Test func hostilePageStaysInert() throws {
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let result = try TestSupport.chromium(
            site.appendingPathComponent("测试镇/employment.html"), ["--enable-logging=stderr", "--v=0", "--dump-dom"])
        let dom = result.stdout
        #expect(TestSupport.consoleMessages(result.stderr).isEmpty, "\(TestSupport.consoleMessages(result.stderr))")
        // Only our own script element, no injected element or handler attribute.
        #expect(dom.components(separatedBy: "<script").count - 1 == 1)
        #expect(!dom.contains("<img"))
        #expect(!dom.contains("<b>"))
        // No handler attribute. The row's data-search value holds the hostile text escaped (&quot;), which
        // the naive pattern below would read as an attribute; quoted attribute values are taken out first.
        let tags = dom.replacingOccurrences(of: "=\"[^\"]*\"", with: "=\"\"", options: .regularExpression)
        #expect(tags.range(of: "<[a-zA-Z][^>]*\\son[a-z]+\\s*=", options: .regularExpression) == nil)
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func filterFromTheAddressHidesOtherRowsAndKeepsTheMergedCell() throws {
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        // 失业登记人员名单 is the second row of the 就业服务 block: the merged cell must move to it.
        let result = try TestSupport.chromium(
            site.appendingPathComponent("筛选镇/employment.html"), query: "q=%E5%A4%B1%E4%B8%9A", ["--dump-dom"])
        let dom = result.stdout
        #expect(dom.contains("显示 1 / 3 项"))
        #expect(
            dom.range(of: "<tr id=\"item-17-01-01\" data-search=\"[^\"]*\" hidden=\"\">", options: .regularExpression)
                != nil)
        #expect(
            dom.range(of: "<tr id=\"item-17-02-01\" data-search=\"[^\"]*\" hidden=\"\">", options: .regularExpression)
                != nil)
        let visible = try #require(
            dom.range(of: "<tr id=\"item-17-02-03\" data-search=\"[^\"]*\">", options: .regularExpression))
        let rest = dom[visible.upperBound...]
        let cell = try #require(rest.range(of: "<th scope=\"rowgroup\" class=\"c-group\" rowspan=\"1\">就业服务</th>"))
        #expect(rest[..<cell.lowerBound].contains("<td class=\"c-number\" data-label=\"序号\">3</td>"))
        #expect(!rest[..<cell.lowerBound].contains("</tr>"))
    }

    @Test(arguments: [1400, 390])
    func filterFindsWhatAReaderSees(width: Int) throws {
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        // 筛选镇's catalog: 17-02-03 is the one 依申请 and 特定群众 item; no item is published in the 政府公报,
        // whose unticked box every checklist row prints.
        let page = site.appendingPathComponent("筛选镇/employment.html")
        for (query, count) in [
            ("依申请", 1), ("特定群众", 1), ("17-02-01", 1), ("政府公报", 0), ("乡、村级", 3), ("县级", 1), ("全社会", 2),
        ] {
            let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let result = try TestSupport.chromium(
                page, query: "q=" + encoded, ["--window-size=\(width),1000", "--dump-dom"])
            #expect(result.stdout.contains("显示 \(count) / 3 项"), "\(width) px, \(query): expected \(count)")
            #expect(result.stdout.contains("（筛选出 \(count) 项，共 3 项）"), "\(width) px, \(query): caption")
        }
    }

    @Test func screenshotAndPrintLayout() throws {
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let shots = try TestSupport.temporaryFolder("shots")
        defer { try? FileManager.default.removeItem(at: shots) }
        let page = site.appendingPathComponent("筛选镇/employment.html")

        // Screen.
        let png = shots.appendingPathComponent("screen.png")
        let screen = try TestSupport.chromium(
            page, ["--hide-scrollbars", "--window-size=1400,1000", "--screenshot=\(png.path)"])
        #expect(screen.status == 0)
        let image = try Data(contentsOf: png)
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(image.count > 30_000, "the screenshot looks empty")

        // Print: landscape A4, several pages for a long catalog.
        for (name, pageURL, minPages) in [
            ("short", page, 1), ("long", site.appendingPathComponent("测试镇/employment-2.html"), 3),
        ] {
            let pdf = shots.appendingPathComponent("\(name).pdf")
            let print = try TestSupport.chromium(pageURL, ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"])
            #expect(print.status == 0)
            let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
            let boxes = text.matches(of: /\/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]/).map {
                (Double($0.1)!, Double($0.2)!)
            }
            #expect(boxes.count >= minPages, "\(name): \(boxes.count) pages")
            for (width, height) in boxes {
                #expect(
                    abs(width - 841.9) < 2 && abs(height - 595.3) < 2,
                    "\(name): page \(width)×\(height) is not A4 landscape")
            }
        }
        // The header row repeats on every printed page.
        let css = HTMLTemplates.builtIn.stylesheet
        let printRules = try #require(css.range(of: "@media print")).upperBound
        #expect(css[printRules...].contains("thead { display: table-header-group; }"))
        #expect(css.contains("@page { size: A4 landscape;"))
    }
}

extension BrowserTests {
    /// Measures, in the laid-out page, whether the first character is left of the second inside an element.
    /// Runs as the site's own script (allowed by the page's CSP), and leaves its answers in the DOM.
    static let bidiProbe = #"""
        function leftOf(selector, a, b) {
          const el = document.querySelector(selector);
          if (!el) return "missing";
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          let ra = null, rb = null, n;
          while ((n = walker.nextNode())) {
            const ia = n.data.indexOf(a), ib = n.data.indexOf(b);
            if (ia >= 0 && !ra) { ra = document.createRange(); ra.setStart(n, ia); ra.setEnd(n, ia + a.length); }
            if (ib >= 0 && !rb) { rb = document.createRange(); rb.setStart(n, ib); rb.setEnd(n, ib + b.length); }
          }
          if (!ra || !rb) return "missing";
          return ra.getBoundingClientRect().left < rb.getBoundingClientRect().left;
        }
        const answers = {
          captionOwn: leftOf("caption", "星", "镇"),
          captionCount: leftOf("caption", "（共", "项）"),
          breadcrumb: leftOf(".breadcrumb [aria-current]", "星", "就"),
          nameOwn: leftOf(".c-name", "信", "息"),
          neighbour: leftOf(".c-content", "第一", "第三"),
          adjustment: leftOf("[aria-labelledby=gkml-adj] li", "）", "初始"),
        };
        document.documentElement.setAttribute("data-bidi", JSON.stringify(answers));
        """#

    /// Issue 15 item 6: a stray U+202E in catalog text reverses its own text only: the text after it on the same
    /// line (the caption's count, the breadcrumb's domain, the adjustment note) and the next cell keep their order.
    @Test func aStrayBidiOverrideDoesNotReorderNeighbours() throws {
        let rlo = "\u{202E}"
        let catalog = Fixtures.catalog(
            region: "示例县" + rlo + "星海镇",
            groups: [
                ("就业服务", [Fixtures.item("17-01-01", "招聘会" + rlo + "信息", group: "就业服务", content: "第一第二第三")])
            ])
        var withVersion = catalog
        withVersion.adjustments[0].version?.value = "2024.1" + rlo
        let source = SiteSource(
            title: "测试", publisher: nil,
            jurisdictions: [SiteJurisdiction(name: "测试镇", level: .township, catalogs: [withVersion])],
            options: TableOptions())
        let output = try SiteBuilder.build(source, formats: [.html])
        let folder = try TestSupport.temporaryFolder("bidi").appendingPathComponent("_site")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try OutputFolder.replace(folder.path, with: output.files)
        try Data(Self.bidiProbe.utf8).write(to: folder.appendingPathComponent("assets/gkml.js"))
        let page = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("测试镇").path).first {
                $0.hasSuffix(".html")
            })
        let result = try TestSupport.chromium(
            folder.appendingPathComponent("测试镇/\(page)"), ["--enable-logging=stderr", "--v=0", "--dump-dom"])
        #expect(TestSupport.consoleMessages(result.stderr).isEmpty, "\(TestSupport.consoleMessages(result.stderr))")
        let attribute = try #require(
            result.stdout.range(of: #"data-bidi="([^"]*)""#, options: .regularExpression), "the probe did not run")
        let json = String(result.stdout[attribute]).dropFirst("data-bidi=\"".count).dropLast()
            .replacingOccurrences(of: "&quot;", with: "\"")
        let answers = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        // The override works on its own text (so the checks below are not vacuous) …
        #expect(answers["captionOwn"] as? Bool == false, "\(answers)")
        #expect(answers["nameOwn"] as? Bool == false, "\(answers)")
        // … and stops at the end of it: what follows on the line stays after it (the region's 星, reversed to the
        // end of its own text, stays left of the domain; the version's closing bracket left of the note).
        #expect(answers["captionCount"] as? Bool == true, "\(answers)")
        #expect(answers["breadcrumb"] as? Bool == true, "\(answers)")
        #expect(answers["neighbour"] as? Bool == true, "\(answers)")
        #expect(answers["adjustment"] as? Bool == true, "\(answers)")
    }
}
