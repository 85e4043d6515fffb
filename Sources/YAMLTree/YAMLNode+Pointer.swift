/// JSON Pointer (RFC 6901) lookup, to map a schema error's instance location to a line and column. The
/// pointer comes as its unescaped tokens (JSONSchema's `JSONPointer` parses and prints pointer text).
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

    /// One step: a mapping key or a sequence index.
    public func child(_ token: String) -> YAMLNode? {
        switch value {
        case .mapping(let pairs):
            for pair in pairs where YAMLNode.sameKey(pair.key, token) { return pair.value }
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
}
