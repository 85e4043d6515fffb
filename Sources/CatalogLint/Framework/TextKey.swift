import Foundation
import YAMLTree

/// A text as a `Set` or `Dictionary` key: equal exactly when the texts are canonically equivalent (as `String ==`
/// is), but hashed and compared as UTF-8 bytes. `String` normalizes a non-ASCII text to NFC on every hash, which
/// made hashing Chinese keys the largest cost of the lint rules. A text made only of scalars that NFC leaves alone
/// whatever surrounds them (ASCII, CJK ideographs and punctuation, full-width forms: nearly every catalog text) is
/// its own NFC form and is kept as written; any other text is normalized once, when its key is made.
struct TextKey: Hashable, Sendable {
    /// The text in NFC.
    let nfc: String
    /// The hash of `nfc`'s bytes, computed once: a key made once per file is looked up by several rules' memos.
    private let digest: Int

    init(_ text: String) {
        nfc = TextKey.isOwnNFC(text) ? text : text.precomposedStringWithCanonicalMapping
        var hasher = Hasher()
        var bytes = nfc
        bytes.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        digest = hasher.finalize()
    }

    static func == (a: TextKey, b: TextKey) -> Bool { a.digest == b.digest && sameUTF8(a.nfc, b.nfc) }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    /// `a == b` (canonical equivalence) answered from the bytes when both texts are their own NFC, as nearly every
    /// key, name and path is: `String ==` compares non-ASCII text scalar by scalar through normalization.
    static func equal(_ a: String, _ b: String) -> Bool {
        if sameUTF8(a, b) { return true }
        if isOwnNFC(a), isOwnNFC(b) { return false }
        return a == b
    }

    /// `text == name` for a `name` that is its own NFC (a key of the format such as 公开渠道, compared with every
    /// list's key): only `text` is read for the NFC check.
    static func equal(_ text: String, ownNFC name: String) -> Bool {
        assert(isOwnNFC(name), "\(name) is not its own NFC")
        if sameUTF8(text, name) { return true }
        if isOwnNFC(text) { return false }
        return text == name
    }

    /// Whether every scalar of `text` is one NFC never changes, whatever surrounds it: no canonical decomposition,
    /// combining class 0, and never the second of a composed pair. Such a text is in NFC. Read from the UTF-8 bytes:
    /// ASCII; U+00A0–U+00BF, U+00D7, U+00F7; U+2010–U+2027, U+2030–U+203E; U+3000–U+3029, U+3030–U+303F;
    /// U+3400–U+9FFF (CJK ideographs, extension A, hexagrams); U+FF01–U+FF5E (full-width forms).
    static func isOwnNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isOwnNFC($0) }
    }

    /// `isOwnNFC` of a text's UTF-8 bytes (valid UTF-8, as a `String`'s). A CJK ideograph's lead byte (nearly every byte of a catalog text that
    /// is not ASCII) is tested first and passed without reading the bytes after it.
    static func isOwnNFC(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var p = b.baseAddress else { return true }
        let end = p + b.count
        while p < end {
            let c = p.pointee
            if c &- 0xE4 < 6 {  // 0xE4–0xE9: U+4000–U+9FFF
                p += 3
                continue
            }
            if c < 0x80 {
                p += 1
                continue
            }
            if c == 0xC2 {
                guard end - p >= 2, p[1] >= 0xA0, p[1] <= 0xBF else { return false }
                p += 2
                continue
            }
            if c == 0xC3 {
                guard end - p >= 2, p[1] == 0x97 || p[1] == 0xB7 else { return false }
                p += 2
                continue
            }
            guard end - p >= 3 else { return false }
            let c1 = p[1]
            let c2 = p[2]
            switch c {
            case 0xE3:  // U+3000–U+3FFF
                if c1 == 0x80 {  // U+3000–U+303F, but not U+302A–U+302F (combining tone marks)
                    guard c2 < 0xAA || c2 > 0xAF else { return false }
                } else if c1 < 0x90 {  // U+3040–U+33FF: kana (composed forms, voicing marks) and more
                    return false
                }  // U+3400–U+3FFF: extension A
            case 0xE2:
                guard c1 == 0x80, (c2 >= 0x90 && c2 <= 0xA7) || (c2 >= 0xB0 && c2 <= 0xBE) else { return false }
            case 0xEF:  // U+FF01–U+FF5E
                guard (c1 == 0xBC && c2 >= 0x81) || (c1 == 0xBD && c2 <= 0x9E) else { return false }
            default:
                return false
            }
            p += 3
        }
        return true
    }
}
