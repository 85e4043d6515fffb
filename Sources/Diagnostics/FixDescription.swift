/// How a report says that `gkml validate --fix` repairs a finding: only findings that carry a certain fix get
/// the line, so a hint never promises a repair that --fix will not make.
extension Finding {
    /// "gkml validate --fix 会把这里改为「依申请」", or nil when the finding has no certain fix.
    public func fixDescription(_ language: Language) -> String? {
        guard !fix.isEmpty else { return nil }
        let shown = fix.count == 1 ? fix[0].replacement : ""
        let visible = !shown.isEmpty && shown.unicodeScalars.contains { $0 != " " }
        if fix.count == 1 && fix[0].replacement.isEmpty {
            return language == .zh ? "gkml validate --fix 可自动删除这里的多余内容" : "gkml validate --fix deletes it"
        }
        if visible {
            return language == .zh
                ? "gkml validate --fix 可自动改为「\(shown)」" : "gkml validate --fix changes it to \"\(shown)\""
        }
        if fix.count == 1 && !visible {
            let count = shown.unicodeScalars.count
            return language == .zh
                ? "gkml validate --fix 可自动改为 \(count) 个半角空格"
                : "gkml validate --fix changes it to \(count) ASCII space(s)"
        }
        return language == .zh ? "gkml validate --fix 可自动修复" : "gkml validate --fix repairs it"
    }
}

extension Finding {
    /// The notes a person should read (internal markers start with U+0000 and are left out).
    public var visibleNotes: [LocalizedText] {
        notes.filter { !$0.zh.hasPrefix("\u{0}") }
    }
}
