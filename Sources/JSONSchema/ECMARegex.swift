import Foundation

/// An ECMA-262 regular expression (unicode mode, no flags) as JSON Schema's `pattern`,
/// `patternProperties` and `format: regex` use it.
///
/// The pattern is parsed with ECMA-262 syntax (so that `\a`, `(?i)` or `(?P<n>…)` are rejected), then
/// run by the matcher of `RegexMatcher.swift` (literals, classes, groups, alternation, quantifiers,
/// anchors, `\b`: what schemas use) or, for backreferences, lookaround, Unicode properties Swift
/// cannot answer and very long inputs, translated to ICU syntax with the ECMA meanings made explicit
/// (`\d` is ASCII, `$` is the end of input, `\s` is ECMA's set…) and run by NSRegularExpression.
@usableFromInline
final class ECMARegex: @unchecked Sendable {
    @usableFromInline let source: String
    private let program: RegexProgram?
    private let icu: NSRegularExpression?

    init(_ source: String) throws(RegexSyntaxError) {
        self.source = source
        var parser = ECMARegexParser(source)
        let ast = try parser.parse()
        program = RegexProgram(ast: ast, groupCount: parser.groupCount)
        let translated = ICUTranslator.translate(ast)
        let compiled = try? NSRegularExpression(pattern: translated, options: [])
        if compiled == nil && program == nil {
            throw RegexSyntaxError(message: "not supported by the regex engine (\(translated))", offset: 0)
        }
        icu = compiled
    }

    /// Whether the pattern matches anywhere in `s` (JSON Schema patterns are not anchored).
    @usableFromInline
    func matches(_ s: String) -> Bool {
        if let program, let r = program.search(s) { return r }
        return icuMatches(s)
    }

    func icuMatches(_ s: String) -> Bool {
        guard let icu else { return false }
        let ns = s as NSString
        return icu.firstMatch(in: s, options: [], range: NSRange(location: 0, length: ns.length)) != nil
    }

    /// Whether `pattern` is a valid ECMA-262 regular expression (syntax only).
    static func isValid(_ pattern: String) -> Bool {
        var parser = ECMARegexParser(pattern)
        return (try? parser.parse()) != nil
    }
}

struct RegexSyntaxError: Error, Sendable, CustomStringConvertible {
    var message: String
    var offset: Int
    var description: String { "\(message) at offset \(offset)" }
}

// MARK: - AST

indirect enum RegexNode {
    case empty
    case char(Unicode.Scalar)
    case any  // `.`: anything but a line terminator
    case set(CharSet)
    case seq([RegexNode])
    case alt([RegexNode])
    case group(RegexNode, capture: Int?)
    case look(RegexNode, ahead: Bool, negative: Bool)
    case quant(RegexNode, min: Int, max: Int?, greedy: Bool)
    case start, end
    case wordBoundary(negated: Bool)
    case backref(Int)
}

struct CharSet {
    enum Item {
        case scalar(Unicode.Scalar)
        case range(Unicode.Scalar, Unicode.Scalar)
        case digit(negated: Bool)
        case word(negated: Bool)
        case space(negated: Bool)
        case property(String, negated: Bool)
    }
    var negated: Bool
    var items: [Item]

    /// Whether the set contains a scalar; nil when a Unicode property needs ICU.
    func contains(_ c: Unicode.Scalar) -> Bool {
        var hit = false
        for item in items {
            switch item {
            case .scalar(let s): hit = s == c
            case .range(let a, let b): hit = a.value <= c.value && c.value <= b.value
            case .digit(let n): hit = ECMAClasses.isDigit(c) != n
            case .word(let n): hit = ECMAClasses.isWord(c) != n
            case .space(let n): hit = ECMAClasses.isSpace(c) != n
            case .property(let name, let n): hit = (ECMAClasses.property(name)?(c) ?? false) != n
            }
            if hit { break }
        }
        return hit != negated
    }

    var usesUnsupportedProperty: Bool {
        items.contains {
            if case .property(let name, _) = $0 { return ECMAClasses.property(name) == nil } else { return false }
        }
    }
}

enum ECMAClasses {
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    static func isWord(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
    }
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default: return false
        }
    }

    /// General-category properties that Swift can answer; other properties go to ICU.
    static func property(_ name: String) -> ((Unicode.Scalar) -> Bool)? {
        var n = name
        if let eq = n.firstIndex(of: "=") {
            let key = n[..<eq]
            guard key == "General_Category" || key == "gc" else { return nil }
            n = String(n[n.index(after: eq)...])
        }
        typealias GC = Unicode.GeneralCategory
        let groups: [String: Set<GC>] = [
            "L": [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter],
            "LC": [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter],
            "Lu": [.uppercaseLetter], "Ll": [.lowercaseLetter], "Lt": [.titlecaseLetter],
            "Lm": [.modifierLetter], "Lo": [.otherLetter],
            "M": [.nonspacingMark, .spacingMark, .enclosingMark],
            "Mn": [.nonspacingMark], "Mc": [.spacingMark], "Me": [.enclosingMark],
            "N": [.decimalNumber, .letterNumber, .otherNumber],
            "Nd": [.decimalNumber], "Nl": [.letterNumber], "No": [.otherNumber],
            "P": [
                .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation,
            ],
            "Pc": [.connectorPunctuation], "Pd": [.dashPunctuation], "Ps": [.openPunctuation],
            "Pe": [.closePunctuation], "Pi": [.initialPunctuation], "Pf": [.finalPunctuation],
            "Po": [.otherPunctuation],
            "S": [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol],
            "Sm": [.mathSymbol], "Sc": [.currencySymbol], "Sk": [.modifierSymbol], "So": [.otherSymbol],
            "Z": [.spaceSeparator, .lineSeparator, .paragraphSeparator],
            "Zs": [.spaceSeparator], "Zl": [.lineSeparator], "Zp": [.paragraphSeparator],
            "C": [.control, .format, .surrogate, .privateUse, .unassigned],
            "Cc": [.control], "Cf": [.format], "Cs": [.surrogate], "Co": [.privateUse], "Cn": [.unassigned],
        ]
        let aliases: [String: String] = [
            "Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll",
            "Titlecase_Letter": "Lt", "Modifier_Letter": "Lm", "Other_Letter": "Lo", "Mark": "M",
            "Combining_Mark": "M", "Nonspacing_Mark": "Mn", "Spacing_Mark": "Mc", "Enclosing_Mark": "Me",
            "Number": "N", "Decimal_Number": "Nd", "digit": "Nd", "Letter_Number": "Nl", "Other_Number": "No",
            "Punctuation": "P", "punct": "P", "Connector_Punctuation": "Pc", "Dash_Punctuation": "Pd",
            "Open_Punctuation": "Ps", "Close_Punctuation": "Pe", "Initial_Punctuation": "Pi",
            "Final_Punctuation": "Pf", "Other_Punctuation": "Po", "Symbol": "S", "Math_Symbol": "Sm",
            "Currency_Symbol": "Sc", "Modifier_Symbol": "Sk", "Other_Symbol": "So", "Separator": "Z",
            "Space_Separator": "Zs", "Line_Separator": "Zl", "Paragraph_Separator": "Zp", "Other": "C",
            "Control": "Cc", "cntrl": "Cc", "Format": "Cf", "Surrogate": "Cs", "Private_Use": "Co",
            "Unassigned": "Cn",
        ]
        if let set = groups[aliases[n] ?? n] {
            return { set.contains($0.properties.generalCategory) }
        }
        switch n {
        case "Alphabetic", "Alpha": return { $0.properties.isAlphabetic }
        case "White_Space", "space": return { $0.properties.isWhitespace }
        case "Uppercase", "Upper": return { $0.properties.isUppercase }
        case "Lowercase", "Lower": return { $0.properties.isLowercase }
        case "ASCII": return { $0.isASCII }
        case "Any": return { _ in true }
        default: return nil
        }
    }
}

// MARK: - Parser (ECMA-262 Pattern[+UnicodeMode, +N])

struct ECMARegexParser {
    let scalars: [Unicode.Scalar]
    var pos = 0
    var groupCount = 0
    var groupNames: [String] = []
    var backrefs: [(Int, Int)] = []  // (group number, offset)
    var namedBackrefs: [(String, Int)] = []
    var groupNumbers: [String: Int] = [:]

    init(_ source: String) { scalars = Array(source.unicodeScalars) }

    func fail(_ message: String) -> RegexSyntaxError { RegexSyntaxError(message: message, offset: pos) }

    var atEnd: Bool { pos >= scalars.count }
    func peek(_ k: Int = 0) -> Unicode.Scalar? { pos + k < scalars.count ? scalars[pos + k] : nil }

    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        // Count capturing groups first (backreferences may point forward).
        countGroups()
        let node = try parseDisjunction()
        if !atEnd { throw fail(peek() == ")" ? "unmatched ')'" : "unexpected character") }
        for (n, off) in backrefs where n > groupCount {
            throw RegexSyntaxError(message: "backreference to a group that does not exist", offset: off)
        }
        for (name, off) in namedBackrefs where !groupNames.contains(name) {
            throw RegexSyntaxError(message: "backreference to an unknown group name", offset: off)
        }
        return node
    }

    /// Numbers the capturing groups ahead of parsing, so that `\k<name>` may refer forward.
    private mutating func countGroups() {
        var i = 0
        var inClass = false
        var number = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\" { i += 2; continue }
            if inClass {
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
            } else if c == "(" {
                if i + 1 < scalars.count, scalars[i + 1] == "?" {
                    if i + 3 < scalars.count, scalars[i + 2] == "<", scalars[i + 3] != "=", scalars[i + 3] != "!" {
                        number += 1
                        var name = ""
                        var j = i + 3
                        while j < scalars.count, scalars[j] != ">" { name.unicodeScalars.append(scalars[j]); j += 1 }
                        if groupNumbers[name] == nil { groupNumbers[name] = number }
                    }
                } else {
                    number += 1
                }
            }
            i += 1
        }
    }

    mutating func parseDisjunction() throws(RegexSyntaxError) -> RegexNode {
        var alts: [RegexNode] = [try parseAlternative()]
        while peek() == "|" {
            pos += 1
            alts.append(try parseAlternative())
        }
        return alts.count == 1 ? alts[0] : .alt(alts)
    }

    mutating func parseAlternative() throws(RegexSyntaxError) -> RegexNode {
        var terms: [RegexNode] = []
        while let c = peek(), c != "|", c != ")" {
            terms.append(try parseTerm())
        }
        if terms.isEmpty { return .empty }
        return terms.count == 1 ? terms[0] : .seq(terms)
    }

    mutating func parseTerm() throws(RegexSyntaxError) -> RegexNode {
        let c = peek()!
        switch c {
        case "^": pos += 1; return .start
        case "$": pos += 1; return .end
        case "\\" where peek(1) == "b": pos += 2; return .wordBoundary(negated: false)
        case "\\" where peek(1) == "B": pos += 2; return .wordBoundary(negated: true)
        case "(" where peek(1) == "?" && (peek(2) == "=" || peek(2) == "!"):
            let negative = peek(2) == "!"
            pos += 3
            let inner = try parseDisjunction()
            guard peek() == ")" else { throw fail("unterminated group") }
            pos += 1
            if let q = peek(), q == "*" || q == "+" || q == "?" || q == "{" {
                throw fail("a lookahead cannot be quantified")
            }
            return .look(inner, ahead: true, negative: negative)
        case "(" where peek(1) == "?" && peek(2) == "<" && (peek(3) == "=" || peek(3) == "!"):
            let negative = peek(3) == "!"
            pos += 4
            let inner = try parseDisjunction()
            guard peek() == ")" else { throw fail("unterminated group") }
            pos += 1
            if let q = peek(), q == "*" || q == "+" || q == "?" || q == "{" {
                throw fail("a lookbehind cannot be quantified")
            }
            return .look(inner, ahead: false, negative: negative)
        default:
            let atom = try parseAtom()
            return try parseQuantifier(atom)
        }
    }

    mutating func parseQuantifier(_ atom: RegexNode) throws(RegexSyntaxError) -> RegexNode {
        guard let c = peek() else { return atom }
        var min = 0
        var max: Int?
        switch c {
        case "*": pos += 1; min = 0; max = nil
        case "+": pos += 1; min = 1; max = nil
        case "?": pos += 1; min = 0; max = 1
        case "{":
            let save = pos
            pos += 1
            guard let a = parseDecimal() else { pos = save; throw fail("incomplete quantifier") }
            min = a
            max = a
            if peek() == "," {
                pos += 1
                if peek() == "}" {
                    max = nil
                } else {
                    guard let b = parseDecimal() else { pos = save; throw fail("incomplete quantifier") }
                    max = b
                }
            }
            guard peek() == "}" else { pos = save; throw fail("incomplete quantifier") }
            pos += 1
            if let max, max < min { throw fail("numbers out of order in a quantifier") }
        default:
            return atom
        }
        var greedy = true
        if peek() == "?" { pos += 1; greedy = false }
        return .quant(atom, min: min, max: max, greedy: greedy)
    }

    mutating func parseDecimal() -> Int? {
        var v = 0
        var any = false
        while let c = peek(), c.value >= 0x30, c.value <= 0x39 {
            v = min(v &* 10 &+ Int(c.value - 0x30), 1_000_000_000)
            any = true
            pos += 1
        }
        return any ? v : nil
    }

    mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode {
        let c = peek()!
        switch c {
        case ".": pos += 1; return .any
        case "[": return .set(try parseClass())
        case "(":
            pos += 1
            if peek() == "?" {
                if peek(1) == ":" {
                    pos += 2
                    let inner = try parseDisjunction()
                    guard peek() == ")" else { throw fail("unterminated group") }
                    pos += 1
                    return .group(inner, capture: nil)
                }
                if peek(1) == "<" {
                    pos += 2
                    let name = try parseGroupName()
                    if groupNames.contains(name) { throw fail("duplicate group name") }
                    groupNames.append(name)
                    groupCount += 1
                    let n = groupCount
                    let inner = try parseDisjunction()
                    guard peek() == ")" else { throw fail("unterminated group") }
                    pos += 1
                    return .group(inner, capture: n)
                }
                throw fail("invalid group")
            }
            groupCount += 1
            let n = groupCount
            let inner = try parseDisjunction()
            guard peek() == ")" else { throw fail("unterminated group") }
            pos += 1
            return .group(inner, capture: n)
        case ")": throw fail("unmatched ')'")
        case "*", "+", "?": throw fail("nothing to repeat")
        case "{": throw fail("lone '{' (escape it as \\{)")
        case "}": throw fail("lone '}' (escape it as \\})")
        case "]": throw fail("lone ']' (escape it as \\])")
        case "\\": return try parseAtomEscape()
        default:
            pos += 1
            return .char(c)
        }
    }

    mutating func parseGroupName() throws(RegexSyntaxError) -> String {
        var name = ""
        while let c = peek(), c != ">" {
            let ok = c.properties.isIDContinue || c == "$" || c == "_" || c == "\u{200C}" || c == "\u{200D}"
            if !ok || (name.isEmpty && !(c.properties.isIDStart || c == "$" || c == "_")) {
                throw fail("invalid group name")
            }
            name.unicodeScalars.append(c)
            pos += 1
        }
        guard peek() == ">", !name.isEmpty else { throw fail("invalid group name") }
        pos += 1
        return name
    }

    mutating func parseAtomEscape() throws(RegexSyntaxError) -> RegexNode {
        let start = pos
        pos += 1
        guard let c = peek() else { throw fail("'\\' at end of pattern") }
        if c.value >= 0x31 && c.value <= 0x39 {
            let n = parseDecimal()!
            backrefs.append((n, start))
            return .backref(n)
        }
        if c == "k" {
            pos += 1
            guard peek() == "<" else { throw fail("invalid named reference") }
            pos += 1
            let name = try parseGroupName()
            namedBackrefs.append((name, start))
            return .backref(groupNumbers[name] ?? 0)
        }
        if let item = try parseClassEscapeSet() { return .set(CharSet(negated: false, items: [item])) }
        return .char(try parseCharacterEscape(inClass: false))
    }

    /// `\d \D \s \S \w \W \p{…} \P{…}` (the backslash already consumed), or nil.
    mutating func parseClassEscapeSet() throws(RegexSyntaxError) -> CharSet.Item? {
        guard let c = peek() else { return nil }
        switch c {
        case "d": pos += 1; return .digit(negated: false)
        case "D": pos += 1; return .digit(negated: true)
        case "w": pos += 1; return .word(negated: false)
        case "W": pos += 1; return .word(negated: true)
        case "s": pos += 1; return .space(negated: false)
        case "S": pos += 1; return .space(negated: true)
        case "p", "P":
            pos += 1
            guard peek() == "{" else { throw fail("invalid property escape") }
            pos += 1
            var name = ""
            while let d = peek(), d != "}" {
                guard d.isASCII,
                    d.properties.isAlphabetic || (d.value >= 0x30 && d.value <= 0x39) || d == "_" || d == "="
                else {
                    throw fail("invalid property name")
                }
                name.unicodeScalars.append(d)
                pos += 1
            }
            guard peek() == "}", !name.isEmpty else { throw fail("invalid property escape") }
            pos += 1
            return .property(name, negated: c == "P")
        default:
            return nil
        }
    }

    /// A CharacterEscape (backslash consumed): control escapes, `\cX`, `\0`, `\xHH`, `\uHHHH`, `\u{…}`,
    /// and identity escapes of syntax characters and `/` (and `-` inside a class).
    mutating func parseCharacterEscape(inClass: Bool) throws(RegexSyntaxError) -> Unicode.Scalar {
        guard let c = peek() else { throw fail("'\\' at end of pattern") }
        pos += 1
        switch c {
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "v": return "\u{0B}"
        case "c":
            guard let l = peek(), l.isASCII, l.properties.isAlphabetic else { throw fail("invalid control escape") }
            pos += 1
            return Unicode.Scalar(l.value % 32)!
        case "0":
            if let d = peek(), d.value >= 0x30, d.value <= 0x39 { throw fail("invalid decimal escape") }
            return "\u{0}"
        case "x":
            guard let h = hexValue(2) else { throw fail("invalid \\x escape") }
            return Unicode.Scalar(h)!
        case "u":
            if peek() == "{" {
                pos += 1
                var v: UInt32 = 0
                var digits = 0
                while let d = peek(), d != "}" {
                    guard let h = d.hexDigitValue else { throw fail("invalid \\u{…} escape") }
                    v = v * 16 + UInt32(h)
                    digits += 1
                    if v > 0x10FFFF { throw fail("code point out of range") }
                    pos += 1
                }
                guard peek() == "}", digits > 0 else { throw fail("invalid \\u{…} escape") }
                pos += 1
                guard let s = Unicode.Scalar(v) else { throw fail("lone surrogate in \\u{…}") }
                return s
            }
            guard let h = hexValue(4) else { throw fail("invalid \\u escape") }
            if (0xD800...0xDBFF).contains(h), peek() == "\\", peek(1) == "u" {
                let save = pos
                pos += 2
                if let l = hexValue(4), (0xDC00...0xDFFF).contains(l) {
                    return Unicode.Scalar(0x10000 + ((h - 0xD800) << 10) + (l - 0xDC00))!
                }
                pos = save
            }
            guard let s = Unicode.Scalar(h) else { throw fail("lone surrogate in \\u escape") }
            return s
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
            return c
        case "-" where inClass:
            return c
        case "b" where inClass:
            return "\u{08}"
        default:
            pos -= 1
            throw fail("invalid escape '\\\(c)'")
        }
    }

    mutating func hexValue(_ count: Int) -> UInt32? {
        guard pos + count <= scalars.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<count {
            guard let h = scalars[pos + k].hexDigitValue else { return nil }
            v = v * 16 + UInt32(h)
        }
        pos += count
        return v
    }

    mutating func parseClass() throws(RegexSyntaxError) -> CharSet {
        pos += 1  // [
        var set = CharSet(negated: false, items: [])
        if peek() == "^" { set.negated = true; pos += 1 }
        while true {
            guard let c = peek() else { throw fail("unterminated character class") }
            if c == "]" { pos += 1; break }
            let first = try parseClassAtom()
            if peek() == "-", let after = peek(1), after != "]" {
                pos += 1
                let second = try parseClassAtom()
                switch (first, second) {
                case (.scalar(let a), .scalar(let b)):
                    guard a.value <= b.value else { throw fail("range out of order in character class") }
                    set.items.append(.range(a, b))
                default:
                    throw fail("a class escape cannot bound a range")
                }
            } else {
                set.items.append(first)
            }
        }
        return set
    }

    mutating func parseClassAtom() throws(RegexSyntaxError) -> CharSet.Item {
        let c = peek()!
        if c == "\\" {
            pos += 1
            if let item = try parseClassEscapeSet() { return item }
            return .scalar(try parseCharacterEscape(inClass: true))
        }
        pos += 1
        return .scalar(c)
    }
}

extension Unicode.Scalar {
    var hexDigitValue: Int? {
        switch value {
        case 0x30...0x39: return Int(value - 0x30)
        case 0x41...0x46: return Int(value - 0x41 + 10)
        case 0x61...0x66: return Int(value - 0x61 + 10)
        default: return nil
        }
    }
}

// MARK: - Translation to ICU syntax

enum ICUTranslator {
    static func translate(_ node: RegexNode) -> String {
        var out = ""
        emit(node, &out)
        return out
    }

    static func lit(_ c: Unicode.Scalar, _ out: inout String) {
        let v = c.value
        if (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) {
            out.unicodeScalars.append(c)
        } else {
            out += "\\x{" + String(v, radix: 16) + "}"
        }
    }

    static let spaceItems =
        "\\x{9}-\\x{d}\\x{20}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}"

    static func emitItem(_ item: CharSet.Item, _ out: inout String) {
        switch item {
        case .scalar(let s): lit(s, &out)
        case .range(let a, let b): lit(a, &out); out += "-"; lit(b, &out)
        case .digit(let n): out += n ? "[^0-9]" : "0-9"
        case .word(let n): out += n ? "[^a-zA-Z0-9_]" : "a-zA-Z0-9_"
        case .space(let n): out += n ? "[^\(spaceItems)]" : spaceItems
        case .property(let name, let n): out += (n ? "\\P{" : "\\p{") + name + "}"
        }
    }

    static func emit(_ node: RegexNode, _ out: inout String) {
        switch node {
        case .empty: break
        case .char(let c): lit(c, &out)
        case .any: out += "[^\\x{a}\\x{d}\\x{2028}\\x{2029}]"
        case .set(let set):
            if set.items.isEmpty {
                out += set.negated ? "[\\x{0}-\\x{10ffff}]" : "(?!)"
                return
            }
            out += set.negated ? "[^" : "["
            for item in set.items { emitItem(item, &out) }
            out += "]"
        case .seq(let nodes): for n in nodes { emit(n, &out) }
        case .alt(let alts):
            out += "(?:"
            for (i, a) in alts.enumerated() {
                if i > 0 { out += "|" }
                emit(a, &out)
            }
            out += ")"
        case .group(let inner, let capture):
            out += capture == nil ? "(?:" : "("
            emit(inner, &out)
            out += ")"
        case .look(let inner, let ahead, let negative):
            out += "(?" + (ahead ? "" : "<") + (negative ? "!" : "=")
            emit(inner, &out)
            out += ")"
        case .quant(let inner, let min, let max, let greedy):
            out += "(?:"
            emit(inner, &out)
            out += ")"
            if let max { out += min == max ? "{\(min)}" : "{\(min),\(max)}" } else { out += "{\(min),}" }
            if !greedy { out += "?" }
        case .start: out += "^"
        case .end: out += "\\z"
        case .wordBoundary(let negated):
            let w = "[a-zA-Z0-9_]"
            if negated {
                out += "(?:(?<=\(w))(?=\(w))|(?<!\(w))(?!\(w)))"
            } else {
                out += "(?:(?<=\(w))(?!\(w))|(?<!\(w))(?=\(w)))"
            }
        case .backref(let n):
            out += n > 0 ? "\\\(n)" : "(?!)"
        }
    }
}
