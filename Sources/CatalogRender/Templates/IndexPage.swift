extension DefaultTemplates {
    /// index.mustache: the workspace's overview, domains × jurisdictions. Data: see `HTMLRenderer.indexData`.
    static let indexPage = #"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        {{> head}}
        </head>
        <body>
        <a class="skip-link" href="#gkml-overview">跳到目录一览</a>
        {{> site-header}}
        <main id="gkml-main">
        <h1>{{title}}</h1>
        <p class="lead">{{#publisher}}{{.}}发布。{{/publisher}}共 {{catalogCount}} 个目录、{{itemCount}} 个事项。</p>
        <div class="table-wrap">
        <table id="gkml-overview" class="overview">
        <caption>各领域、各辖区目录一览（单元格中为事项数、版本和生效日期；“未涉及”可展开查看理由）</caption>
        <thead>
        <tr><th scope="col">领域</th>{{#jurisdictions}}<th scope="col"><bdi>{{name}}</bdi><span class="level">{{levelLabel}}</span></th>{{/jurisdictions}}</tr>
        </thead>
        <tbody>
        {{#domains}}
        <tr>
        <th scope="row">{{name}}</th>
        {{#cells}}
        <td>{{#catalogs}}<a href="{{href}}"><span class="sr-only"><bdi>{{label}}</bdi>目录，</span>{{itemCount}} 项</a><span class="meta"><bdi>{{version}}</bdi>{{#effectiveDate}} · {{.}}{{/effectiveDate}}{{#approval}} · <bdi>{{.}}</bdi>{{/approval}}</span>{{/catalogs}}{{^catalogs}}{{#notApplicable}}<details class="na"><summary>未涉及</summary><p>{{.}}</p></details>{{/notApplicable}}{{^notApplicable}}<span aria-hidden="true">—</span><span class="sr-only">无目录</span>{{/notApplicable}}{{/catalogs}}</td>
        {{/cells}}
        </tr>
        {{/domains}}
        </tbody>
        </table>
        </div>
        {{#hasWorkbooks}}
        <h2>下载</h2>
        <ul class="workbooks">
        {{#jurisdictions}}
        {{#workbook}}
        <li><a href="{{href}}" download="{{fileName}}">{{name}}全部领域目录（Excel）</a></li>
        {{/workbook}}
        {{/jurisdictions}}
        </ul>
        {{/hasWorkbooks}}
        </main>
        {{> site-footer}}
        </body>
        </html>

        """#
}
