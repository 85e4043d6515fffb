import Foundation

/// The `format` values the validator can assert (draft 2020-12 §7.3). Unknown formats are ignored.
@usableFromInline
enum FormatChecker: String, Sendable, CaseIterable {
    case dateTime = "date-time", date, time, duration, email, idnEmail = "idn-email", hostname,
        idnHostname = "idn-hostname", ipv4, ipv6, uri, uriReference = "uri-reference", iri,
        iriReference = "iri-reference", uriTemplate = "uri-template", uuid, jsonPointer = "json-pointer",
        relativeJSONPointer = "relative-json-pointer", regex

    @usableFromInline var name: String { rawValue }

    @usableFromInline
    func check(_ s: String) -> Bool {
        switch self {
        case .dateTime: return Formats.isDateTime(s)
        case .date: return Formats.isDate(Array(s.utf8)[...])
        case .time: return Formats.isTime(Array(s.utf8)[...])
        case .duration: return Formats.isDuration(s)
        case .email: return Formats.isEmail(s, international: false)
        case .idnEmail: return Formats.isEmail(s, international: true)
        case .hostname: return Formats.isHostname(s)
        case .idnHostname: return Formats.isIDNHostname(s)
        case .ipv4: return Formats.isIPv4(Array(s.utf8)[...])
        case .ipv6: return Formats.isIPv6(Array(s.utf8)[...])
        case .uri: return Formats.isURI(s, reference: false, iri: false)
        case .uriReference: return Formats.isURI(s, reference: true, iri: false)
        case .iri: return Formats.isURI(s, reference: false, iri: true)
        case .iriReference: return Formats.isURI(s, reference: true, iri: true)
        case .uriTemplate: return Formats.isURITemplate(s)
        case .uuid: return Formats.isUUID(s)
        case .jsonPointer: return Formats.isJSONPointer(Array(s.utf8)[...])
        case .relativeJSONPointer: return Formats.isRelativeJSONPointer(s)
        case .regex: return ECMARegex.isValid(s)
        }
    }
}

enum Formats {
    typealias Bytes = ArraySlice<UInt8>

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66) }
    static func isAlpha(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// Reads exactly `n` ASCII digits.
    static func digits(_ b: Bytes, _ at: Int, _ n: Int) -> Int? {
        guard at + n <= b.endIndex else { return nil }
        var v = 0
        for i in at..<(at + n) {
            guard isDigit(b[i]) else { return nil }
            v = v * 10 + Int(b[i] - 0x30)
        }
        return v
    }

    // MARK: Dates and times (RFC 3339 §5.6)

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        default: return 0
        }
    }

    static func isDate(_ b: Bytes) -> Bool {
        let s = b.startIndex
        guard b.count == 10, let y = digits(b, s, 4), b[s + 4] == UInt8(ascii: "-"), let m = digits(b, s + 5, 2),
            b[s + 7] == UInt8(ascii: "-"), let d = digits(b, s + 8, 2)
        else { return false }
        return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(month: m, year: y)
    }

    static func isTime(_ b: Bytes) -> Bool {
        let s = b.startIndex
        guard b.count >= 9, let h = digits(b, s, 2), b[s + 2] == UInt8(ascii: ":"), let m = digits(b, s + 3, 2),
            b[s + 5] == UInt8(ascii: ":"), let sec = digits(b, s + 6, 2)
        else { return false }
        var i = s + 8
        if i < b.endIndex, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.endIndex, isDigit(b[i]) { i += 1 }
            if i == start { return false }
        }
        guard i < b.endIndex else { return false }
        var offsetMinutes = 0
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            i += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = b[i] == UInt8(ascii: "+") ? 1 : -1
            guard let oh = digits(b, i + 1, 2), i + 3 < b.endIndex, b[i + 3] == UInt8(ascii: ":"),
                let om = digits(b, i + 4, 2), oh <= 23, om <= 59
            else { return false }
            offsetMinutes = sign * (oh * 60 + om)
            i += 6
        default:
            return false
        }
        guard i == b.endIndex, h <= 23, m <= 59, sec <= 60 else { return false }
        if sec == 60 {
            // A leap second is only valid at 23:59:60 UTC.
            let utc = ((h * 60 + m - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func isDateTime(_ s: String) -> Bool {
        let b = Array(s.utf8)[...]
        guard b.count > 11 else { return false }
        let t = b[b.startIndex + 10]
        guard t == UInt8(ascii: "T") || t == UInt8(ascii: "t") else { return false }
        return isDate(b[b.startIndex..<(b.startIndex + 10)]) && isTime(b[(b.startIndex + 11)...])
    }

    /// RFC 3339 Appendix A (ISO 8601 durations).
    static func isDuration(_ s: String) -> Bool {
        var b = Array(s.utf8)[...]
        guard b.first == UInt8(ascii: "P") else { return false }
        b = b.dropFirst()
        guard !b.isEmpty else { return false }
        // Read (number, designator) pairs.
        var parts: [UInt8] = []
        var inTime = false
        var timeParts = 0
        var sawT = false
        while !b.isEmpty {
            if b.first == UInt8(ascii: "T") {
                if sawT { return false }
                sawT = true
                inTime = true
                b = b.dropFirst()
                continue
            }
            var n = 0
            while let c = b.first, isDigit(c) { b = b.dropFirst(); n += 1 }
            guard n > 0, let d = b.first else { return false }
            b = b.dropFirst()
            let designator: UInt8 = inTime ? (d == UInt8(ascii: "M") ? UInt8(ascii: "m") : d) : d
            let validDate: [UInt8] = [UInt8(ascii: "Y"), UInt8(ascii: "M"), UInt8(ascii: "W"), UInt8(ascii: "D")]
            let validTime: [UInt8] = [UInt8(ascii: "H"), UInt8(ascii: "m"), UInt8(ascii: "S")]
            if inTime {
                guard validTime.contains(designator) else { return false }
                timeParts += 1
            } else {
                guard validDate.contains(designator) else { return false }
            }
            parts.append(designator)
        }
        if sawT && timeParts == 0 { return false }
        if parts.isEmpty { return false }
        // Order and combination rules: Y M D (date), H m S (time), W alone.
        if parts.contains(UInt8(ascii: "W")) { return parts == [UInt8(ascii: "W")] }
        let order: [UInt8] = [
            UInt8(ascii: "Y"), UInt8(ascii: "M"), UInt8(ascii: "D"), UInt8(ascii: "H"), UInt8(ascii: "m"),
            UInt8(ascii: "S"),
        ]
        var last = -1
        for p in parts {
            guard let i = order.firstIndex(of: p), i > last else { return false }
            last = i
        }
        // Components must be contiguous: no gaps (P1Y1D lacks M; PT1H1S lacks M).
        let dateParts = parts.compactMap { order.firstIndex(of: $0) }.filter { $0 < 3 }
        let time = parts.compactMap { order.firstIndex(of: $0) }.filter { $0 >= 3 }
        for group in [dateParts, time] where group.count > 1 {
            for k in 1..<group.count where group[k] != group[k - 1] + 1 { return false }
        }
        return true
    }

    // MARK: IP addresses

    static func isIPv4(_ b: Bytes) -> Bool {
        var parts = 0
        var i = b.startIndex
        while true {
            let start = i
            var v = 0
            while i < b.endIndex, isDigit(b[i]) {
                v = v * 10 + Int(b[i] - 0x30); i += 1; if i - start > 3 { return false }
            }
            let n = i - start
            guard n > 0, v <= 255, !(n > 1 && b[start] == UInt8(ascii: "0")) else { return false }
            parts += 1
            if i == b.endIndex { break }
            guard b[i] == UInt8(ascii: "."), parts < 4 else { return false }
            i += 1
        }
        return parts == 4
    }

    static func isIPv6(_ b: Bytes) -> Bool {
        guard !b.isEmpty else { return false }
        var groups = 0
        var doubleColon = false
        var i = b.startIndex
        if b[i] == UInt8(ascii: ":") {
            guard i + 1 < b.endIndex, b[i + 1] == UInt8(ascii: ":") else { return false }
            doubleColon = true
            i += 2
            if i == b.endIndex { return true }
        }
        while i < b.endIndex {
            // An embedded IPv4 address ends the address.
            var j = i
            while j < b.endIndex, isHex(b[j]) { j += 1 }
            if j < b.endIndex, b[j] == UInt8(ascii: ".") {
                guard isIPv4(b[i...]) else { return false }
                groups += 2
                i = b.endIndex
                break
            }
            let n = j - i
            guard n >= 1, n <= 4 else { return false }
            groups += 1
            i = j
            if i == b.endIndex { break }
            guard b[i] == UInt8(ascii: ":") else { return false }
            i += 1
            if i < b.endIndex, b[i] == UInt8(ascii: ":") {
                if doubleColon { return false }
                doubleColon = true
                i += 1
                if i == b.endIndex { break }
            } else if i == b.endIndex {
                return false
            }
        }
        return doubleColon ? groups <= 7 : groups == 8
    }

    // MARK: Host names (RFC 1123, RFC 5890–5893)

    static func isHostname(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 253, s.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        for label in s.split(separator: ".", omittingEmptySubsequences: false) {
            let l = Array(label.utf8)
            guard !l.isEmpty, l.count <= 63 else { return false }
            guard l.allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "-") }) else { return false }
            guard l.first != UInt8(ascii: "-"), l.last != UInt8(ascii: "-") else { return false }
            if l.count >= 4, l[2] == UInt8(ascii: "-"), l[3] == UInt8(ascii: "-") {
                // Only "xn--" (an A-label) may have hyphens in the 3rd and 4th positions.
                guard label.lowercased().hasPrefix("xn--") else { return false }
                guard let u = Punycode.decode(String(label.dropFirst(4))), !u.isEmpty,
                    u.contains(where: { !$0.isASCII }),
                    Punycode.encode(u) == label.dropFirst(4).lowercased(),
                    IDNA.isValidULabel(u)
                else { return false }
            }
        }
        return true
    }

    static let labelSeparators: Set<Unicode.Scalar> = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"]

    static func isIDNHostname(_ s: String) -> Bool {
        guard !s.isEmpty else { return false }
        var labels: [[Unicode.Scalar]] = [[]]
        for c in s.unicodeScalars {
            if labelSeparators.contains(c) { labels.append([]) } else { labels[labels.count - 1].append(c) }
        }
        var asciiLength = labels.count - 1
        var uLabels: [[Unicode.Scalar]] = []
        for label in labels {
            guard !label.isEmpty else { return false }
            var u = label
            let text = String(String.UnicodeScalarView(label))
            if label.allSatisfy({ $0.isASCII }) {
                guard isHostname(text) else { return false }
                if text.lowercased().hasPrefix("xn--"), let decoded = Punycode.decode(String(text.dropFirst(4))) {
                    u = decoded
                }
                asciiLength += label.count
            } else {
                guard IDNA.isValidULabel(label), let encoded = Punycode.encode(label) else { return false }
                guard encoded.count + 4 <= 63 else { return false }
                asciiLength += encoded.count + 4
            }
            uLabels.append(u)
        }
        guard asciiLength <= 253 else { return false }
        return IDNA.satisfiesBidiRule(uLabels)
    }

    // MARK: E-mail (RFC 5321 §4.1.2, RFC 6531)

    static func isEmail(_ s: String, international: Bool) -> Bool {
        guard let at = s.lastIndex(of: "@") else { return false }
        let local = s[..<at]
        let domain = s[s.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty, local.utf8.count <= 64 else { return false }
        if !international, !s.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        // Local part: dot-string or quoted-string.
        let l = Array(local.unicodeScalars)
        if l.first == "\"" {
            guard l.count >= 2, l.last == "\"" else { return false }
            var i = 1
            while i < l.count - 1 {
                let c = l[i]
                if c == "\\" {
                    guard i + 1 < l.count - 1, l[i + 1].value >= 0x20, l[i + 1].value != 0x7F else { return false }
                    i += 2
                    continue
                }
                if c == "\"" { return false }
                if c.isASCII && (c.value < 0x20 || c.value == 0x7F) { return false }
                i += 1
            }
        } else {
            let atext = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)
            var prevDot = true
            for c in l {
                if c == "." {
                    if prevDot { return false }
                    prevDot = true
                    continue
                }
                prevDot = false
                if c.isASCII {
                    let v = UInt8(c.value)
                    guard isAlpha(v) || isDigit(v) || atext.contains(c) else { return false }
                } else if !international {
                    return false
                }
            }
            if prevDot { return false }
        }
        // Domain: a host name or an address literal.
        if domain.hasPrefix("[") {
            guard domain.hasSuffix("]") else { return false }
            let inner = domain.dropFirst().dropLast()
            if inner.hasPrefix("IPv6:") { return isIPv6(Array(inner.dropFirst(5).utf8)[...]) }
            return isIPv4(Array(inner.utf8)[...])
        }
        // RFC 6531 domains are looked up after IDNA mapping, which normalizes to NFC (RFC 5891 §5.2).
        return international
            ? isIDNHostname(String(domain).precomposedStringWithCanonicalMapping) : isHostname(String(domain))
    }

    // MARK: URIs and IRIs (RFC 3986, RFC 3987)

    static let subDelims = Set("!$&'()*+,;=".utf8)

    /// Whether `c` may appear as such (pct-encoded triplets are handled by the caller).
    static func isUnreserved(_ c: Unicode.Scalar, iri: Bool) -> Bool {
        if c.isASCII {
            let v = UInt8(c.value)
            return isAlpha(v) || isDigit(v) || v == UInt8(ascii: "-") || v == UInt8(ascii: ".")
                || v == UInt8(ascii: "_") || v == UInt8(ascii: "~")
        }
        guard iri else { return false }
        // ucschar and iprivate (RFC 3987 §2.2).
        let v = c.value
        return v >= 0xA0 && !(0xFDD0...0xFDEF).contains(v) && (v & 0xFFFE) != 0xFFFE
    }

    /// Checks that every character of `part` is allowed (`extra` lists ASCII characters allowed besides
    /// unreserved, sub-delims and percent-encoded triplets).
    static func validChars<S: Sequence>(_ part: S, iri: Bool, extra: String) -> Bool where S.Element == Unicode.Scalar {
        let chars = Array(part)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "%" {
                guard i + 2 < chars.count, chars[i + 1].isASCII, chars[i + 2].isASCII,
                    isHex(UInt8(chars[i + 1].value)), isHex(UInt8(chars[i + 2].value))
                else { return false }
                i += 3
                continue
            }
            if isUnreserved(c, iri: iri)
                || (c.isASCII && (subDelims.contains(UInt8(c.value)) || extra.unicodeScalars.contains(c)))
            {
                i += 1
                continue
            }
            return false
        }
        return true
    }

    static func isURI(_ s: String, reference: Bool, iri: Bool) -> Bool {
        var rest = Substring(s)
        // Scheme.
        var hasScheme = false
        if let colon = rest.firstIndex(of: ":") {
            let scheme = rest[..<colon]
            if let f = scheme.utf8.first, isAlpha(f),
                scheme.utf8.allSatisfy({
                    isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
                        || $0 == UInt8(ascii: ".")
                }),
                !scheme.contains("/"), !scheme.contains("?"), !scheme.contains("#")
            {
                hasScheme = true
                rest = rest[rest.index(after: colon)...]
            }
        }
        if !hasScheme && !reference { return false }
        if let hash = rest.firstIndex(of: "#") {
            guard validChars(rest[rest.index(after: hash)...].unicodeScalars, iri: iri, extra: ":@/?") else {
                return false
            }
            rest = rest[..<hash]
        }
        if let q = rest.firstIndex(of: "?") {
            guard validChars(rest[rest.index(after: q)...].unicodeScalars, iri: iri, extra: ":@/?") else {
                return false
            }
            rest = rest[..<q]
        }
        var path = rest
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            guard isAuthority(afterSlashes[..<end], iri: iri) else { return false }
            path = afterSlashes[end...]
        } else if !hasScheme {
            // path-noscheme: no ":" in the first segment.
            let firstSegment = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            if firstSegment.contains(":") { return false }
        }
        return validChars(path.unicodeScalars, iri: iri, extra: ":@/")
    }

    static func isAuthority(_ a: Substring, iri: Bool) -> Bool {
        var hostPort = a
        if let at = a.firstIndex(of: "@") {
            let userinfo = a[..<at]
            guard validChars(userinfo.unicodeScalars, iri: iri, extra: ":") else { return false }
            hostPort = a[a.index(after: at)...]
            if hostPort.contains("@") { return false }
        }
        var port: Substring = ""
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { return false }
            let literal = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return false }
                port = after.dropFirst()
            }
            if literal.hasPrefix("v") || literal.hasPrefix("V") {
                // IPvFuture: "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
                let body = literal.dropFirst()
                guard let dot = body.firstIndex(of: "."), dot > body.startIndex,
                    body[..<dot].utf8.allSatisfy(isHex)
                else { return false }
                let tail = body[body.index(after: dot)...]
                guard !tail.isEmpty, !tail.contains("%"), validChars(tail.unicodeScalars, iri: false, extra: ":") else {
                    return false
                }
            } else {
                guard isIPv6(Array(literal.utf8)[...]) else { return false }
            }
        } else {
            var host = hostPort
            if let colon = hostPort.lastIndex(of: ":") {
                host = hostPort[..<colon]
                port = hostPort[hostPort.index(after: colon)...]
            }
            guard validChars(host.unicodeScalars, iri: iri, extra: "") else { return false }
        }
        return port.utf8.allSatisfy(isDigit)
    }

    // MARK: URI templates (RFC 6570)

    static func isURITemplate(_ s: String) -> Bool {
        let chars = Array(s.unicodeScalars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                guard let close = chars[i...].firstIndex(of: "}") else { return false }
                guard isTemplateExpression(Array(chars[(i + 1)..<close])) else { return false }
                i = close + 1
                continue
            }
            if c == "%" {
                guard i + 2 < chars.count, chars[i + 1].isASCII, chars[i + 2].isASCII,
                    isHex(UInt8(chars[i + 1].value)), isHex(UInt8(chars[i + 2].value))
                else { return false }
                i += 3
                continue
            }
            if c.isASCII {
                let v = c.value
                if v <= 0x20 || v == 0x7F { return false }
                if "\"<>\\^`{|}".unicodeScalars.contains(c) { return false }
            } else if c.value < 0xA0 {
                return false
            }
            i += 1
        }
        return true
    }

    static func isTemplateExpression(_ e: [Unicode.Scalar]) -> Bool {
        var e = e[...]
        guard let first = e.first else { return false }
        if "+#./;?&".unicodeScalars.contains(first) {
            e = e.dropFirst()
        } else if "=,!@|".unicodeScalars.contains(first) {
            return false
        }
        let specs = e.split(separator: ",", omittingEmptySubsequences: false)
        for spec in specs {
            var name = spec[...]
            if name.last == "*" {
                name = name.dropLast()
            } else if let colon = name.firstIndex(of: ":") {
                let digits = name[(colon + 1)...]
                guard (1...4).contains(digits.count), digits.first != "0",
                    digits.allSatisfy({ $0.isASCII && isDigit(UInt8($0.value)) })
                else { return false }
                name = name[..<colon]
            }
            guard !name.isEmpty, name.first != ".", name.last != "." else { return false }
            var i = name.startIndex
            var prevDot = false
            while i < name.endIndex {
                let c = name[i]
                if c == "." {
                    if prevDot { return false }
                    prevDot = true
                    i += 1
                    continue
                }
                prevDot = false
                if c == "%" {
                    guard i + 2 < name.endIndex, name[i + 1].isASCII, name[i + 2].isASCII,
                        isHex(UInt8(name[i + 1].value)), isHex(UInt8(name[i + 2].value))
                    else { return false }
                    i += 3
                    continue
                }
                guard c.isASCII, isAlpha(UInt8(c.value)) || isDigit(UInt8(c.value)) || c == "_" else { return false }
                i += 1
            }
        }
        return true
    }

    // MARK: Others

    static func isUUID(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 36 else { return false }
        for (i, c) in b.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == UInt8(ascii: "-") else { return false }
            } else {
                guard isHex(c) else { return false }
            }
        }
        return true
    }

    static func isJSONPointer(_ b: Bytes) -> Bool {
        guard !b.isEmpty else { return true }
        guard b.first == UInt8(ascii: "/") else { return false }
        var i = b.startIndex
        while i < b.endIndex {
            if b[i] == UInt8(ascii: "~") {
                guard i + 1 < b.endIndex, b[i + 1] == UInt8(ascii: "0") || b[i + 1] == UInt8(ascii: "1") else {
                    return false
                }
                i += 2
                continue
            }
            i += 1
        }
        return true
    }

    static func isRelativeJSONPointer(_ s: String) -> Bool {
        let b = Array(s.utf8)[...]
        var i = b.startIndex
        while i < b.endIndex, isDigit(b[i]) { i += 1 }
        let n = i - b.startIndex
        guard n > 0, !(n > 1 && b.first == UInt8(ascii: "0")) else { return false }
        let rest = b[i...]
        if rest.count == 1 && rest.first == UInt8(ascii: "#") { return true }
        return isJSONPointer(rest)
    }
}

// MARK: - Punycode (RFC 3492)

enum Punycode {
    static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128

    static func adapt(_ delta: Int, _ numPoints: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / numPoints
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    static func digitValue(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c) - 22
        case 0x41...0x5A: return Int(c) - 0x41
        case 0x61...0x7A: return Int(c) - 0x61
        default: return nil
        }
    }

    static func digitChar(_ d: Int) -> Character {
        Character(Unicode.Scalar(UInt8(d < 26 ? d + 0x61 : d + 22)))
    }

    /// Decodes the part after "xn--"; nil when it is not valid Punycode.
    static func decode(_ input: String) -> [Unicode.Scalar]? {
        let bytes = Array(input.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var output: [UInt32] = []
        var start = 0
        if let lastDash = bytes.lastIndex(of: UInt8(ascii: "-")) {
            output = bytes[..<lastDash].map { UInt32($0) }
            start = lastDash + 1
        }
        var n = initialN, i = 0, bias = initialBias
        var pos = start
        while pos < bytes.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard pos < bytes.count, let digit = digitValue(bytes[pos]) else { return nil }
                pos += 1
                guard digit <= (Int.max - i) / w else { return nil }
                i += digit * w
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                guard w <= Int.max / (base - t) else { return nil }
                w *= base - t
                k += base
            }
            bias = adapt(i - oldI, output.count + 1, oldI == 0)
            guard i / (output.count + 1) <= Int.max - n else { return nil }
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        var scalars: [Unicode.Scalar] = []
        for v in output {
            guard let s = Unicode.Scalar(v) else { return nil }
            scalars.append(s)
        }
        return scalars
    }

    /// Encodes a label (without the "xn--" prefix).
    static func encode(_ input: [Unicode.Scalar]) -> String? {
        var output = ""
        let codes = input.map { Int($0.value) }
        for c in codes where c < 0x80 { output.append(Character(Unicode.Scalar(UInt8(c)))) }
        let b = output.count
        var h = b
        if b > 0 { output.append("-") }
        var n = initialN, delta = 0, bias = initialBias
        while h < codes.count {
            guard let m = codes.filter({ $0 >= n }).min() else { return nil }
            delta += (m - n) * (h + 1)
            n = m
            for c in codes {
                if c < n { delta += 1 }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digitChar(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digitChar(q))
                    bias = adapt(delta, h + 1, h == b)
                    delta = 0
                    h += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }
}

// MARK: - IDNA2008 (RFC 5891 §5.4, RFC 5892, RFC 5893)

enum IDNA {
    static let exceptionsPVALID: Set<UInt32> = [0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007]
    static let exceptionsDISALLOWED: Set<UInt32> = [
        0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B,
    ]

    static func isGreek(_ v: UInt32) -> Bool { (0x0370...0x03FF).contains(v) || (0x1F00...0x1FFF).contains(v) }
    static func isHebrew(_ v: UInt32) -> Bool { (0x0590...0x05FF).contains(v) || (0xFB1D...0xFB4F).contains(v) }
    static func isHiraganaKatakanaHan(_ v: UInt32) -> Bool {
        (0x3040...0x309F).contains(v) || (0x30A0...0x30FF).contains(v) || (0x31F0...0x31FF).contains(v)
            || (0xFF66...0xFF9F).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x3FFFF).contains(v) || v == 0x3005 || v == 0x3006
            || v == 0x3007
    }

    /// RFC 5892 §2 derivation, approximated with the Unicode properties Swift exposes.
    static func isPVALID(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if exceptionsPVALID.contains(v) { return true }
        if exceptionsDISALLOWED.contains(v) { return false }
        if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) || v == 0x2D { return true }
        let p = c.properties
        if p.generalCategory == .unassigned { return false }
        if p.changesWhenNFKCCaseFolded { return false }
        if p.isDefaultIgnorableCodePoint || p.isWhitespace || p.isNoncharacterCodePoint { return false }
        if (0x20D0...0x20FF).contains(v) || (0x1D100...0x1D24F).contains(v) { return false }
        if (0x1100...0x11FF).contains(v) || (0xA960...0xA97F).contains(v) || (0xD7B0...0xD7FF).contains(v) {
            return false
        }
        switch p.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .otherLetter, .decimalNumber, .modifierLetter, .nonspacingMark,
            .spacingMark:
            return true
        default:
            return false
        }
    }

    static func isVirama(_ c: Unicode.Scalar) -> Bool { c.properties.canonicalCombiningClass.rawValue == 9 }

    /// Joining type (Unicode ArabicShaping), approximated: transparent for marks, and the
    /// common dual/right-joining Arabic letters.
    enum Joining { case left, dual, right, transparent, none }
    static func joining(_ c: Unicode.Scalar) -> Joining {
        let v = c.value
        let gc = c.properties.generalCategory
        if gc == .nonspacingMark || gc == .enclosingMark || gc == .format { return .transparent }
        let rightJoining: Set<UInt32> = [
            0x0622, 0x0623, 0x0624, 0x0625, 0x0627, 0x0629, 0x062F, 0x0630, 0x0631, 0x0632, 0x0648,
            0x0671, 0x0672, 0x0673, 0x0675, 0x0676, 0x0677, 0x0688, 0x0689, 0x068A, 0x068B, 0x068C,
            0x068D, 0x068E, 0x068F, 0x0690, 0x0691, 0x0692, 0x0693, 0x0694, 0x0695, 0x0696, 0x0697,
            0x0698, 0x0699, 0x06C0, 0x06C3, 0x06C4, 0x06C5, 0x06C6, 0x06C7, 0x06C8, 0x06C9, 0x06CA,
            0x06CB, 0x06CD, 0x06CF, 0x06D2, 0x06D3, 0x06D5, 0x06EE, 0x06EF,
        ]
        if rightJoining.contains(v) { return .right }
        if (0x0620...0x064A).contains(v) || (0x066E...0x06D3).contains(v) || (0x06FA...0x06FC).contains(v)
            || v == 0x06FF
            || (0x0750...0x077F).contains(v) || (0x08A0...0x08C7).contains(v) || v == 0x0640
        {
            return .dual
        }
        return .none
    }

    static func isNFC(_ label: [Unicode.Scalar]) -> Bool {
        let s = String(String.UnicodeScalarView(label))
        return Array(s.precomposedStringWithCanonicalMapping.unicodeScalars) == label
    }

    static func isValidULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard !label.isEmpty, isNFC(label) else { return false }
        if label.first == "-" || label.last == "-" { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        switch label[0].properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return false
        default: break
        }
        let values = label.map(\.value)
        for (i, c) in label.enumerated() {
            let v = c.value
            switch v {
            case 0x200C:  // ZERO WIDTH NON-JOINER
                if i > 0, isVirama(label[i - 1]) { continue }
                var j = i - 1
                while j >= 0, joining(label[j]) == .transparent { j -= 1 }
                guard j >= 0, [.left, .dual].contains(joining(label[j])) else { return false }
                var k = i + 1
                while k < label.count, joining(label[k]) == .transparent { k += 1 }
                guard k < label.count, [.right, .dual].contains(joining(label[k])) else { return false }
            case 0x200D:  // ZERO WIDTH JOINER
                guard i > 0, isVirama(label[i - 1]) else { return false }
            case 0x00B7:  // MIDDLE DOT
                guard i > 0, i + 1 < label.count, label[i - 1] == "l", label[i + 1] == "l" else { return false }
            case 0x0375:  // GREEK LOWER NUMERAL SIGN (KERAIA)
                guard i + 1 < label.count, isGreek(label[i + 1].value) else { return false }
            case 0x05F3, 0x05F4:  // HEBREW GERESH, GERSHAYIM
                guard i > 0, isHebrew(label[i - 1].value) else { return false }
            case 0x30FB:  // KATAKANA MIDDLE DOT
                guard values.contains(where: { $0 != 0x30FB && isHiraganaKatakanaHan($0) }) else { return false }
            case 0x0660...0x0669:
                guard !values.contains(where: { (0x06F0...0x06F9).contains($0) }) else { return false }
            case 0x06F0...0x06F9:
                guard !values.contains(where: { (0x0660...0x0669).contains($0) }) else { return false }
            default:
                guard isPVALID(c) else { return false }
            }
        }
        return true
    }

    enum Bidi { case l, r, al, an, en, es, cs, et, on, bn, nsm }

    /// Bidi class, approximated by ranges (RFC 5893 only needs these distinctions).
    static func bidi(_ c: Unicode.Scalar) -> Bidi {
        let v = c.value
        let gc = c.properties.generalCategory
        if gc == .nonspacingMark || gc == .enclosingMark { return .nsm }
        if (0x30...0x39).contains(v) || (0x06F0...0x06F9).contains(v) || v == 0xB2 || v == 0xB3 || v == 0xB9
            || (0x2070...0x2079).contains(v) || (0x2080...0x2089).contains(v) || (0xFF10...0xFF19).contains(v)
        {
            return .en
        }
        if (0x0660...0x0669).contains(v) || v == 0x066B || v == 0x066C || (0x0600...0x0605).contains(v) || v == 0x06DD {
            return .an
        }
        if v == 0x2B || v == 0x2D { return .es }
        if v == 0x2C || v == 0x2E || v == 0x2F || v == 0x3A || v == 0xA0 { return .cs }
        if (0x0590...0x05FF).contains(v) || (0x07C0...0x085F).contains(v) || (0xFB1D...0xFB4F).contains(v)
            || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EDFF).contains(v)
        {
            return .r
        }
        if (0x0600...0x07BF).contains(v) || (0x0860...0x08FF).contains(v) || (0xFB50...0xFDFF).contains(v)
            || (0xFE70...0xFEFF).contains(v) || (0x1EE00...0x1EEFF).contains(v)
        {
            return .al
        }
        if c.properties.isDefaultIgnorableCodePoint { return .bn }
        switch gc {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .spacingMark,
            .letterNumber:
            return .l
        case .currencySymbol: return .et
        default: return .on
        }
    }

    /// RFC 5893 §2: when any label is right-to-left, every label must satisfy the Bidi rule.
    static func satisfiesBidiRule(_ labels: [[Unicode.Scalar]]) -> Bool {
        let classes = labels.map { $0.map(bidi) }
        let isBidiDomain = classes.contains { $0.contains { $0 == .r || $0 == .al || $0 == .an } }
        guard isBidiDomain else { return true }
        for cls in classes where !cls.isEmpty {
            let first = cls[0]
            guard first == .l || first == .r || first == .al else { return false }
            var end = cls.count - 1
            while end > 0, cls[end] == .nsm { end -= 1 }
            if first == .r || first == .al {
                let allowed: Set<Bidi> = [.r, .al, .an, .en, .es, .cs, .et, .on, .bn, .nsm]
                guard cls.allSatisfy(allowed.contains) else { return false }
                guard [.r, .al, .en, .an].contains(cls[end]) else { return false }
                if cls.contains(.en) && cls.contains(.an) { return false }
            } else {
                let allowed: Set<Bidi> = [.l, .en, .es, .cs, .et, .on, .bn, .nsm]
                guard cls.allSatisfy(allowed.contains) else { return false }
                guard cls[end] == .l || cls[end] == .en else { return false }
            }
        }
        return true
    }
}
