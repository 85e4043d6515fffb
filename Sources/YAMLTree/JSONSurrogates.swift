/// JSON escapes a character outside the BMP as a UTF-16 surrogate pair (`"\uD83D\uDE00"`, which is what
/// `json.dumps` writes for rare hanzi such as 𠀀 by default); YAML and libyaml accept only `\U0001F600`.
/// For a file that is JSON, this rewrites each pair inside a double-quoted string, keeping the character
/// indexes of the rewrites so that positions can be mapped back to the original text. A surrogate escape that
/// is not half of a pair (a lone or reversed one) has no character to become: its offset is kept for the error.
enum JSONSurrogates {
    struct Rewrite {
        var bytes: [UInt8]
        /// Character index (in the rewritten text, after any BOM) at which each 12-character pair became a
        /// 10-character `\UXXXXXXXX`.
        var shifts: [Int]
        /// The byte offset (in the original) of the first lone surrogate escape, and its code unit.
        var lone: (offset: Int, unit: Int)?
    }

    /// Whether the file is JSON: named `*.json`, or its first significant character opens an object or an
    /// array (a YAML file cannot start so and be a catalog). Only JSON gets its surrogate escapes rewritten.
    static func isJSON(_ p: UnsafeBufferPointer<UInt8>, file: String) -> Bool {
        if file.lowercased().hasSuffix(".json") { return true }
        let n = p.count
        var j = SourceText.hasUTF8BOM(p) ? 3 : 0
        while j < n && (p[j] == 0x20 || p[j] == 0x09 || p[j] == 0x0A || p[j] == 0x0D) { j += 1 }
        return j < n && (p[j] == UInt8(ascii: "{") || p[j] == UInt8(ascii: "["))
    }

    static func rewrite(_ p: UnsafeBufferPointer<UInt8>, file: String) -> Rewrite? {
        guard isJSON(p, file: file) else { return nil }
        let n = p.count
        var i = SourceText.hasUTF8BOM(p) ? 3 : 0
        var lone: (offset: Int, unit: Int)?

        var out = [UInt8]()
        out.reserveCapacity(n)
        out.append(contentsOf: p[0..<i])
        var shifts: [Int] = []
        var characters = 0
        var inString = false
        while i < n {
            let b = p[i]
            if inString && b == UInt8(ascii: "\\") && i + 1 < n {
                if p[i + 1] == UInt8(ascii: "u"), i + 11 < n,
                    let high = hex4(p, i + 2), (0xD800...0xDBFF).contains(high),
                    p[i + 6] == UInt8(ascii: "\\"), p[i + 7] == UInt8(ascii: "u"),
                    let low = hex4(p, i + 8), (0xDC00...0xDFFF).contains(low)
                {
                    let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    shifts.append(characters)
                    out.append(UInt8(ascii: "\\"))
                    out.append(UInt8(ascii: "U"))
                    for shift in stride(from: 28, through: 0, by: -4) {
                        out.append(hexDigits[(scalar >> shift) & 0xF])
                    }
                    characters += 10
                    i += 12
                    continue
                }
                if lone == nil, p[i + 1] == UInt8(ascii: "u"), i + 5 < n, let unit = hex4(p, i + 2),
                    (0xD800...0xDFFF).contains(unit)
                {
                    lone = (i, unit)
                }
                // Any other escape: keep both characters (so that \" does not end the string).
                out.append(b)
                characters += 1
                i += 1
                let next = p[i]
                out.append(next)
                if next & 0xC0 != 0x80 { characters += 1 }
                i += 1
                continue
            }
            if b == UInt8(ascii: "\"") { inString.toggle() }
            out.append(b)
            if b & 0xC0 != 0x80 { characters += 1 }
            i += 1
        }
        return shifts.isEmpty && lone == nil ? nil : Rewrite(bytes: out, shifts: shifts, lone: lone)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func hex4(_ p: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int? {
        var value = 0
        for k in at..<(at + 4) {
            guard let d = ScalarResolver.hexValue(p[k]) else { return nil }
            value = value * 16 + d
        }
        return value
    }
}
