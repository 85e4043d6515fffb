import Foundation

/// An RFC 6901 JSON Pointer, kept as its unescaped reference tokens.
public struct JSONPointer: Sendable, Hashable, Comparable, CustomStringConvertible,
    ExpressibleByArrayLiteral
{
    /// The reference tokens, unescaped (`["a/b", "0"]` for `/a~1b/0`).
    public var tokens: [String]

    public init(tokens: [String] = []) { self.tokens = tokens }
    public init(arrayLiteral elements: String...) { tokens = elements }

    /// The empty pointer (the whole document).
    public static let root = JSONPointer()

    /// Parses pointer text such as `/a~1b/0`; nil when it is not a valid pointer.
    public init?(parsing text: String) {
        if text.isEmpty { tokens = []; return }
        guard text.hasPrefix("/") else { return nil }
        var result: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let t = JSONPointer.unescape(raw) else { return nil }
            result.append(t)
        }
        tokens = result
    }

    /// Pointer text, e.g. `/事项/0/编号`.
    public var description: String {
        var s = ""
        for t in tokens {
            s += "/"
            s += JSONPointer.escape(t)
        }
        return s
    }

    public var isEmpty: Bool { tokens.isEmpty }

    public func appending(_ token: String) -> JSONPointer {
        var p = self
        p.tokens.append(token)
        return p
    }

    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
    }

    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func unescape<S: StringProtocol>(_ raw: S) -> String? {
        guard raw.contains("~") else { return String(raw) }
        var out = ""
        var it = raw.makeIterator()
        while let c = it.next() {
            if c == "~" {
                switch it.next() {
                case "0": out.append("~")
                case "1": out.append("/")
                default: return nil
                }
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The array index a token denotes (`0`, `12`; no leading zeros, no sign), or nil.
    public static func arrayIndex(_ token: String) -> Int? {
        let u = token.utf8
        guard let first = u.first, first >= 0x30, first <= 0x39 else { return nil }
        if first == 0x30 && u.count > 1 { return nil }
        guard u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(token)
    }
}
