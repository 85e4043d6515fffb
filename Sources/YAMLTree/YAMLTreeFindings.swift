import Diagnostics

/// Every kind of finding that reading a file can produce: I/O, encoding, YAML syntax, limits, tree rules.
/// All are stage `.input`, severity `.error` except the warnings about valid YAML that likely does not say
/// what was meant (` #` in a value, full-width commas in a list). Codes are stable; never rename one.
///
/// libyaml's original problem text, where there is one, is in the finding's `problem` argument and in a note.
public enum YAMLTreeFindings {
    private static func kind(
        _ code: String,
        title: (String, String),
        message: (String, String),
        hint: (String, String)? = nil,
        severity: Severity = .error,
        fixable: Bool = false
    ) -> FindingKind {
        FindingKind(
            code: code,
            stage: .input,
            severity: severity,
            title: LocalizedText(zh: title.0, en: title.1),
            message: LocalizedText(zh: message.0, en: message.1),
            hint: hint.map { LocalizedText(zh: $0.0, en: $0.1) },
            fixable: fixable
        )
    }

    // MARK: I/O

    /// Arguments: `path`.
    public static let notFound = kind(
        "io-not-found",
        title: ("文件不存在", "file not found"),
        message: ("找不到文件 {path}", "file not found: {path}"),
        hint: ("请检查路径和文件名是否写对。", "Check the path and the file name.")
    )

    /// Arguments: `path`.
    public static let permissionDenied = kind(
        "io-permission-denied",
        title: ("没有读取权限", "permission denied"),
        message: ("没有权限读取文件 {path}", "permission denied reading {path}"),
        hint: ("请检查文件权限，或换一个有权限的用户运行。", "Check the file's permissions.")
    )

    /// Arguments: `path`.
    public static let isDirectory = kind(
        "io-is-directory",
        title: ("路径是文件夹", "path is a directory"),
        message: ("{path} 是文件夹，不是文件", "{path} is a directory, not a file")
    )

    /// Arguments: `path`, `reason` (a `FileSystemReason`, localized).
    public static let unreadable = kind(
        "io-unreadable",
        title: ("无法读取文件", "file cannot be read"),
        message: ("无法读取文件 {path}：{reason}", "cannot read {path}: {reason}")
    )

    // MARK: Size and limits

    /// Arguments: `size`, `limit` (bytes), `sizeText`, `limitText` (human-readable, e.g. "9.5 MiB").
    public static let tooLarge = kind(
        "yaml-too-large",
        title: ("文件过大", "file too large"),
        message: (
            "文件过大（{sizeText}，{size} 字节），超过上限 {limitText}（{limit} 字节），没有读取",
            "file too large ({sizeText}, {size} bytes); the limit is {limitText} ({limit} bytes); not read"
        ),
        hint: (
            "一个目录文件通常只有几十 KB；请检查是否选错了文件，或把目录拆成多个文件。",
            "A catalog file is usually a few tens of KB: check that this is the right file, or split it."
        )
    )

    /// Arguments: `limit`.
    public static let tooDeep = kind(
        "yaml-too-deep",
        title: ("嵌套过深", "nesting too deep"),
        message: (
            "嵌套层数超过上限 {limit} 层（列表、映射一层套一层）",
            "nesting deeper than the limit of {limit} levels of sequences and mappings"
        ),
        hint: ("目录文件只需要几层嵌套；请检查缩进或括号是否写错。", "A catalog needs only a few levels: check the indentation or brackets.")
    )

    /// Arguments: `length`, `limit` (UTF-8 bytes).
    public static let scalarTooLong = kind(
        "yaml-scalar-too-long",
        title: ("值过长", "scalar too long"),
        message: (
            "这个值过长（{length} 字节），超过上限 {limit} 字节",
            "scalar too long ({length} bytes); the limit is {limit} bytes"
        ),
        hint: ("请检查引号是否没有闭合，或是否误粘贴了大段内容。", "Check for an unclosed quote or pasted content.")
    )

    /// Arguments: `anchor`, `count` (nodes expanded so far), `limit`.
    public static let aliasBomb = kind(
        "yaml-alias-bomb",
        title: ("别名展开过多", "alias expansion too large"),
        message: (
            "别名 *{anchor} 展开后节点总数超过上限 {limit}（已展开 {count} 个），拒绝处理（疑似“十亿笑声”攻击）",
            "aliases expand to more than {limit} nodes (*{anchor} brings the count to {count}); refused as a possible \"billion laughs\" attack"
        ),
        hint: (
            "目录文件不需要锚点（&）和别名（*）；请直接写出内容。", "Catalog files need no anchors (&) or aliases (*): write the content out."
        )
    )

    // MARK: Encoding

    /// Arguments: `byte` (hex, e.g. `B8`).
    public static let encodingGBK = kind(
        "yaml-encoding-gbk",
        title: ("文件是 GBK/GB18030 编码", "file is GBK/GB18030-encoded"),
        message: (
            "文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码（Windows 记事本、WPS 等的默认编码）；从这里开始无法按 UTF-8 读取（字节 0x{byte}）",
            "the file is not UTF-8; it looks like GBK/GB18030 (the default of Windows Notepad, WPS and others); the first byte that is not UTF-8 is here (0x{byte})"
        ),
        hint: (
            "请把文件另存为 UTF-8：记事本“另存为”→编码选“UTF-8”；WPS/VS Code 同样选择 UTF-8 保存；或在命令行运行 iconv -f GB18030 -t UTF-8 原文件 > 新文件",
            "Save the file as UTF-8 (Notepad: Save As → Encoding: UTF-8; likewise in WPS or VS Code), or run: iconv -f GB18030 -t UTF-8 old-file > new-file"
        )
    )

    /// Arguments: `encoding` (e.g. `UTF-16LE`).
    public static let encodingUTF16 = kind(
        "yaml-encoding-utf16",
        title: ("文件是 UTF-16/UTF-32 编码", "file is UTF-16/UTF-32-encoded"),
        message: (
            "文件是 {encoding} 编码，不是 UTF-8",
            "the file is {encoding}-encoded, not UTF-8"
        ),
        hint: (
            "请把文件另存为 UTF-8（记事本“另存为”→编码选“UTF-8”），或运行 iconv -f {encoding} -t UTF-8 原文件 > 新文件",
            "Save the file as UTF-8, or run: iconv -f {encoding} -t UTF-8 old-file > new-file"
        )
    )

    /// Arguments: `byte` (hex).
    public static let encodingInvalid = kind(
        "yaml-encoding-invalid",
        title: ("不是 UTF-8 编码", "not UTF-8"),
        message: (
            "文件不是有效的 UTF-8 编码：这里的字节 0x{byte} 无法识别",
            "the file is not valid UTF-8: byte 0x{byte} here cannot be decoded"
        ),
        hint: (
            "请用文本编辑器把文件另存为 UTF-8 编码。",
            "Save the file as UTF-8 in a text editor."
        )
    )

    /// Arguments: `codepoint` (e.g. `U+0007`).
    public static let controlCharacter = kind(
        "yaml-control-char",
        title: ("含有控制字符", "control character"),
        message: (
            "这里有一个不可见的控制字符 {codepoint}，YAML 文件里不允许出现",
            "invisible control character {codepoint} here; YAML does not allow it"
        ),
        hint: ("请删除这个字符（常见于从网页或 Word 复制的文字）。", "Delete it (it often comes with text copied from web pages or Word).")
    )

    /// Arguments: `byte` (hex, e.g. `00`): the first byte that is not text, where the finding is located.
    public static let binary = kind(
        "yaml-binary",
        title: ("不是文本文件", "not a text file"),
        message: (
            "文件不是文本文件（含有二进制数据），不能作为 YAML 读取；第一个非文本字节 0x{byte} 在这里",
            "not a text file (it contains binary data); it cannot be read as YAML; the first byte that is not text (0x{byte}) is here"
        ),
        hint: (
            "请确认选对了文件；Excel、Word 文件需要先整理成 YAML 目录文件。若本是文本文件，请删除这里的不可见字符（如 NUL）。",
            "Check that this is the right file; Excel or Word files must first be turned into YAML catalogs. If it is a text file, delete the invisible characters (such as NUL) here."
        )
    )

    // MARK: Document structure

    /// No arguments.
    public static let empty = kind(
        "yaml-empty",
        title: ("文件为空", "empty file"),
        message: ("文件是空的（没有任何内容，或只有注释）", "the file is empty (no content, or only comments)"),
        hint: ("可以用 gkml init 生成一个目录文件作为起点。", "`gkml init` makes a catalog to start from.")
    )

    /// Arguments: `firstLine` (where the first document starts).
    public static let multipleDocuments = kind(
        "yaml-multiple-documents",
        title: ("一个文件有多个文档", "more than one document"),
        message: (
            "一个文件只能有一个 YAML 文档，这里的 --- 开始了第二个文档（第一个从第 {firstLine} 行开始）",
            "a file holds one YAML document; this starts a second one (the first starts at line {firstLine})"
        ),
        hint: (
            "请删除多余的 ---，或把第二个文档放到另一个文件里。", "Delete the extra `---`, or move the second document into a file of its own."
        )
    )

    /// Arguments: `key`, `firstLine`, `firstColumn`.
    public static let duplicateKey = kind(
        "yaml-duplicate-key",
        title: ("键重复", "duplicate key"),
        message: (
            "键“{key}”重复：第 {firstLine} 行第 {firstColumn} 列已经有这个键",
            "duplicate key \"{key}\": it is already at line {firstLine}, column {firstColumn}"
        ),
        hint: ("同一层里每个键只能出现一次；请合并或删除其中一个。", "A key may appear once per mapping: merge or delete one of them.")
    )

    /// No arguments.
    public static let complexKey = kind(
        "yaml-complex-key",
        title: ("键不是简单文字", "complex key"),
        message: (
            "键必须是简单的文字，不能是列表或映射",
            "a key must be a plain value, not a sequence or mapping"
        )
    )

    /// Arguments: `anchor`.
    public static let unknownAlias = kind(
        "yaml-unknown-alias",
        title: ("别名没有对应的锚点", "unknown alias"),
        message: (
            "别名 *{anchor} 没有对应的锚点 &{anchor}（锚点必须写在别名之前，且不能引用自身）",
            "alias *{anchor} has no anchor &{anchor} before it (an anchor must come first and cannot contain its own alias)"
        ),
        hint: ("如果 * 是内容的一部分，请把整个值用引号括起来。", "If the `*` is part of the text, put the whole value in quotes.")
    )

    /// Arguments: `text`, `tag`.
    public static let tagMismatch = kind(
        "yaml-tag-mismatch",
        title: ("值与标签不符", "value does not match its tag"),
        message: (
            "“{text}” 不是有效的 {tag} 值",
            "\"{text}\" is not a valid {tag} value"
        )
    )

    // MARK: Syntax

    /// Arguments: `problem`, `context` (libyaml's text, English).
    public static let syntax = kind(
        "yaml-syntax",
        title: ("YAML 语法错误", "YAML syntax error"),
        message: (
            "YAML 语法错误，无法解析这里的内容（libyaml：{problem}{context}）",
            "YAML syntax error: {problem}{context}"
        ),
        hint: (
            "常见原因：缩进不对齐、冒号后缺少空格、引号或括号没有闭合；含有特殊符号的值请用引号括起来。",
            "Common causes: misaligned indentation, no space after a colon, an unclosed quote or bracket; quote values with special characters."
        )
    )

    /// Arguments: `problem`.
    public static let tabIndent = kind(
        "yaml-tab-indent",
        title: ("用了制表符缩进", "tab indentation"),
        message: ("缩进不能使用制表符（Tab），请改用空格", "indentation must use spaces, not tabs"),
        hint: (
            "YAML 只认空格缩进；可在编辑器里把 Tab 设置为插入空格。",
            "YAML indents with spaces only; set your editor to insert spaces for Tab."
        ),
        fixable: true
    )

    /// Arguments: `quote` (`"` or `'`), `problem`.
    public static let unclosedQuote = kind(
        "yaml-unclosed-quote",
        title: ("引号没有闭合", "unclosed quote"),
        message: (
            "这里开始的引号 {quote} 一直到文件末尾都没有闭合",
            "the quote {quote} that opens here is never closed"
        ),
        hint: (
            "请在值的末尾补上 {quote}；值里要用到同样的引号时，单引号写两遍（''），双引号前加反斜杠（\\\"）。",
            "Add the closing {quote}; inside single quotes write '' for ', inside double quotes write \\\" for \"."
        )
    )

    /// Arguments: `column` (where the line starts), `siblingLine`, `siblingColumn` (where it should), `problem`.
    public static let badIndent = kind(
        "yaml-bad-indent",
        title: ("缩进不对齐", "bad indentation"),
        message: (
            "缩进不对：这一行从第 {column} 列开始，应从第 {siblingColumn} 列开始，与第 {siblingLine} 行对齐",
            "bad indentation: this line starts in column {column}; it should start in column {siblingColumn}, aligned with line {siblingLine}"
        ),
        hint: (
            "调整这一行开头的空格，使它与第 {siblingLine} 行的内容从同一列（第 {siblingColumn} 列）开始；同一层的键（或“- ”列表项）必须从同一列开始。",
            "Change the spaces at the start of this line so that it starts in the same column as line {siblingLine} (column {siblingColumn}); keys (or \"- \" items) of one level start in the same column."
        )
    )

    /// Arguments: `key`, `value`, `problem`.
    public static let missingSpaceAfterColon = kind(
        "yaml-missing-space-after-colon",
        title: ("冒号后缺少空格", "no space after colon"),
        message: (
            "冒号后面缺少空格：“键: 值”的冒号后必须有一个空格，应写成“{key}: {value}”",
            "no space after the colon: write \"{key}: {value}\" (a key's colon is followed by a space)"
        )
    )

    /// Arguments: `problem`.
    public static let fullWidthColon = kind(
        "yaml-fullwidth-colon",
        title: ("用了中文冒号", "full-width colon"),
        message: (
            "这里用了中文全角冒号“：”；键和值之间要用英文半角冒号加空格“: ”",
            "a full-width colon \"：\" is used here; a key and its value are separated by an ASCII colon and a space \": \""
        ),
        hint: (
            "把“：”改成英文冒号“:”，再在后面加一个空格（关闭输入法的中文标点再输入）。",
            "Type an ASCII colon \":\" followed by a space instead of \"：\" (turn off the input method's Chinese punctuation)."
        ),
        fixable: true
    )

    /// Arguments: `problem`.
    public static let missingColon = kind(
        "yaml-missing-colon",
        title: ("缺少冒号", "missing colon"),
        message: (
            "这一行缺少“键: 值”中的冒号；如果它是上一行值的续行，需要比键多缩进",
            "this line has no \"key: value\" colon; if it continues the previous value, indent it more than the key"
        )
    )

    /// Arguments: `problem`.
    public static let colonInValue = kind(
        "yaml-colon-in-value",
        title: ("值里有冒号加空格", "colon in a plain value"),
        message: (
            "值里出现了“: ”（冒号加空格），YAML 会把它当成新的键",
            "the value contains \": \" (a colon and a space), which YAML reads as a new key"
        ),
        hint: (
            "请把整个值用引号括起来，或改用中文冒号“：”。",
            "Put the whole value in quotes, or use a full-width colon \"：\"."
        )
    )

    /// Arguments: `problem`.
    public static let quoteRunsOn = kind(
        "yaml-quote-runs-on",
        title: ("引号在本行没有闭合", "quote not closed on its line"),
        message: (
            "这里开始的引号 {quote} 在本行没有闭合，后面的 {lines} 行都被读成了这个值的一部分，直到第 {errorLine} 行出错",
            "the quote {quote} that opens here is not closed on its line, so the next {lines} line(s) were read as part of the value until line {errorLine} failed"
        ),
        hint: (
            "请在本行的值末尾补上 {quote}；值里要用到同样的引号时，单引号写两遍（''），双引号前加反斜杠（\\\"）。",
            "Add the closing {quote} at the end of this line's value; inside single quotes write '' for ', inside double quotes write \\\" for \"."
        )
    )

    public static let badEscape = kind(
        "yaml-bad-escape",
        title: ("双引号里的反斜杠", "bad escape"),
        message: (
            "双引号字符串里的反斜杠 \\ 是转义符，这里的写法不是有效的转义",
            "a backslash in double quotes starts an escape, and this is not a valid one"
        ),
        hint: (
            "含有反斜杠的值（如 Windows 路径）请改用单引号，或把 \\ 写成 \\\\。",
            "Use single quotes for text with backslashes (e.g. Windows paths), or write \\\\ for \\."
        )
    )

    /// Arguments: `codepoint` (the surrogate, e.g. `U+D83D`). JSON files only.
    public static let loneSurrogate = kind(
        "yaml-lone-surrogate",
        title: ("单独的代理项转义", "lone surrogate escape"),
        message: (
            "JSON 转义 \\u 写出的 {codepoint} 是单独的 UTF-16 代理项，不是一个完整的字符：高代理项（D800–DBFF）后面必须紧跟低代理项（DC00–DFFF）",
            "the JSON escape \\u here gives {codepoint}, a lone UTF-16 surrogate, not a whole character: a high surrogate (D800–DBFF) must be followed by a low one (DC00–DFFF)"
        ),
        hint: (
            "这通常是被截断的表情或生僻字转义：请写出完整的一对（如 \\ud83d\\udca9），或直接写这个字符。",
            "This is usually a cut-off escape of an emoji or a rare hanzi: write the whole pair (e.g. \\ud83d\\udca9), or the character itself."
        )
    )

    /// Arguments: `bracket` (`[` or `{`), `closing` (`]` or `}`), `problem`.
    public static let unclosedBracket = kind(
        "yaml-unclosed-bracket",
        title: ("括号没有闭合", "unclosed bracket"),
        message: (
            "这里开始的 {bracket} 没有用 {closing} 闭合，或其中的项之间缺少逗号",
            "the {bracket} that opens here is not closed with {closing}, or a comma is missing between its entries"
        ),
        hint: (
            "[甲, 乙] 形式的列表要用英文逗号分隔，并以 {closing} 结束；值里含有逗号或括号时请加引号。",
            "Separate entries with ASCII commas and end with {closing}; quote values that contain commas or brackets."
        )
    )

    /// Arguments: `char`, `problem`.
    public static let reservedCharacter = kind(
        "yaml-reserved-char",
        title: ("值以特殊符号开头", "value starts with a reserved character"),
        message: (
            "值不能以“{char}”开头（YAML 保留了这个符号）",
            "a plain value cannot start with \"{char}\" (YAML reserves it)"
        ),
        hint: ("请把整个值用引号括起来。", "Put the whole value in quotes.")
    )

    /// Arguments: `problem`.
    public static let listItemNotAllowed = kind(
        "yaml-list-item-not-allowed",
        title: ("列表项位置不对", "list item not allowed here"),
        message: (
            "这里不能开始“- ”列表项：列表项要另起一行，并比它所属的键多缩进",
            "a \"- \" list item cannot start here: put it on a line of its own, indented under its key"
        ),
        hint: ("也可以写成一行：键: [甲, 乙]", "Or write it on one line: key: [a, b]")
    )

    // MARK: Mistakes of typing (Word habits, a Chinese input method)

    /// Arguments: `codepoint`, `spaces` (how many ASCII spaces replace it); localized `where`.
    public static let unicodeSpace = kind(
        "yaml-unicode-space",
        title: ("用了全角空格等特殊空格", "full-width or other Unicode space"),
        message: (
            "{where}用了特殊空格 {codepoint}（全角空格等），YAML 只认英文半角空格",
            "a Unicode space {codepoint} (full-width or similar) is used in {where}; YAML only knows the ASCII space"
        ),
        hint: (
            "请把每个这样的空格换成 {spaces} 个英文半角空格（关闭输入法的全角模式再按空格键）。",
            "Replace each such space with {spaces} ASCII space(s) (turn off the input method's full-width mode)."
        ),
        fixable: true
    )

    /// Arguments: `char`, `codepoint`.
    public static let fullWidthDash = kind(
        "yaml-fullwidth-dash",
        title: ("列表项用了中文破折号", "full-width dash as list dash"),
        message: (
            "列表项开头用了“{char}”（{codepoint}），YAML 的列表项要以英文减号加空格“- ”开头",
            "the list item starts with \"{char}\" ({codepoint}); a YAML list item starts with an ASCII hyphen and a space \"- \""
        ),
        hint: (
            "请把“{char}”改成英文减号加一个空格“- ”（关闭输入法的中文标点）。",
            "Type \"- \" (an ASCII hyphen and a space) instead of \"{char}\"."
        ),
        fixable: true
    )

    /// Arguments: `char` (`，` or `、`), `key`.
    public static let fullWidthComma = kind(
        "yaml-fullwidth-comma",
        title: ("[ ] 列表中用了中文逗号或顿号", "full-width comma in a [ ] list"),
        message: (
            "[ ] 列表中的条目之间用了“{char}”，YAML 会把前后两项读成一项",
            "entries of the [ ] list are separated by \"{char}\", so YAML reads the two as one entry"
        ),
        hint: (
            "条目之间要用英文逗号加空格“, ”分隔，例如 [政府网站, 公开查阅点]。",
            "Separate entries with an ASCII comma and a space \", \", e.g. [政府网站, 公开查阅点]."
        ),
        severity: .warning,
        fixable: true
    )

    /// Arguments: `value` (what YAML keeps), `lost` (the text YAML reads as a comment), `quoted`.
    public static let commentInValue = kind(
        "yaml-comment-in-value",
        title: ("值中的“ #”使后面的文字被当作注释", "\" #\" in a value starts a comment"),
        message: (
            "值中的“ #”开始了一个注释：YAML 只读到“{value}”，后面的“{lost}”不会出现在目录中",
            "\" #\" in the value starts a comment: YAML reads only \"{value}\", and \"{lost}\" is left out of the catalog"
        ),
        hint: (
            "如果“#”后面是内容，请给整个值加上双引号，写成 {quoted}；如果确实是注释，请在“#”前再加一个空格。",
            "If the text after \"#\" is content, put the whole value in double quotes: {quoted}; if it is a comment, put two spaces before \"#\"."
        ),
        severity: .warning,
        fixable: true
    )

    /// Arguments: `key`, `itemLine` (where the list item that already has the key starts), `suggested` (the
    /// line as it should be written), `dashColumn`.
    public static let missingListDash = kind(
        "yaml-missing-list-dash",
        title: ("新的列表项缺少“- ”", "list item without its dash"),
        message: (
            "“{key}”在第 {itemLine} 行开始的列表项中已经有了：这里应该开始一个新的列表项，但前面缺少“- ”",
            "\"{key}\" is already in the list item that starts at line {itemLine}: a new item starts here, but it has no \"- \""
        ),
        hint: (
            "不要删除这些行：在这一行的“{key}”前加上“- ”，让“-”与第 {itemLine} 行的“-”在同一列（第 {dashColumn} 列），写成「{suggested}」",
            "Do not delete these lines: put \"- \" before \"{key}\" on this line, with the \"-\" in the same column as the one on line {itemLine} (column {dashColumn}): \"{suggested}\""
        )
    )

    /// Arguments: `quote` (the ASCII quote that opens), `smart` (the Chinese quote the value ends with), `problem`.
    public static let smartQuote = kind(
        "yaml-smart-quote",
        title: ("引号用了中文引号收尾", "value closed with a Chinese quote"),
        message: (
            "这里用英文引号 {quote} 开始的值，结尾用的是中文引号「{smart}」，YAML 不认，引号没有闭合",
            "the value opened with the ASCII quote {quote} here ends with the Chinese quote \"{smart}\", which YAML does not take as its end: the quote is never closed"
        ),
        hint: (
            "请把结尾的「{smart}」改成英文引号 {quote}；如果中文引号是内容的一部分，就在它后面再补一个 {quote}。",
            "Replace the closing \"{smart}\" with {quote}; if the Chinese quote is part of the text, add {quote} after it."
        )
    )

    /// Every kind this module defines.
    public static let all: [FindingKind] = [
        notFound, permissionDenied, isDirectory, unreadable,
        tooLarge, tooDeep, scalarTooLong, aliasBomb,
        encodingGBK, encodingUTF16, encodingInvalid, controlCharacter, binary,
        empty, multipleDocuments, duplicateKey, complexKey, unknownAlias, tagMismatch,
        syntax, tabIndent, unclosedQuote, quoteRunsOn, badIndent, missingSpaceAfterColon, fullWidthColon, missingColon,
        colonInValue, badEscape, loneSurrogate, unclosedBracket, reservedCharacter, listItemNotAllowed,
        unicodeSpace, fullWidthDash, fullWidthComma, commentInValue, missingListDash, smartQuote,
    ]
}
