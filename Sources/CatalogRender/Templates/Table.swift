extension DefaultTemplates {
    /// table.mustache: the official table, one <tbody> per 一级事项 (its cell spans the block's rows). Each cell is a
    /// block, its own bidi paragraph; catalog text that shares a line with other text is in a <bdi> (issue 15).
    static let table = #"""
        <div class="table-wrap">
        <table id="gkml-table" class="catalog">
        <caption><bdi>{{title}}</bdi><span id="gkml-count" class="count">（共 {{itemCount}} 项）</span></caption>
        {{#header1}}
        <colgroup class="g-{{key}}">{{#cols}}<col class="k-{{.}}">{{/cols}}</colgroup>
        {{/header1}}
        <thead>
        <tr>{{#header1}}<th scope="{{scope}}" class="h-{{key}}"{{#colspan}} colspan="{{.}}"{{/colspan}}{{#rowspan}} rowspan="{{.}}"{{/rowspan}}>{{title}}</th>{{/header1}}</tr>
        <tr>{{#header2}}<th scope="col" class="h-{{key}}">{{title}}</th>{{/header2}}</tr>
        </thead>
        {{#groups}}
        <tbody data-group="{{name}}">
        {{#rows}}
        <tr id="item-{{id}}" data-search="{{search}}">
        <td class="c-number" data-label="序号">{{number}}</td>
        {{#showsID}}
        <td class="c-id" data-label="编号">{{id}}</td>
        {{/showsID}}
        {{#startsGroup}}
        <th scope="rowgroup" class="c-group" rowspan="{{groupSpan}}">{{group}}</th>
        {{/startsGroup}}
        <th scope="row" class="c-name">{{name}}</th>
        <td class="c-content" data-label="公开内容">{{content}}</td>
        <td class="c-basis" data-label="公开依据">{{#basis}}<p>{{.}}</p>{{/basis}}</td>
        <td class="c-time" data-label="公开时限">{{timeLimit}}</td>
        <td class="c-bodies" data-label="公开主体">{{#bodies}}<p>{{.}}</p>{{/bodies}}</td>
        <td class="c-channels" data-label="公开渠道">{{#checklist}}<ul class="checklist" aria-hidden="true">{{#boxes}}<li class="{{state}}">{{text}}</li>{{/boxes}}</ul><span class="sr-only">{{channelList}}</span>{{/checklist}}{{#ticked}}<ul class="ticked">{{#channelLines}}<li>{{.}}</li>{{/channelLines}}</ul>{{/ticked}}{{^checklist}}{{^ticked}}{{channelList}}{{/ticked}}{{/checklist}}</td>
        {{#marks}}
        <td class="c-mark" data-label="{{label}}">{{#on}}<span class="tick" aria-hidden="true">√</span><span class="mark-word">{{word}}</span>{{/on}}</td>
        {{/marks}}
        {{#hasRemarks}}
        <td class="c-remark" data-label="备注">{{#remarkLines}}<p>{{.}}</p>{{/remarkLines}}</td>
        {{/hasRemarks}}
        </tr>
        {{/rows}}
        </tbody>
        {{/groups}}
        </table>
        </div>
        {{#legend}}
        <p class="legend">注：{{.}}</p>
        {{/legend}}

        """#
}
