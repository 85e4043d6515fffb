import SafeOutput

/// A JSON value with ordered object keys, for machine-readable output whose layout is a contract.
public indirect enum JSONOutput: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// Serializes with two-space indentation (or compactly) and a stable key order; non-ASCII is kept as is.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// `serialized(pretty:)` as UTF-8 bytes, written into one buffer (no `String` appended to per value).
    public func serializedBytes(pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, indent: pretty ? 0 : nil)
        return out
    }

    /// Serializes with two-space indentation as if nested `level` deep (for streamed documents).
    public func serialized(indentLevel level: Int) -> String {
        var out: [UInt8] = []
        write(to: &out, indent: level)
        return String(decoding: out, as: UTF8.self)
    }

    /// `serialized(indentLevel:)` handed on in pieces of about `size` bytes, cut between the members of arrays and
    /// objects: a long array (a province's coverage, 2,000 jurisdictions) is never held whole, as bytes or as a string.
    public func serialized(indentLevel level: Int, inPiecesOf size: Int, _ piece: (String) -> Void) {
        withoutActuallyEscaping(piece) { piece in
            var out: [UInt8] = []
            write(to: &out, indent: level) { out in
                guard out.count >= size else { return }
                piece(String(decoding: out, as: UTF8.self))
                out.removeAll(keepingCapacity: true)
            }
            if !out.isEmpty { piece(String(decoding: out, as: UTF8.self)) }
        }
    }

    /// `cut`, when given, is called after each member of an array or object, with what is written so far.
    private func write(to out: inout [UInt8], indent: Int?, cut: ((inout [UInt8]) -> Void)? = nil) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d):
            if d.isFinite {
                out.append(contentsOf: (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)).utf8)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        case .string(let s): JSONText.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent.map { $0 + 1 })
                item.write(to: &out, indent: indent.map { $0 + 1 }, cut: cut)
                cut?(&out)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent.map { $0 + 1 })
                JSONText.quote(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, indent: indent.map { $0 + 1 }, cut: cut)
                cut?(&out)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }
}

extension JSONOutput {
    /// A string, or null when absent.
    public static func optional(_ s: String?) -> JSONOutput { s.map(JSONOutput.string) ?? .null }
    /// An int, or null when absent.
    public static func optional(_ i: Int?) -> JSONOutput { i.map(JSONOutput.int) ?? .null }
}
