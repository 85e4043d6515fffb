extension DefaultTemplates {
    /// head.mustache: what every page's <head> holds. `csp` is the page's Content-Security-Policy.
    static let head = #"""
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="{{csp}}">
        <meta name="generator" content="gkml">
        <title>{{pageTitle}}</title>
        {{#inlineAssets}}
        <style>{{{inlineStyle}}}</style>
        {{/inlineAssets}}
        {{^inlineAssets}}
        <link rel="stylesheet" href="{{assetRoot}}gkml.css">
        {{/inlineAssets}}

        """#

    /// site-header.mustache: replace it to give the pages the county site's own header.
    static let siteHeader = #"""
        <header class="site-header">
        <p class="site-name">{{#siteHref}}<a href="{{siteHref}}">{{siteTitle}}</a>{{/siteHref}}{{^siteHref}}{{siteTitle}}{{/siteHref}}</p>
        </header>

        """#

    /// site-footer.mustache: replace it to give the pages the county site's own footer.
    static let siteFooter = #"""
        <footer class="site-footer">
        <p>{{#sitePublisher}}<bdi>{{.}}</bdi>　{{/sitePublisher}}基层政务公开标准目录</p>
        </footer>

        """#
}
