import Diagnostics

/// Character classes and small text helpers shared by the rules.
enum CJK {
    /// A Han character (CJK ideograph).
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FFFF).contains(v)
            || (0xF900...0xFAFF).contains(v) || v == 0x3007
    }

    /// Chinese text: a Han character, or full-width/CJK punctuation.
    static func isChinese(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return isHan(s) || (0x3001...0x303F).contains(v) || (0xFF01...0xFF0F).contains(v)
            || (0xFF1A...0xFF20).contains(v)
            || (0xFF3B...0xFF40).contains(v) || (0xFF5B...0xFF65).contains(v) || v == 0x2014 || v == 0x2026
            || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 || v == 0x00B7
    }

    /// Spaces that should not be in a value: ASCII space and tab at the ends, full-width and no-break spaces anywhere.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{00A0}" || s == "\u{2002}" || s == "\u{2003}"
            || s == "\u{200B}"
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
}

extension String {
    var scalars: [Unicode.Scalar] { Array(unicodeScalars) }

    init(scalars: ArraySlice<Unicode.Scalar>) {
        self = String(String.UnicodeScalarView(scalars))
    }

    /// The text with spaces and punctuation removed, for comparing short phrases ("无。" is "无").
    var bare: String {
        String(
            String.UnicodeScalarView(
                unicodeScalars.filter { s in
                    !(CJK.isSpace(s) || s.properties.generalCategory.isPunctuation
                        || "/-—_~～·.。，,；;：:".unicodeScalars.contains(s))
                }))
    }

    /// A short form for messages: at most `limit` characters, with an ellipsis.
    func abbreviated(_ limit: Int = 24) -> String {
        let s = Array(unicodeScalars)
        guard s.count > limit else { return self }
        return String(scalars: s[..<limit]) + "…"
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}

/// Shorthands for writing kinds and examples.
extension LocalizedText {
    static func t(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }
}

func lintKind(
    _ code: String, _ severity: Severity, title: LocalizedText, message: LocalizedText, hint: LocalizedText? = nil,
    fixable: Bool = false
) -> FindingKind {
    FindingKind(
        code: code, stage: .lint, severity: severity, title: title, message: message, hint: hint, fixable: fixable)
}
