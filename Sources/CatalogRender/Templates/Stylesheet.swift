extension DefaultTemplates {
    /// gkml.css: screen and print styles. Colours keep a contrast of at least 7:1 on white (GB/T 37668 and
    /// WCAG 2.1 AA ask for 4.5:1).
    static let stylesheet = #"""
        :root {
          --ink: #1a1a1a;
          --muted: #4a4a4a;
          --line: #6b6b6b;
          --head: #e6ecf5;
          --accent: #0b3d91;
          --focus: #b35900;
        }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        html { font-size: 100%; }
        body {
          margin: 0;
          color: var(--ink);
          background: #fff;
          font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
          line-height: 1.6;
        }
        a { color: var(--accent); }
        a:focus, input:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip-link { position: absolute; left: -10000px; top: 0; }
        .skip-link:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; z-index: 10; }
        .sr-only {
          position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
          overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
        }
        .site-header { background: var(--accent); color: #fff; padding: .75rem 1.5rem; }
        .site-header a { color: #fff; }
        .site-name { margin: 0; font-size: 1.1rem; font-weight: bold; }
        .site-footer { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem 1.5rem; font-size: .9rem; }
        main { padding: 1rem 1.5rem 2rem; }
        .breadcrumb { font-size: .9rem; color: var(--muted); }
        h1 {
          font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "Songti SC", "Noto Serif CJK SC", serif;
          font-weight: normal; font-size: 1.75rem; text-align: center; margin: 1rem 0;
        }
        h2 { font-size: 1.2rem; margin-top: 2rem; }
        .facts { display: flex; flex-wrap: wrap; justify-content: center; gap: .25rem 2rem; margin: 0 0 1rem; }
        .facts div { display: flex; gap: .5rem; }
        .facts dt { color: var(--muted); }
        .facts dt::after { content: "："; }
        .facts dd { margin: 0; }
        .downloads { text-align: center; }
        .downloads a { margin: 0 .5rem; }
        .lead { text-align: center; color: var(--muted); }
        .filter { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: 1rem 0; }
        .filter input { font: inherit; padding: .35rem .6rem; min-width: 18rem; border: 1px solid var(--line); border-radius: 3px; }
        .filter input::placeholder { color: var(--muted); opacity: 1; }
        .filter-status { margin: 0; color: var(--muted); }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; }
        caption { font-weight: bold; padding: .5rem; caption-side: top; }
        th, td { border: 1px solid var(--line); padding: .35rem .45rem; vertical-align: middle; text-align: left; }
        thead th { background: var(--head); text-align: center; font-family: "SimHei", "黑体", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
        thead { display: table-header-group; }
        table.catalog { font-size: .9rem; min-width: 72rem; }
        table.catalog td, table.catalog th { white-space: pre-line; }
        .c-number, .c-mark { text-align: center; }
        .h-number, .c-number { width: 2.5rem; }
        .c-group { text-align: center; font-weight: bold; background: #f6f8fb; min-width: 5rem; }
        .c-name { font-weight: bold; min-width: 6rem; }
        .c-content { min-width: 9rem; }
        .c-basis { min-width: 9rem; }
        .c-time { min-width: 6rem; }
        .c-bodies { min-width: 6.5rem; }
        .c-basis p, .c-bodies p, .c-remark p { margin: 0 0 .25rem; }
        .c-channels { min-width: 15rem; }
        .checklist { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(2, auto); gap: 0 .5rem; font-size: .85rem; }
        .checklist li.wide { grid-column: 1 / -1; }
        .checklist li.off { color: var(--muted); }
        .checklist li.on { font-weight: bold; }
        .ticked { list-style: none; margin: 0; padding: 0; }
        .h-id, .c-id { white-space: nowrap; }
        .c-id { font-family: ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", monospace; font-size: .85rem; }
        /* The tick's word is read by screen readers and shown on the phone cards. */
        .mark-word {
          position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
          overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
        }
        caption .count { font-weight: normal; }
        .h-mark, .c-mark { width: 3.2rem; }
        /* Header words break only where a person would (乡、/村级), never one character a line (依/申/请). */
        thead th { word-break: keep-all; }
        th.h-mark, td.c-mark { padding-left: .2rem; padding-right: .2rem; }
        th.h-mark { font-size: .85rem; }
        .c-remark { min-width: 6rem; }
        .legend { font-size: .85rem; color: var(--muted); }
        .notes ul { padding-left: 1.25rem; }
        .notes .id, .notes .date { font-family: ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", monospace; }
        table.overview { font-size: .95rem; }
        table.overview td { text-align: center; }
        table.overview .meta { display: block; font-size: .8rem; color: var(--muted); }
        table.overview th .level { display: block; font-weight: normal; font-size: .8rem; }
        table.overview details.na { color: var(--muted); font-size: .85rem; }
        table.overview details.na summary { cursor: pointer; }
        table.overview details.na p { text-align: left; margin: .25rem 0 0; max-width: 16rem; }
        /* A phone: one card per item instead of a table wider than the screen. */
        @media screen and (max-width: 40rem) {
          main { padding: .75rem; }
          h1 { font-size: 1.35rem; }
          .filter input { min-width: 0; width: 100%; }
          table.catalog { min-width: 0; font-size: .95rem; }
          table.catalog, table.catalog caption, table.catalog tbody, table.catalog tr, table.catalog td, table.catalog th { display: block; width: auto; }
          table.catalog thead, table.catalog colgroup { display: none; }
          table.catalog caption { text-align: left; padding: .25rem 0 .5rem; }
          table.catalog tbody::before { content: attr(data-group); display: block; font-weight: bold; color: var(--accent); margin: 1rem 0 .25rem; }
          table.catalog th.c-group { display: none; }
          table.catalog tr { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 .75rem; padding: .5rem .75rem; }
          table.catalog td, table.catalog th { border: 0; padding: .15rem 0; white-space: normal; }
          table.catalog th.c-name { font-size: 1.05rem; padding-bottom: .35rem; }
          table.catalog td.c-number { text-align: left; }
          table.catalog td[data-label]::before { content: attr(data-label) "："; color: var(--muted); }
          table.catalog td:empty { display: none; }
          table.catalog td.c-mark { display: inline-block; margin-right: 1rem; }
          table.catalog td.c-mark:empty { display: none; }
          table.catalog .c-mark .tick { display: none; }
          table.catalog .mark-word { position: static; width: auto; height: auto; margin: 0; overflow: visible; clip: auto; white-space: normal; }
          table.catalog .c-basis p, table.catalog .c-bodies p { display: inline; }
          table.catalog .c-basis p + p::before, table.catalog .c-bodies p + p::before { content: "；"; }
          .checklist { display: block; }
          .checklist li.off { display: none; }
          .checklist li, .ticked li { display: inline; margin-right: .5rem; }
        }
        @page { size: A4 landscape; margin: 10mm; }
        @media print {
          body { font-size: 9pt; }
          .site-header, .site-footer, .skip-link, .breadcrumb, .downloads, .filter { display: none !important; }
          main { padding: 0; }
          h1 { font-size: 16pt; }
          h2 { break-after: avoid; page-break-after: avoid; }
          .table-wrap { overflow: visible; }
          table.catalog { min-width: 0; width: 100%; table-layout: fixed; font-size: 7.5pt; line-height: 1.35; }
          table.catalog th, table.catalog td { padding: 1mm; min-width: 0; overflow-wrap: anywhere; }
          col.k-number { width: 3%; }
          col.k-id { width: 6%; }
          col.k-group { width: 6%; }
          col.k-name { width: 8%; }
          col.k-content { width: 14%; }
          col.k-basis { width: 12%; }
          col.k-time { width: 8%; }
          col.k-bodies { width: 7%; }
          col.k-channels { width: 19%; }
          col.k-mark { width: 3.5%; }
          col.k-remark { width: 8%; }
          .checklist { font-size: 7pt; gap: 0 1mm; }
          thead { display: table-header-group; }
          /* Keep each row and each block on one page: a block's merged 一级事项 cell is never cut by a page break.
             Blocks are at most six rows (longer 一级事项 are cut into parts, each carrying the label again). */
          tbody, tr { break-inside: avoid; page-break-inside: avoid; }
          th, td { border-color: #000; }
          thead th { background: #fff; }
          .c-group { background: #fff; }
          a { color: inherit; text-decoration: none; }
        }

        """#
}
