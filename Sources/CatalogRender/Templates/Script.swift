extension DefaultTemplates {
    /// gkml.js: the offline filter of a catalog page. Plain script, no library, no network. It searches what a
    /// reader sees of each row (its `data-search` words: the text, the chosen channels only, the ticks as words,
    /// 编号), keeps the merged 一级事项 cell on the first visible row of its block, and shows the count in the
    /// status line and the caption. `?q=词` in the page's URL pre-fills the filter.
    static let script = #"""
        (function () {
          'use strict';
          var form = document.getElementById('gkml-filter');
          var table = document.getElementById('gkml-table');
          if (!form || !table) { return; }
          var input = document.getElementById('gkml-filter-input');
          var status = document.getElementById('gkml-filter-status');
          var caption = document.getElementById('gkml-count');
          var blocks = [];
          var total = 0;
          Array.prototype.forEach.call(table.tBodies, function (body) {
            var rows = Array.prototype.slice.call(body.rows);
            var head = body.querySelector('th.c-group');
            total += rows.length;
            blocks.push({
              body: body,
              rows: rows,
              head: head,
              headText: head ? normalise(head.textContent) : '',
              texts: rows.map(function (row) { return normalise(row.getAttribute('data-search') || row.textContent); })
            });
          });
          function normalise(text) { return (text || '').replace(/\s+/g, ' ').trim().toLowerCase(); }
          function apply() {
            var terms = normalise(input.value).split(' ').filter(function (t) { return t.length > 0; });
            var shown = 0;
            blocks.forEach(function (block) {
              var visible = [];
              block.rows.forEach(function (row, i) {
                var text = block.texts[i];
                var match = terms.every(function (term) { return text.indexOf(term) !== -1; });
                row.hidden = !match;
                if (match) { visible.push(row); }
              });
              block.body.hidden = visible.length === 0;
              if (block.head && visible.length > 0) {
                var first = visible[0];
                if (block.head.parentNode !== first) { first.insertBefore(block.head, first.cells[1] || null); }
                block.head.rowSpan = visible.length;
              }
              shown += visible.length;
            });
            status.textContent = terms.length > 0 ? '显示 ' + shown + ' / ' + total + ' 项' : '共 ' + total + ' 项';
            if (caption) { caption.textContent = terms.length > 0 ? '（筛选出 ' + shown + ' 项，共 ' + total + ' 项）' : '（共 ' + total + ' 项）'; }
          }
          form.addEventListener('submit', function (event) { event.preventDefault(); });
          input.addEventListener('input', apply);
          // A link can carry a filter: page.html?q=低保
          var match = /[?&]q=([^&#]*)/.exec(window.location.search);
          if (match) {
            try { input.value = decodeURIComponent(match[1].replace(/\+/g, ' ')); } catch (e) { input.value = ''; }
          }
          form.hidden = false;
          apply();
        }());

        """#
}
