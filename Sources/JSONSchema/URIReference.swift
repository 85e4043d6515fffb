/// An RFC 3986 URI reference, split into its five components (RFC 3986 appendix B), with
/// reference resolution (§5.2) and the light normalization that schema identifiers need.
struct URIReference: Sendable, Hashable, CustomStringConvertible {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    init(_ text: String) {
        var rest = Substring(text)
        fragment = nil
        query = nil
        scheme = nil
        authority = nil
        if let h = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: h)...])
            rest = rest[..<h]
        }
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" before any "/"
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if let first = candidate.first, first.isASCII, first.isLetter,
                candidate.allSatisfy({
                    $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".")
                })
            {
                scheme = candidate.lowercased()
                rest = rest[rest.index(after: colon)...]
            }
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    var description: String {
        var s = ""
        if let scheme { s += scheme + ":" }
        if let authority { s += "//" + authority }
        s += path
        if let query { s += "?" + query }
        if let fragment { s += "#" + fragment }
        return s
    }

    var isAbsolute: Bool { scheme != nil }

    /// This reference without its fragment.
    var withoutFragment: URIReference {
        var u = self
        u.fragment = nil
        return u
    }

    /// RFC 3986 §5.2.2: resolve this reference against an absolute base.
    func resolved(against base: URIReference) -> URIReference {
        var t = URIReference(scheme: nil, authority: nil, path: "", query: nil, fragment: fragment)
        if let scheme {
            t.scheme = scheme
            t.authority = authority
            t.path = URIReference.removeDotSegments(path)
            t.query = query
        } else {
            if authority != nil {
                t.authority = authority
                t.path = URIReference.removeDotSegments(path)
                t.query = query
            } else {
                if path.isEmpty {
                    t.path = base.path
                    t.query = query ?? base.query
                } else {
                    if path.hasPrefix("/") {
                        t.path = URIReference.removeDotSegments(path)
                    } else {
                        t.path = URIReference.removeDotSegments(URIReference.merge(base: base, path: path))
                    }
                    t.query = query
                }
                t.authority = base.authority
            }
            t.scheme = base.scheme
        }
        return t
    }

    private static func merge(base: URIReference, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        if let slash = base.path.lastIndex(of: "/") {
            return String(base.path[...slash]) + path
        }
        return path
    }

    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var input = Substring(path)
        // Straightforward implementation of RFC 3986 §5.2.4 on a string buffer.
        var out = ""
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if let i = out.lastIndex(of: "/") { out = String(out[..<i]) } else { out = "" }
            } else if input == "/.." {
                input = "/"
                if let i = out.lastIndex(of: "/") { out = String(out[..<i]) } else { out = "" }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                var seg = input.startIndex
                if input.first == "/" { seg = input.index(after: seg) }
                let end = input[seg...].firstIndex(of: "/") ?? input.endIndex
                out += input[..<end]
                input = input[end...]
            }
        }
        return out
    }

    /// Percent-decodes a URI component (invalid escapes are kept as they are).
    static func percentDecode(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x41...0x46: return b - 0x41 + 10
            case 0x61...0x66: return b - 0x61 + 10
            default: return nil
            }
        }
        while i < u.count {
            if u[i] == UInt8(ascii: "%"), i + 2 < u.count, let h = hex(u[i + 1]), let l = hex(u[i + 2]) {
                bytes.append(h * 16 + l)
                i += 3
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
