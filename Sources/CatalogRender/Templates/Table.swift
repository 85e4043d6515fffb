extension DefaultTemplates {
    /// table.mustache: the official table, one <tbody> per 一级事项 (its cell spans the block's rows). Each cell is a
    /// block, its own bidi paragraph; catalog text that shares a line with other text is in a <bdi> (issue 15).
    static let table = #"""
        <div class="table-wrap">
        <table id="gkml-table" class="catalog">
        <caption><bdi>{{title}}</bdi>（共 {{itemCount}} 项）</caption>
        {{#header1}}
        <colgroup class="g-{{key}}">{{#cols}}<col class="k-{{.}}">{{/cols}}</colgroup>
        {{/header1}}
        <thead>
        <tr>{{#header1}}<th scope="{{scope}}" class="h-{{key}}"{{#colspan}} colspan="{{.}}"{{/colspan}}{{#rowspan}} rowspan="{{.}}"{{/rowspan}}>{{title}}</th>{{/header1}}</tr>
        <tr>{{#header2}}<th scope="col" class="h-{{key}}">{{title}}</th>{{/header2}}</tr>
        </thead>
        {{#groups}}
        <tbody>
        {{#rows}}
        <tr id="item-{{id}}">
        <td class="c-number">{{number}}</td>
        {{#startsGroup}}
        <th scope="rowgroup" class="c-group" rowspan="{{groupSpan}}">{{group}}</th>
        {{/startsGroup}}
        <th scope="row" class="c-name">{{name}}</th>
        <td class="c-content">{{content}}</td>
        <td class="c-basis">{{#basis}}<p>{{.}}</p>{{/basis}}</td>
        <td class="c-time">{{timeLimit}}</td>
        <td class="c-bodies">{{#bodies}}<p>{{.}}</p>{{/bodies}}</td>
        <td class="c-channels">{{#checklist}}<ul class="checklist" aria-hidden="true">{{#boxes}}<li class="{{state}}">{{text}}</li>{{/boxes}}</ul><span class="sr-only">{{channelList}}</span>{{/checklist}}{{^checklist}}{{channelList}}{{/checklist}}</td>
        {{#marks}}
        <td class="c-mark">{{#on}}<span aria-hidden="true">√</span><span class="sr-only">是</span>{{/on}}</td>
        {{/marks}}
        {{#hasRemarks}}
        <td class="c-remark">{{#remarkLines}}<p>{{.}}</p>{{/remarkLines}}</td>
        {{/hasRemarks}}
        </tr>
        {{/rows}}
        </tbody>
        {{/groups}}
        </table>
        </div>
        {{#checklist}}
        <p class="legend">公开渠道和载体：“■”表示选用，“□”表示未选用。</p>
        {{/checklist}}

        """#
}
