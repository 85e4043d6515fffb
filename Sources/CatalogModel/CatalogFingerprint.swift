import Diagnostics
import Foundation
import YAMLTree

/// The canonical fingerprint of a catalog: SHA-256 of its content written as canonical JSON (mapping keys sorted,
/// sequences in order, scalars by their resolved value), so that comments, key order, quoting and layout do not
/// count, and any change of a value does. `sha256:` followed by 64 hexadecimal digits.
public enum CatalogFingerprint {
    public static func of(_ root: YAMLNode) -> String {
        var out = ""
        canonical(root, into: &out)
        return "sha256:" + SHA256.hex(Array(out.utf8))
    }

    /// The fingerprint of a file's bytes, or nil when they do not parse.
    public static func of(bytes: [UInt8], file: String) -> String? {
        let parsed = YAMLParser.parse(bytes, file: file)
        guard !parsed.hasErrors, let root = parsed.document?.root else { return nil }
        return of(root)
    }

    static func canonical(_ node: YAMLNode, into out: inout String) {
        switch node.value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += JSONOutput.double(d).serialized(pretty: false)
        case .string(let s): out += JSONOutput.string(s).serialized(pretty: false)
        case .sequence(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                canonical(item, into: &out)
            }
            out += "]"
        case .mapping(let pairs):
            out += "{"
            let sorted = pairs.sorted { key($0.key) < key($1.key) }
            for (i, pair) in sorted.enumerated() {
                if i > 0 { out += "," }
                out += JSONOutput.string(key(pair.key)).serialized(pretty: false) + ":"
                canonical(pair.value, into: &out)
            }
            out += "}"
        }
    }

    static func key(_ node: YAMLNode) -> String {
        if case .string(let s) = node.value { return s }
        return node.text
    }
}
