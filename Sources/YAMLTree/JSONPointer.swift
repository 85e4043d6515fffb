/// JSON Pointer (RFC 6901) lookup, to map a schema error's instance location to a line and column.
///
/// Mapping keys match by `keyText` (a string key's value, or a non-string key's source text — what a JSON
/// view of the tree uses); sequence indexes are `0` or a number without leading zeros.
extension YAMLNode {
    /// The node at a pointer given as unescaped tokens (`[]` is this node).
    public func node(at pointer: [String]) -> YAMLNode? {
        var node = self
        for token in pointer {
            guard let child = node.child(token) else { return nil }
            node = child
        }
        return node
    }

    /// The node at a pointer string: `""` is this node, `/事项/0/名称`; `~1` is `/` and `~0` is `~`. A URI
    /// fragment (`#/a%20b`) is accepted too. Nil if the pointer is malformed or leads nowhere.
    public func node(atPointer pointer: String) -> YAMLNode? {
        guard let tokens = YAMLNode.pointerTokens(pointer) else { return nil }
        return node(at: tokens)
    }

    /// The deepest node that exists along the pointer (this node if not even the first token matches), and
    /// how many tokens were matched. For a missing property, this is the object that lacks it.
    public func nearestNode(at pointer: [String]) -> (node: YAMLNode, matched: Int) {
        var node = self
        var matched = 0
        for token in pointer {
            guard let child = node.child(token) else { break }
            node = child
            matched += 1
        }
        return (node, matched)
    }

    /// The deepest node that exists along a pointer string (this node for a malformed pointer).
    public func nearestNode(atPointer pointer: String) -> YAMLNode {
        guard let tokens = YAMLNode.pointerTokens(pointer) else { return self }
        return nearestNode(at: tokens).node
    }

    /// The key node of the pair the pointer ends at, when its parent is a mapping (for "unknown key" errors,
    /// which should point at the key rather than its value).
    public func keyNode(at pointer: [String]) -> YAMLNode? {
        guard let last = pointer.last, let parent = node(at: Array(pointer.dropLast())) else { return nil }
        return parent.pair(last)?.key
    }

    /// The key node for a pointer string (see `keyNode(at:)`).
    public func keyNode(atPointer pointer: String) -> YAMLNode? {
        guard let tokens = YAMLNode.pointerTokens(pointer) else { return nil }
        return keyNode(at: tokens)
    }

    /// One step: a mapping key or a sequence index.
    public func child(_ token: String) -> YAMLNode? {
        switch value {
        case .mapping(let pairs):
            for pair in pairs where pair.key.keyText == token { return pair.value }
            return nil
        case .sequence(let items):
            guard let index = YAMLNode.arrayIndex(token), index < items.count else { return nil }
            return items[index]
        default:
            return nil
        }
    }

    static func arrayIndex(_ token: String) -> Int? {
        let utf8 = token.utf8
        guard let first = utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
        if first == UInt8(ascii: "0") { return utf8.count == 1 ? 0 : nil }
        var value = 0
        for b in utf8 {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(b - UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            value = a
        }
        return value
    }

    /// Splits and unescapes a pointer string; nil if malformed (not empty and not starting with `/`, or a `~`
    /// not followed by `0` or `1`). A leading `#` means a URI fragment: the rest is percent-decoded first.
    public static func pointerTokens(_ pointer: String) -> [String]? {
        var text = pointer
        if text.utf8.first == UInt8(ascii: "#") {
            guard let decoded = percentDecoded(String(text.dropFirst())) else { return nil }
            text = decoded
        }
        if text.isEmpty { return [] }
        guard text.utf8.first == UInt8(ascii: "/") else { return nil }
        var tokens: [String] = []
        for raw in text.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard raw.contains(UInt8(ascii: "~")) else {
                tokens.append(String(decoding: raw, as: UTF8.self))
                continue
            }
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var it = raw.makeIterator()
            while let b = it.next() {
                if b == UInt8(ascii: "~") {
                    switch it.next() {
                    case UInt8(ascii: "0"): out.append(UInt8(ascii: "~"))
                    case UInt8(ascii: "1"): out.append(UInt8(ascii: "/"))
                    default: return nil
                    }
                } else {
                    out.append(b)
                }
            }
            tokens.append(String(decoding: out, as: UTF8.self))
        }
        return tokens
    }

    /// Escapes one token (`~` → `~0`, `/` → `~1`).
    public static func escapePointerToken(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        var out = ""
        for c in token.unicodeScalars {
            switch c {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Builds a pointer string from tokens.
    public static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + escapePointerToken($0) }.joined()
    }

    static func percentDecoded(_ s: String) -> String? {
        guard s.contains("%") else { return s }
        var out: [UInt8] = []
        var bytes = Array(s.utf8)[...]
        while let b = bytes.popFirst() {
            guard b == UInt8(ascii: "%") else {
                out.append(b)
                continue
            }
            guard let h = bytes.popFirst(), let l = bytes.popFirst(),
                  let hv = ScalarResolver.hexValue(h), let lv = ScalarResolver.hexValue(l) else { return nil }
            out.append(UInt8(hv * 16 + lv))
        }
        return String(validating: out, as: UTF8.self)
    }
}
