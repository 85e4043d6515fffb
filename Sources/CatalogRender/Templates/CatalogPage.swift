extension DefaultTemplates {
    /// catalog.mustache: one catalog's page. Data: see `HTMLRenderer.catalogData`.
    static let catalogPage = #"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        {{> head}}
        </head>
        <body>
        <a class="skip-link" href="#gkml-table">跳到目录表格</a>
        {{> site-header}}
        <main id="gkml-main">
        {{#indexHref}}
        <nav class="breadcrumb" aria-label="当前位置"><a href="{{indexHref}}">目录一览</a> › <span aria-current="page"><bdi>{{region}}</bdi>　<bdi>{{domain}}</bdi></span></nav>
        {{/indexHref}}
        <h1>{{title}}</h1>
        <dl class="facts">
        <div><dt>发布机构</dt><dd>{{publisher}}</dd></div>
        <div><dt>版本</dt><dd>{{version}}</dd></div>
        {{#effectiveDate}}
        <div><dt>生效日期</dt><dd>{{.}}</dd></div>
        {{/effectiveDate}}
        {{#approval}}
        <div><dt>审批</dt><dd class="approval">{{.}}</dd></div>
        {{/approval}}
        <div><dt>事项数</dt><dd>{{itemCount}}</dd></div>
        </dl>
        {{#hasDownloads}}
        <p class="downloads">下载：{{#downloads}}<a href="{{href}}" download="{{fileName}}">{{label}}</a>{{/downloads}}</p>
        {{/hasDownloads}}
        <form id="gkml-filter" class="filter" role="search" hidden>
        <label for="gkml-filter-input">筛选事项</label>
        <input id="gkml-filter-input" type="search" autocomplete="off" placeholder="输入关键词，如 公示、补贴">
        <p id="gkml-filter-status" class="filter-status" role="status" aria-live="polite"></p>
        </form>
        {{> table}}
        {{#hasNotApplicable}}
        <section class="notes" aria-labelledby="gkml-na">
        <h2 id="gkml-na">未涉及事项</h2>
        <ul>
        {{#notApplicable}}
        <li><span class="id">{{id}}</span>{{#name}} <bdi>{{.}}</bdi>{{/name}}：<bdi>{{reason}}</bdi></li>
        {{/notApplicable}}
        </ul>
        </section>
        {{/hasNotApplicable}}
        {{#hasAdjustments}}
        <section class="notes" aria-labelledby="gkml-adj">
        <h2 id="gkml-adj">调整记录</h2>
        <ul>
        {{#adjustments}}
        <li><span class="date">{{date}}</span>{{#version}}（版本 <bdi>{{.}}</bdi>）{{/version}}　<bdi>{{note}}</bdi></li>
        {{/adjustments}}
        </ul>
        </section>
        {{/hasAdjustments}}
        </main>
        {{> site-footer}}
        {{#inlineAssets}}
        <script>{{{inlineScript}}}</script>
        {{/inlineAssets}}
        {{^inlineAssets}}
        <script src="{{assetRoot}}gkml.js"></script>
        {{/inlineAssets}}
        </body>
        </html>

        """#
}
