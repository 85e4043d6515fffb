/// YAML 1.2 core schema resolution (https://yaml.org/spec/1.2.2/#1023-core-schema), on the scalar's UTF-8 bytes.
///
/// - null: `~`, `null`, `Null`, `NULL`, and the empty plain scalar
/// - bool: `true`, `True`, `TRUE`, `false`, `False`, `FALSE` (so `yes`, `no`, `on`, `off`, `y`, `n` are strings)
/// - int: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`; a value outside `Int`'s range becomes a double
/// - float: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?(\.inf|\.Inf|\.INF)`, `\.nan|\.NaN|\.NAN`
/// - anything else: string (`2024-06-01` stays a string, `1_000` too)
enum ScalarResolver {
    static let yamlTagPrefix = "tag:yaml.org,2002:"

    /// Resolves an untagged plain scalar.
    @inline(__always)
    static func resolvePlain(_ p: UnsafeBufferPointer<UInt8>, text: String) -> YAMLNode.Value {
        guard let first = p.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isNull(p) { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let b = bool(p) { return .bool(b) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let v = number(p, text: text) { return v }
        default:
            break
        }
        return .string(text)
    }

    /// Resolves a scalar with an explicit tag (`tag` as libyaml gives it, e.g. `tag:yaml.org,2002:int`).
    /// Returns nil when the text does not fit a core tag (`!!int abc`). Unknown tags resolve as strings.
    static func resolveTagged(_ p: UnsafeBufferPointer<UInt8>, text: String, tag: String) -> YAMLNode.Value? {
        guard tag.hasPrefix(yamlTagPrefix) else { return .string(text) }
        switch tag.dropFirst(yamlTagPrefix.count) {
        case "str":
            return .string(text)
        case "null":
            return isNull(p) ? .null : nil
        case "bool":
            return bool(p).map { .bool($0) }
        case "int":
            return isIntegerSyntax(p) ? number(p, text: text) : nil
        case "float":
            guard let v = number(p, text: text) else { return nil }
            if case .int(let i) = v { return .double(Double(i)) }
            return v
        default:
            return .string(text)
        }
    }

    /// `!!str` for `tag:yaml.org,2002:str`; other tags unchanged.
    static func shortTag(_ tag: String) -> String {
        tag.hasPrefix(yamlTagPrefix) ? "!!" + tag.dropFirst(yamlTagPrefix.count) : tag
    }

    // MARK: - Pieces

    @inline(__always)
    static func equals(_ p: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        guard p.count == s.utf8CodeUnitCount else { return false }
        let q = s.utf8Start
        for i in 0..<p.count where p[i] != q[i] { return false }
        return true
    }

    static func isNull(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        p.isEmpty || equals(p, "~") || equals(p, "null") || equals(p, "Null") || equals(p, "NULL")
    }

    static func bool(_ p: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch p.count {
        case 4:
            if equals(p, "true") || equals(p, "True") || equals(p, "TRUE") { return true }
        case 5:
            if equals(p, "false") || equals(p, "False") || equals(p, "FALSE") { return false }
        default:
            break
        }
        return nil
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: Int(b - 0x30)
        case 0x61...0x66: Int(b - 0x61 + 10)
        case 0x41...0x46: Int(b - 0x41 + 10)
        default: nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
    static func isIntegerSyntax(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        if n > 2 && p[0] == UInt8(ascii: "0") && (p[1] == UInt8(ascii: "x") || p[1] == UInt8(ascii: "o")) {
            let radix = p[1] == UInt8(ascii: "x") ? 16 : 8
            for j in 2..<n {
                guard let d = hexValue(p[j]), d < radix else { return false }
            }
            return true
        }
        var i = 0
        if n > 0 && (p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+")) { i = 1 }
        guard i < n else { return false }
        for j in i..<n where !isDigit(p[j]) { return false }
        return true
    }

    /// An int or float in core-schema syntax, or nil.
    static func number(_ p: UnsafeBufferPointer<UInt8>, text: String) -> YAMLNode.Value? {
        let n = p.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        let first = p[0]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            i = 1
        }
        guard i < n else { return nil }

        // .inf, .nan
        if p[i] == UInt8(ascii: ".") && n - i == 4 {
            let rest = UnsafeBufferPointer(rebasing: p[(i + 1)...])
            if equals(rest, "inf") || equals(rest, "Inf") || equals(rest, "INF") {
                return .double(negative ? -.infinity : .infinity)
            }
            if i == 0 && (equals(rest, "nan") || equals(rest, "NaN") || equals(rest, "NAN")) {
                return .double(.nan)
            }
        }

        // 0x…, 0o… (unsigned)
        if i == 0 && n > 2 && p[0] == UInt8(ascii: "0") && (p[1] == UInt8(ascii: "x") || p[1] == UInt8(ascii: "o")) {
            let radix = p[1] == UInt8(ascii: "x") ? 16 : 8
            var value = 0
            var overflow = false
            var big = 0.0
            for j in 2..<n {
                guard let d = hexValue(p[j]), d < radix else { return nil }
                if !overflow {
                    let (m, o1) = value.multipliedReportingOverflow(by: radix)
                    let (a, o2) = m.addingReportingOverflow(d)
                    if o1 || o2 {
                        overflow = true
                        big = Double(value)
                    } else {
                        value = a
                    }
                }
                if overflow { big = big * Double(radix) + Double(d) }
            }
            return overflow ? .double(big) : .int(value)
        }

        // Decimal digits.
        let digitsStart = i
        var value = 0
        var overflow = false
        while i < n && isDigit(p[i]) {
            if !overflow {
                let d = Int(p[i] &- 0x30)
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                // Accumulate negatively so that Int.min fits.
                let (a, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
                if o1 || o2 { overflow = true } else { value = a }
            }
            i += 1
        }
        let intDigits = i - digitsStart
        if i == n {
            guard intDigits > 0 else { return nil }
            if overflow { return Double(text).map { .double($0) } }
            return .int(value)
        }

        // Float: [0-9]+(\.[0-9]*)? or \.[0-9]+, then an optional exponent.
        if p[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < n && isDigit(p[i]) { i += 1 }
            if intDigits == 0 && i == fractionStart { return nil }
        } else if intDigits == 0 {
            return nil
        }
        if i < n && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) { i += 1 }
            let expStart = i
            while i < n && isDigit(p[i]) { i += 1 }
            if i == expStart { return nil }
        }
        guard i == n else { return nil }
        return Double(text).map { .double($0) }
    }
}
